// Whether out/ was built from the sources as they are now: a fingerprint of every input's path, size and
// modification time (no file is read, so checking costs a few milliseconds), stored beside the build.
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const inputs = ['src', 'electron.vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json'];
const stampFile = (root) => join(root, 'out', '.build-stamp');

function filesUnder(root, entry) {
  const full = join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function sourceFingerprint(root) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((entry) => filesUnder(root, entry)).sort()) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(root, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function isBuildCurrent(root) {
  const stamp = stampFile(root);
  if (!existsSync(stamp) || !existsSync(join(root, 'out', 'main', 'browser-shell.js'))) return false;
  return readFileSync(stamp, 'utf8').trim() === sourceFingerprint(root);
}

function writeStamp(root, fingerprint) {
  writeFileSync(stampFile(root), `${fingerprint}\n`);
}

module.exports = { sourceFingerprint, isBuildCurrent, writeStamp };
