#!/usr/bin/env node
// `npm start`: builds only when the sources changed since the last build, then starts the Electron host
// where its runtime exists and the browser shell where it does not.
const { spawn, spawnSync } = require('node:child_process');
const { resolve } = require('node:path');
const { findElectronRuntime } = require('./electron-runtime.cjs');
const { isBuildCurrent, sourceFingerprint, writeStamp } = require('./build-stamp.cjs');

const args = process.argv.slice(2);
const root = resolve(__dirname, '..');

function buildIfStale() {
  if (isBuildCurrent(root)) return;
  // Fingerprint taken before the build: a source saved during the build makes the next start rebuild.
  const fingerprint = sourceFingerprint(root);
  const cli = resolve(root, 'node_modules/electron-vite/bin/electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeStamp(root, fingerprint);
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

buildIfStale();
const electron = args.includes('--browser') ? null : findElectronRuntime();
if (electron && electron.path) {
  run(electron.path, [root, ...args]);
} else {
  if (electron) console.log(`Electron runtime not available: ${electron.reason}; starting the browser shell in Chromium instead.`);
  run(process.execPath, [resolve(root, 'out/main/browser-shell.js'), ...args]);
}
