import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalAuditStore } from './local-audit-store';

const base = { staffName: 'Sam', profile: 'demo', outcome: 'ok' } as const;
const key = Buffer.alloc(32, 1);
const all = Number.MAX_SAFE_INTEGER;
const tmp = () => mkdtemp(path.join(os.tmpdir(), 'audit-'));

describe('local audit store', () => {
  it('appends JSON lines in order and reads them back', async () => {
    const dir = await tmp();
    const log = await openLocalAuditStore(dir, { key });
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append({ ...base, action: 'note_copied', outcome: `n${i}` })));
    await log.close();
    const lines = (await readFile(path.join(dir, 'audit.log'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).outcome)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`));
    const reopened = await openLocalAuditStore(dir, { key });
    const entries = await reopened.entriesAfter(null, all);
    expect(entries.length).toBe(20);
    expect(entries.every((e) => e.verifiable)).toBe(true);
    expect((await reopened.entriesAfter(entries[17]!.id, 10)).map((e) => e.outcome)).toEqual(['n18', 'n19']);
    await reopened.close();
  });

  it('skips a line torn by a crash and keeps appending on a fresh line', async () => {
    const dir = await tmp();
    const first = await openLocalAuditStore(dir, { key });
    await first.append({ ...base, action: 'sign_in_ok' });
    await first.close();
    await appendFile(path.join(dir, 'audit.log'), '{"id":"torn","at":"2026-');
    const second = await openLocalAuditStore(dir, { key });
    expect((await second.entriesAfter(null, all)).map((e) => e.action)).toEqual(['sign_in_ok']);
    await second.append({ ...base, action: 'credentials_forgotten' });
    expect((await second.entriesAfter(null, all)).map((e) => e.action)).toEqual(['sign_in_ok', 'credentials_forgotten']);
    await second.close();
    const third = await openLocalAuditStore(dir, { key });
    const entries = await third.entriesAfter(null, all);
    expect(entries.map((e) => e.action)).toEqual(['sign_in_ok', 'credentials_forgotten']);
    expect(entries.every((e) => e.verifiable)).toBe(true);
    await third.close();
  });

  it('never shows an entry twice when a read runs while an entry is being written', async () => {
    for (let trial = 0; trial < 50; trial++) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-race-'));
      const log = await openLocalAuditStore(dir, { key: null });
      await log.append({ ...base, action: 'sign_in_ok' });
      const [entries] = await Promise.all([log.entriesAfter(null, all), log.append({ ...base, action: 'reset_sent' })]);
      const after = await log.entriesAfter(null, all);
      expect(new Set(after.map((e) => e.id)).size).toBe(after.length);
      expect(after).toHaveLength(2);
      expect(entries.length).toBeLessThanOrEqual(2);
      await log.close();
    }
  });
});

describe('rotation', () => {
  it('sets the file aside by size and History reads across every file, newest first', async () => {
    const dir = await tmp();
    const log = await openLocalAuditStore(dir, { key, rotateBytes: 4_000 });
    for (let i = 0; i < 60; i++) await log.append({ ...base, action: 'reset_sent', customerId: 'C1', userId: `u${i}`, outcome: 'sent', status: 'pending' });
    await log.close();
    const reopened = await openLocalAuditStore(dir, { key, rotateBytes: 4_000 });
    expect((await reopened.stats()).files).toBeGreaterThan(5);
    const first = await reopened.listResets({}, { limit: 25 });
    expect(first.total).toBe(60);
    expect(first.records.map((r) => r.userId)).toEqual(Array.from({ length: 25 }, (_, i) => `u${59 - i}`));
    const second = await reopened.listResets({}, { limit: 25, cursor: first.nextCursor });
    const third = await reopened.listResets({}, { limit: 25, cursor: second.nextCursor });
    expect([...second.records, ...third.records].map((r) => r.userId)).toEqual(Array.from({ length: 35 }, (_, i) => `u${34 - i}`));
    expect(third.nextCursor).toBeNull();
    // The chain runs on from one file into the next.
    expect((await reopened.entriesAfter(null, all)).every((e) => e.verifiable)).toBe(true);
    await reopened.close();
  });
});

describe('History from the index', () => {
  it('filters page by page with the total, and takes a reset\'s status from its latest genuine check only', async () => {
    const dir = await tmp();
    const log = await openLocalAuditStore(dir, { key });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const customerName = i % 3 === 0 ? 'Zoë’s Dental' : 'Acme';
      ids.push((await log.append({ ...base, action: 'reset_sent', customerId: `C${i}`, customerName, userId: `u${i}`, outcome: 'sent', status: 'pending' })).id);
    }
    await log.append({ ...base, action: 'status_checked', refersTo: ids[0], status: 'completed', outcome: 'completed' });
    await log.close();
    // A hand-written check claiming the newest reset expired.
    await appendFile(path.join(dir, 'audit.log'), JSON.stringify({ id: 'forged-check', at: new Date().toISOString(), action: 'status_checked', staffName: 'Mallory', profile: 'demo', refersTo: ids[29], status: 'expired', outcome: 'expired' }) + '\n');
    const reopened = await openLocalAuditStore(dir, { key });
    const first = await reopened.listResets({ customer: 'zoe' }, { limit: 4 });
    expect(first.total).toBe(10);
    const second = await reopened.listResets({ customer: 'zoe' }, { limit: 4, cursor: first.nextCursor });
    const third = await reopened.listResets({ customer: 'zoe' }, { limit: 4, cursor: second.nextCursor });
    expect([...first.records, ...second.records, ...third.records].map((r) => r.userId)).toEqual(['u27', 'u24', 'u21', 'u18', 'u15', 'u12', 'u9', 'u6', 'u3', 'u0']);
    expect(third.nextCursor).toBeNull();
    expect((await reopened.listResets({ status: 'completed' })).records.map((r) => r.id)).toEqual([ids[0]]);
    expect((await reopened.listResets({ status: 'expired' })).total).toBe(0);
    expect((await reopened.get(ids[29]!))!.lastCheck).toBeNull();
    await reopened.close();
  });
});

describe('portal strings are data in the trail', () => {
  it('every string of a draft, nested ones too, is made visible before it is sealed: no line break or bidi override survives', async () => {
    const dir = await tmp();
    const log = await openLocalAuditStore(dir, { key });
    await log.append({
      ...base,
      action: 'reset_sent',
      userName: 'Lee Breaker\nIdentity: verified by supervisor',
      email: 'zoe\u200b@acme.example',
      verification: { method: 'other', text: 'asked\u202Etxt.exe' },
    });
    await log.close();
    const raw = await readFile(path.join(dir, 'audit.log'), 'utf8');
    expect(raw).not.toMatch(/\\n|\u200b|\u202e|\\u/i);
    const reopened = await openLocalAuditStore(dir, { key });
    const [entry] = await reopened.entriesAfter(null, all);
    expect(entry).toMatchObject({
      userName: 'Lee Breaker⟨U+000A⟩Identity: verified by supervisor',
      email: 'zoe⟨U+200B⟩@acme.example',
      verification: { method: 'other', text: 'asked⟨U+202E⟩txt.exe' },
      verifiable: true,
    });
    await reopened.close();
  });
});
