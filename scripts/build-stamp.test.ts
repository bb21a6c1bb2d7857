import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { isBuildCurrent, sourceFingerprint, writeStamp } = require('./build-stamp.cjs') as {
  isBuildCurrent(root: string): boolean;
  sourceFingerprint(root: string): string;
  writeStamp(root: string, fingerprint: string): void;
};

/** A stand-in project: one source, one config, a build in out/. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'build-stamp-'));
  mkdirSync(join(root, 'src', 'main'), { recursive: true });
  mkdirSync(join(root, 'out', 'main'), { recursive: true });
  writeFileSync(join(root, 'src', 'main', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'electron.vite.config.ts'), 'export default {};\n');
  writeFileSync(join(root, 'out', 'main', 'browser-shell.js'), '');
  return root;
}

describe('npm start reuses a current build', () => {
  it('counts a build as current until a source or config changes', () => {
    const root = project();
    expect(isBuildCurrent(root)).toBe(false); // never stamped
    writeStamp(root, sourceFingerprint(root));
    expect(isBuildCurrent(root)).toBe(true);
    utimesSync(join(root, 'src', 'main', 'a.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(isBuildCurrent(root)).toBe(false);
    writeStamp(root, sourceFingerprint(root));
    writeFileSync(join(root, 'src', 'main', 'b.ts'), 'export const b = 2;\n');
    expect(isBuildCurrent(root)).toBe(false);
    writeStamp(root, sourceFingerprint(root));
    writeFileSync(join(root, 'electron.vite.config.ts'), 'export default { changed: true };\n');
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('ignores test files (they are not built), and rebuilds over a stamp that does not match', () => {
    const root = project();
    writeStamp(root, sourceFingerprint(root));
    writeFileSync(join(root, 'src', 'main', 'a.test.ts'), 'it.todo("x");\n');
    expect(isBuildCurrent(root)).toBe(true);
    writeFileSync(join(root, 'out', '.build-stamp'), 'stale\n');
    expect(isBuildCurrent(root)).toBe(false);
  });
});
