import { chmod, mkdtemp, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalAuditStore } from './local-audit-store';
import { AuditFileRefused } from './private-file';

/** Issue 14 row 8: a planted audit.log link is refused and nothing reaches its target; audit files are 0600. */

const posix = process.platform !== 'win32';
const entry = { staffName: 'Sam', profile: 'demo', action: 'sign_in_ok', outcome: 'ok' } as const;

describe.runIf(posix)('private audit files', () => {
  it('refuses a planted audit.log symlink at open, with a clear message, and writes nothing to its target', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-link-'));
    const target = path.join(await mkdtemp(path.join(os.tmpdir(), 'audit-target-')), 'victim.txt');
    await writeFile(target, 'precious\n');
    await symlink(target, path.join(dir, 'audit.log'));
    const err = await openLocalAuditStore(dir, { key: null }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuditFileRefused);
    expect((err as Error).message).toMatch(/audit\.log is a symbolic link/);
    expect(await readFile(target, 'utf8')).toBe('precious\n');
  });

  it('refuses a link planted after open: the append fails and the target is untouched', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-link-'));
    const target = path.join(dir, 'victim.txt');
    await writeFile(target, '');
    const log = await openLocalAuditStore(dir, { key: null });
    await symlink(target, path.join(dir, 'audit.log'));
    await expect(log.append(entry)).rejects.toThrow(/symbolic link/);
    expect(await readFile(target, 'utf8')).toBe('');
    await log.close();
  });

  it('refuses a rotated file that is a link to another file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-link-'));
    await writeFile(path.join(dir, 'elsewhere.log'), '');
    await symlink(path.join(dir, 'elsewhere.log'), path.join(dir, 'audit-000001.log'));
    await expect(openLocalAuditStore(dir, { key: null })).rejects.toThrow(/audit-000001\.log is a symbolic link/);
  });

  it('creates audit files 0600 and makes an existing world-readable one private', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-mode-'));
    const log = await openLocalAuditStore(dir, { key: null, rotateBytes: 1_000 });
    for (let i = 0; i < 10; i++) await log.append(entry);
    await log.close();
    expect((await stat(path.join(dir, 'audit.log'))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir, 'audit-000001.log'))).mode & 0o777).toBe(0o600);
    await chmod(path.join(dir, 'audit-000001.log'), 0o666);
    await (await openLocalAuditStore(dir, { key: null })).close();
    expect((await stat(path.join(dir, 'audit-000001.log'))).mode & 0o777).toBe(0o600);
  });
});
