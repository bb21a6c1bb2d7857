import { mkdtemp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { openSettingsStore, storedPortalChoice } from './settings-store';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'settings-'));

describe('settings store', () => {
  it('starts from defaults and writes atomically, leaving no temp files', async () => {
    const dir = await tempDir();
    const store = await openSettingsStore(dir, silentLogger);
    expect(store.current()).toMatchObject({ portal: { mode: 'demo' }, staffName: '', profiles: {} });
    await Promise.all([store.update((s) => ({ ...s, staffName: 'Sam' })), store.update((s) => ({ ...s, portal: { mode: 'url', url: 'https://p.example' } }))]);
    expect(await readdir(dir)).toEqual(['settings.json']);
    const reopened = await openSettingsStore(dir, silentLogger);
    expect(reopened.current()).toMatchObject({ staffName: 'Sam', portal: { mode: 'url', url: 'https://p.example' } });
    expect(reopened.problem()).toBeNull();
  });

  it.each([
    ['not JSON', '{"version":1,"portal":'],
    ['the wrong shape', JSON.stringify({ version: 1, portal: { mode: 'ftp' }, staffName: 'x', profiles: {} })],
    ['a smuggled password', JSON.stringify({ version: 1, portal: { mode: 'demo' }, staffName: 'x', profiles: { demo: { username: 'u', password: 'p' } } })],
  ])('sets a file with %s aside and reports it', async (_what, content) => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'settings.json'), content);
    const store = await openSettingsStore(dir, silentLogger, () => new Date('2026-01-02T03:04:05.678Z'));
    expect(store.problem()).toContain('settings.corrupt-2026-01-02T03-04-05-678Z.json');
    expect(store.current().staffName).toBe('');
    expect(await readFile(path.join(dir, 'settings.corrupt-2026-01-02T03-04-05-678Z.json'), 'utf8')).toBe(content);
    expect(await readdir(dir)).not.toContain('settings.json');
  });
});

describe.skipIf(process.platform === 'win32')('settings files are private', () => {
  it('writes settings.json 0600', async () => {
    const dir = await tempDir();
    const store = await openSettingsStore(dir, silentLogger);
    await store.update((s) => ({ ...s, staffName: 'Sam' }));
    expect((await stat(path.join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);
  });

  it('does not read through a planted settings.json symlink, and replaces the link (not its target) on save', async () => {
    const dir = await tempDir();
    const target = path.join(await tempDir(), 'elsewhere.json');
    const planted = JSON.stringify({ version: 1, portal: { mode: 'url', url: 'https://attacker.example' }, staffName: 'x', profiles: {} });
    await writeFile(target, planted);
    await symlink(target, path.join(dir, 'settings.json'));
    await expect(openSettingsStore(dir, silentLogger)).rejects.toThrow(/symbolic link/);
    expect(storedPortalChoice(dir)).toEqual({ mode: 'demo' });
    expect(await readFile(target, 'utf8')).toBe(planted);
  });

  it('reads the stored portal choice, demo when there is none', async () => {
    const dir = await tempDir();
    expect(storedPortalChoice(dir)).toEqual({ mode: 'demo' });
    const store = await openSettingsStore(dir, silentLogger);
    await store.update((s) => ({ ...s, portal: { mode: 'url', url: 'https://p.example' } }));
    expect(storedPortalChoice(dir)).toEqual({ mode: 'url', url: 'https://p.example' });
  });
});
