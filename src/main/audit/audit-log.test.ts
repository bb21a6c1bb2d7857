import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog } from './audit-log';

const base = { staffName: 'Sam', profile: 'demo', outcome: 'ok' } as const;

describe('audit log', () => {
  it('appends JSON lines in order and reads them back', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-'));
    const log = await openAuditLog(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append({ ...base, action: 'note_copied', outcome: `n${i}` })));
    await log.close();
    const lines = (await readFile(path.join(dir, 'audit.log'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).outcome)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`));
    const reopened = await openAuditLog(dir);
    expect((await reopened.readAll()).length).toBe(20);
    await reopened.close();
  });

  it('skips a line torn by a crash and keeps appending on a fresh line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-'));
    const first = await openAuditLog(dir);
    await first.append({ ...base, action: 'sign_in_ok' });
    await first.close();
    await appendFile(path.join(dir, 'audit.log'), '{"id":"torn","at":"2026-');
    const second = await openAuditLog(dir);
    expect((await second.readAll()).map((e) => e.action)).toEqual(['sign_in_ok']);
    await second.append({ ...base, action: 'credentials_forgotten' });
    expect((await second.readAll()).map((e) => e.action)).toEqual(['sign_in_ok', 'credentials_forgotten']);
    await second.close();
    const third = await openAuditLog(dir);
    expect((await third.readAll()).map((e) => e.action)).toEqual(['sign_in_ok', 'credentials_forgotten']);
    await third.close();
  });
});

describe('reading while writing', () => {
  it('never shows an entry twice when the first read runs while an entry is being written', async () => {
    for (let trial = 0; trial < 50; trial++) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-race-'));
      const log = await openAuditLog(dir);
      await log.append({ ...base, action: 'sign_in_ok' });
      const [entries] = await Promise.all([log.readAll(), log.append({ ...base, action: 'reset_sent' })]);
      const after = await log.readAll();
      expect(new Set(after.map((e) => e.id)).size).toBe(after.length);
      expect(after).toHaveLength(2);
      expect(entries.length).toBeLessThanOrEqual(2);
      await log.close();
    }
  });
});
