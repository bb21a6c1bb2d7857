import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { startElectronHost } from './start-electron-host';

startElectronHost(
  { app, BrowserWindow, ipcMain, protocol, session, shell },
  {
    argv: process.argv,
    bundleDir: __dirname,
    writeLine: (line) => process.stderr.write(`${line}\n`),
    exit: (code) => process.exit(code),
  },
);
