import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { FlagError, parseHostFlags } from '../core/cli-options';
import { createCore, type Core } from '../core/create-core';
import { electronOrigin } from '../core/renderer-security';
import { createLogger } from '../log/logger';
import { appSchemePrivileges, serveRenderer } from './app-protocol';
import { bridgeIpc } from './ipc-bridge';
import { denyAllPermissions, guardWebContents } from './web-contents-guards';
import { createMainWindow } from './window-options';

const isDevelopment = !app.isPackaged && process.env.NODE_ENV === 'development';

// Electron puts its own switches first; ours follow the app path.
const flags = (() => {
  try {
    return parseHostFlags(process.argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('--no-sandbox') && !a.startsWith('--inspect')));
  } catch (err) {
    process.stderr.write(`${err instanceof FlagError ? err.message : String(err)}\n`);
    process.exit(2);
  }
})();
if (flags.userDataDir) app.setPath('userData', flags.userDataDir);
// Suppressed for Electronegativity: the switch is added only when the staffer passes --remote-debugging-port.
if (flags.remoteDebuggingPort !== null) app.commandLine.appendSwitch('remote-debugging-port', String(flags.remoteDebuggingPort)); // eng-disable CUSTOM_ARGUMENTS_JS_CHECK

protocol.registerSchemesAsPrivileged(appSchemePrivileges);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});

app.on('web-contents-created', (_event, contents) => {
  // The only openExternal: guardWebContents calls it after isAllowedExternalUrl (suppressed for both checkers).
  // eslint-disable-next-line no-restricted-syntax
  guardWebContents(contents, (url) => shell.openExternal(url), electronOrigin); // eng-disable OPEN_EXTERNAL_JS_CHECK
  if (!isDevelopment) contents.on('devtools-opened', () => contents.closeDevTools());
});

app.whenReady().then(async () => {
  denyAllPermissions(session.defaultSession);
  serveRenderer(protocol, join(__dirname, '../renderer'));
  core = await createCore({
    host: 'electron',
    version: app.getVersion(),
    userDataDir: app.getPath('userData'),
    portalOverride: flags.portal,
    allowedOrigin: electronOrigin,
    log: createLogger(),
    startDemoPortal: async () => (await import('../../portal-sim/index')).startSimulator({ port: 0 }),
  });
  bridgeIpc(ipcMain, core.dispatcher);
  mainWindow = createMainWindow(BrowserWindow, join(__dirname, '../preload/index.cjs'));
  mainWindow.once('ready-to-show', () => {
    if (!flags.headless) mainWindow?.show();
  });
  await mainWindow.loadURL(`${electronOrigin}/`);
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void core?.close());
