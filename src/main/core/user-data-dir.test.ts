import { chmodSync, mkdtempSync, statSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, ensurePrivateUserDataDir, openPrivateFile, UnsafeUserDataDirError } from './user-data-dir';

const scratch = () => mkdtempSync(join(tmpdir(), 'user-data-'));
const modeOf = (p: string) => statSync(p).mode & 0o777;

describe('defaultUserDataDir', () => {
  it('is the folder Electron would use, named after the product, on each platform', () => {
    expect(defaultUserDataDir({}, 'linux', '/home/sam')).toBe('/home/sam/.config/Reset Console');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/sam')).toBe('/cfg/Reset Console');
    expect(defaultUserDataDir({}, 'darwin', '/Users/sam')).toBe('/Users/sam/Library/Application Support/Reset Console');
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\sam\\AppData\\Roaming' }, 'win32', 'C:\\Users\\sam')).toContain('Reset Console');
  });
});

describe.skipIf(process.platform === 'win32')('the user-data folder is private (POSIX)', () => {
  it('is created 0700, parents included', () => {
    const dir = join(scratch(), 'a', 'b');
    ensurePrivateUserDataDir(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it.each([0o777, 0o775, 0o757])('refuses a folder with mode %o, saying how to fix it, and leaves it untouched', (mode) => {
    const dir = scratch();
    chmodSync(dir, mode);
    expect(() => ensurePrivateUserDataDir(dir)).toThrow(UnsafeUserDataDirError);
    expect(() => ensurePrivateUserDataDir(dir)).toThrow(/can be written by other users .*chmod 700/);
    expect(modeOf(dir)).toBe(mode);
  });

  it('refuses a folder that belongs to another user', () => {
    const dir = scratch();
    expect(() => ensurePrivateUserDataDir(dir, statSync(dir).uid + 1)).toThrow(/belongs to another user/);
  });

  it('accepts an existing private folder', () => {
    const dir = scratch();
    chmodSync(dir, 0o750);
    expect(ensurePrivateUserDataDir(dir)).toBe(dir);
  });
});

describe.skipIf(process.platform === 'win32')('openPrivateFile', () => {
  it('creates files 0600 and narrows a wider existing one', async () => {
    const dir = scratch();
    const fresh = await openPrivateFile(join(dir, 'audit.log'), 'append');
    await fresh.appendFile('line\n');
    await fresh.close();
    expect(modeOf(join(dir, 'audit.log'))).toBe(0o600);
    writeFileSync(join(dir, 'wide.log'), '');
    chmodSync(join(dir, 'wide.log'), 0o666);
    await (await openPrivateFile(join(dir, 'wide.log'), 'append')).close();
    expect(modeOf(join(dir, 'wide.log'))).toBe(0o600);
  });

  it.each(['read', 'append', 'create-new'] as const)('does not follow a planted symlink (%s); the target is untouched', async (mode) => {
    const dir = scratch();
    const target = join(scratch(), 'victim.txt');
    writeFileSync(target, 'original');
    symlinkSync(target, join(dir, 'audit.log'));
    await expect(openPrivateFile(join(dir, 'audit.log'), mode)).rejects.toMatchObject({ code: mode === 'create-new' ? 'EEXIST' : 'ELOOP' });
    expect(readFileSync(target, 'utf8')).toBe('original');
  });
});
