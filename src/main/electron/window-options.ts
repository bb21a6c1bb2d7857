import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/**
 * The one window: isolated, sandboxed, no Node, no webviews, no middle-click windows. The options are
 * written inline in the constructor call so static checkers (Electronegativity) can see them; this is their
 * one source (electron-host.test.ts asserts them). `devTools` comes from `devToolsAllowed`.
 */
export function createMainWindow(Window: BrowserWindowClass, preloadPath: string, devTools: boolean): BrowserWindow {
  return new Window({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Reset Console',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  });
}

/** DevTools only in an unpackaged development run; a packaged build never, whatever NODE_ENV says. */
export function devToolsAllowed(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return !isPackaged && env.NODE_ENV === 'development';
}
