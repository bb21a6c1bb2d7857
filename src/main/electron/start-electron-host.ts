import { join } from 'node:path';
import type { App, BrowserWindow, IpcMain, Protocol, Session, Shell } from 'electron';
import { electronHostArgs, FlagError, parseHostFlags, remoteDebuggingPortFor, remoteDebuggingWarning, type HostFlags } from '../core/cli-options';
import { AuditFileRefused } from '../audit/local/private-file';
import { createCore, type Core, type CoreOptions } from '../core/create-core';
import { electronOrigin } from '../core/renderer-security';
import { ensurePrivateUserDataDir, UnsafeUserDataDirError } from '../core/user-data-dir';
import { createLogger } from '../log/logger';
import { storedPortalChoice } from '../settings/settings-store';
import { appSchemePrivileges, serveRenderer } from './app-protocol';
import { bridgeIpc } from './ipc-bridge';
import { guardWebContents, restrictPermissions } from './web-contents-guards';
import { createMainWindow, devToolsAllowed } from './window-options';

/** The parts of `electron` the host uses; the unit tests pass stand-ins (the runtime cannot run here). */
export interface ElectronParts {
  app: App;
  BrowserWindow: typeof BrowserWindow;
  ipcMain: IpcMain;
  protocol: Protocol;
  session: { defaultSession: Session };
  shell: Pick<Shell, 'openExternal'>;
}

export interface HostEnvironment {
  argv: readonly string[];
  /** Where the bundles sit (`out/main`): the renderer and preload are found beside it. */
  bundleDir: string;
  writeLine(line: string): void;
  /** Ends the process: exit code 2 for a refusal, before anything is opened. */
  exit(code: number): never;
  createCore?: (options: CoreOptions) => Promise<Core>;
}

/** Chromium switches Electron would honour from our command line; checked again after Electron parsed it. */
const weakeningSwitches = ['no-sandbox', 'disable-web-security', 'ignore-certificate-errors', 'disable-site-isolation-trials'];

/**
 * The Electron host: refuses bad flags and an unsafe data folder first (exit 2), returns before any
 * `whenReady` work when another instance holds the lock, then wires sandbox, protocol, permissions,
 * guards, IPC and the window.
 */
export function startElectronHost(electron: ElectronParts, env: HostEnvironment): void {
  const { app } = electron;
  let flags: HostFlags;
  let port: number | null;
  try {
    flags = parseHostFlags(electronHostArgs(env.argv, app.isPackaged));
    const weakened = weakeningSwitches.find((s) => app.commandLine.hasSwitch(s));
    if (weakened) throw new FlagError(`--${weakened} refused: the console does not run with Chromium's protections turned off.`);
    if (flags.userDataDir) app.setPath('userData', flags.userDataDir);
    ensurePrivateUserDataDir(app.getPath('userData'));
    // Chromium reads the switch at start, so the decision is made here, before ready.
    port = remoteDebuggingPortFor(flags, flags.portal ?? storedPortalChoice(app.getPath('userData')), app.isPackaged);
  } catch (err) {
    if (!(err instanceof FlagError || err instanceof UnsafeUserDataDirError)) throw err;
    env.writeLine(err.message);
    return env.exit(2);
  }

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (port !== null) {
    // Only reached unpackaged, beside a local portal or with --allow-remote-debugging (remoteDebuggingPortFor).
    app.commandLine.appendSwitch('remote-debugging-port', String(port)); // eng-disable CUSTOM_ARGUMENTS_JS_CHECK
    env.writeLine(remoteDebuggingWarning);
  }

  electron.protocol.registerSchemesAsPrivileged(appSchemePrivileges);
  app.enableSandbox();
  const devTools = devToolsAllowed(app.isPackaged);
  let core: Core | null = null;
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    // The only openExternal: guardWebContents calls it after isAllowedExternalUrl (suppressed for both checkers).
    // eslint-disable-next-line no-restricted-syntax
    guardWebContents(contents, (url) => electron.shell.openExternal(url), electronOrigin); // eng-disable OPEN_EXTERNAL_JS_CHECK
    if (!devTools) contents.on('devtools-opened', () => contents.closeDevTools());
  });

  void app.whenReady().then(async () => {
    const userDataDir = app.getPath('userData');
    restrictPermissions(electron.session.defaultSession, electronOrigin);
    serveRenderer(electron.protocol, join(env.bundleDir, '../renderer'));
    try {
      core = await (env.createCore ?? createCore)({
        host: 'electron',
        version: app.getVersion(),
        userDataDir,
        portalOverride: flags.portal,
        teamDb: flags.teamDb,
        allowedOrigin: electronOrigin,
        log: createLogger(),
        startDemoPortal: async () => (await import('../../portal-sim/index')).startSimulator({ port: 0 }),
      });
    } catch (err) {
      // A planted or foreign audit.log: refused like an unsafe data folder, before any window opens.
      if (!(err instanceof AuditFileRefused)) throw err;
      env.writeLine(err.message);
      return env.exit(2);
    }
    bridgeIpc(electron.ipcMain, core.dispatcher);
    mainWindow = createMainWindow(electron.BrowserWindow, join(env.bundleDir, '../preload/index.cjs'), devTools);
    mainWindow.once('ready-to-show', () => {
      if (!flags.headless) mainWindow?.show();
    });
    await mainWindow.loadURL(`${electronOrigin}/`);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void core?.close());
}
