#!/usr/bin/env node
// `npm start`: the Electron host where its runtime exists, the browser shell where it does not.
const { spawn } = require('node:child_process');
const { resolve } = require('node:path');
const { findElectronRuntime } = require('./electron-runtime.cjs');

const args = process.argv.slice(2);
const root = resolve(__dirname, '..');

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = args.includes('--browser') ? null : findElectronRuntime();
if (electron && electron.path) {
  run(electron.path, [root, ...args]);
} else {
  if (electron) console.log(`Electron runtime not available: ${electron.reason}; starting the browser shell in Chromium instead.`);
  run(process.execPath, [resolve(root, 'out/main/browser-shell.js'), ...args]);
}
