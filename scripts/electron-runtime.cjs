// Where the Electron runtime is, without triggering the `electron` package's download-on-require
// (which cannot reach GitHub on offline machines and would stall the start).
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

function findElectronRuntime() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const candidate = join(distDir, relative || 'electron');
  if (existsSync(candidate)) return { path: candidate, reason: null };
  return { path: null, reason: `no Electron runtime at ${candidate} (it is downloaded from GitHub, which this machine cannot reach)` };
}

module.exports = { findElectronRuntime };
