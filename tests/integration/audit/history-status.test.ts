import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntry, type AuditEntry } from '../../../src/main/audit/audit-entry';
import type { HistoryEntry } from '../../../src/shared/ipc/contract';
import { canary, JANE, JANE_EMAIL, startHarness, type Harness, emailOf } from '../core/core-harness';
import { parse } from 'csv-parse/sync';

/**
 * History against the simulator, at the core: the audit trail each action leaves, live status driven
 * by the simulator's clock and by the user's My Phone Next sign-in and password change, the
 * social-engineering warning, CSV read back cell for cell, and everything that must work offline.
 * (tests/integration/core/core-history.test.ts covers filters and the plain completed/expired checks.)
 */

const BOB = 'bob@acme.voip';
const HOUR = 3_600_000;

const post = (h: Harness, p: string, body: unknown) =>
  fetch(h.sim.url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The user signs in to My Phone Next with the temporary password: the portal asks for a new one. */
async function mpnSignIn(h: Harness, userId: string, email: string): Promise<string> {
  const temp = (await h.sim$.outbox(email)).at(-1)!.tempPassword;
  const res = await post(h, '/mpn/v1/sessions', { username: userId, password: temp });
  expect(res.status).toBe(403);
  const body = (await res.json()) as { error: { code: string; changeToken: string } };
  expect(body.error.code).toBe('password_change_required');
  return body.error.changeToken;
}

async function mpnChange(h: Harness, changeToken: string): Promise<void> {
  expect((await post(h, '/mpn/v1/password/change', { changeToken, newPassword: 'Brand-New-Pa55!' })).status).toBe(204);
}

async function auditLines(h: Harness): Promise<{ raw: string; entries: AuditEntry[] }> {
  const raw = await readFile(path.join(h.dir, 'audit.log'), 'utf8');
  return { raw, entries: raw.split('\n').filter(Boolean).map((l) => auditEntry.parse(JSON.parse(l))) };
}

/** RFC 4180, read with csv-parse: quoted cells, doubled quotes, CRLF rows, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n'), 'the CSV ends with CRLF').toBe(true);
  return parse(text, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
}

describe('history and live status at the core', () => {
  let h: Harness;
  const byUser = async (userId: string): Promise<HistoryEntry[]> => (await h.ok('history:list', {})).entries.filter((e) => e.userId === userId);

  beforeAll(async () => {
    h = await startHarness();
    await h.ok('settings:setStaffName', { staffName: 'Sam Helper' });
    await h.ok('customers:open', { customerId: 'C1001' });
    await h.ok('users:search', { customerId: 'C1001', q: '' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('pending → (signed in, not changed: still pending) → completed once the user changes the password', async () => {
    const sent = await h.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'intent-life-0001', expectedEmail: emailOf(JANE) });
    expect(sent.outcome).toBe('sent');
    const [entry] = await byUser(JANE);
    expect(entry).toMatchObject({ action: 'reset_sent', status: 'pending', email: JANE_EMAIL, staffName: 'Sam Helper', statusCheckedAt: null });
    // The 24-hour countdown runs from the portal's issue time.
    expect(Date.parse(entry!.expiresAt!) - Date.parse(entry!.issuedAt!)).toBe(24 * HOUR);

    const token = await mpnSignIn(h, JANE, JANE_EMAIL);
    const signedInOnly = await h.ok('history:refreshStatus', { entryId: entry!.id });
    expect(signedInOnly.status).toBe('pending');
    expect(signedInOnly.statusCheckedAt).not.toBeNull();

    await mpnChange(h, token);
    const done = await h.ok('history:refreshStatus', { entryId: entry!.id });
    expect(done).toMatchObject({ status: 'completed', live: true, problem: null });
    expect(Date.parse(done.statusCheckedAt!)).toBeGreaterThanOrEqual(Date.parse(signedInOnly.statusCheckedAt!));
    // The list remembers the last check.
    expect((await byUser(JANE))[0]).toMatchObject({ id: entry!.id, status: 'completed', statusCheckedAt: done.statusCheckedAt });
  });

  it('pending at 23 h 59 min on the portal clock, expired at 25 h; a newer reset supersedes an older one', async () => {
    await h.ok('reset:start', { customerId: 'C1001', userId: BOB, intentId: 'intent-life-0002', expectedEmail: emailOf(BOB) });
    const [first] = await byUser(BOB);
    await h.sim$.advance(24 * HOUR - 60_000);
    expect((await h.ok('history:refreshStatus', { entryId: first!.id })).status).toBe('pending');
    await h.sim$.advance(61 * 60_000);
    expect((await h.ok('history:refreshStatus', { entryId: first!.id })).status).toBe('expired');

    // Reset again: the new one is pending, the old one stays expired (its temporary password is not the one in force).
    await h.ok('reset:start', { customerId: 'C1001', userId: BOB, intentId: 'intent-life-0003', expectedEmail: emailOf(BOB) });
    const [second, old] = await byUser(BOB);
    expect(second!.id).not.toBe(old!.id);
    expect((await h.ok('history:refreshStatus', { entryId: second!.id })).status).toBe('pending');
    expect((await h.ok('history:refreshStatus', { entryId: old!.id })).status).toBe('expired');
    expect((await h.ok('history:list', { status: 'expired', user: 'bob' })).entries.map((e) => e.id)).toEqual([old!.id]);
    expect((await h.ok('history:list', { status: 'pending', user: 'bob' })).entries.map((e) => e.id)).toEqual([second!.id]);
  });

  it('an outcome-unknown reset becomes pending once the portal shows its temporary password', async () => {
    await h.sim$.fault({ path: '/cap/v1/users/reception%40acme.voip/password-resets', kind: 'drop' });
    const r = await h.ok('reset:start', { customerId: 'C1001', userId: 'reception@acme.voip', intentId: 'intent-life-0004', expectedEmail: emailOf('reception@acme.voip') });
    expect(r.outcome).toBe('unknown');
    const [entry] = await byUser('reception@acme.voip');
    expect(entry).toMatchObject({ action: 'reset_unknown', resetId: null });
    const checked = await h.ok('history:refreshStatus', { entryId: entry!.id });
    expect(checked.status).toBe('pending');
    expect(checked.issuedAt).not.toBeNull();
  });

  it('warns of a third reset for the same user within 24 h, and of an Email shared with other users', async () => {
    // Jane: 1 reset so far. Two more make three.
    await h.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'intent-warn-0001', expectedEmail: emailOf(JANE) });
    expect((await h.ok('reset:warnings', { customerId: 'C1001', userId: JANE })).recentResets).toBe(2);
    await h.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'intent-warn-0002', expectedEmail: emailOf(JANE) });
    const w = await h.ok('reset:warnings', { customerId: 'C1001', userId: JANE });
    expect(w.recentResets).toBe(3);
    expect(w.sharedEmailUsers).toEqual(['Front Desk, ext. 1000 (reception@acme.voip)']);
    // A refused reset is not counted; Bob's count is his own.
    expect((await h.ok('reset:warnings', { customerId: 'C1001', userId: BOB })).recentResets).toBe(2);
  });

  it('records every action in the audit log, on disk, with who/where/what and never a secret', async () => {
    await h.call('reset:start', { customerId: 'C1001', userId: 'gone@acme.voip', intentId: 'intent-life-0005', expectedEmail: emailOf('gone@acme.voip') });
    await h.ok('users:setEmail', { customerId: 'C1001', userId: 'nomail@acme.voip', email: 'no.mail@acmedental.co.uk' });
    const [jane] = await byUser(JANE);
    await h.ok('history:noteCopied', { entryId: jane!.id, customerId: 'C1001', userId: JANE });
    const { raw, entries } = await auditLines(h);
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['sign_in_ok', 'credentials_saved', 'customer_opened', 'reset_sent', 'reset_unknown', 'reset_refused', 'email_changed', 'status_checked', 'note_copied'] as const) {
      expect(actions, a).toContain(a);
    }
    const sent = entries.filter((e) => e.action === 'reset_sent' && e.userId === JANE);
    expect(sent[0]).toMatchObject({ staffName: 'Sam Helper', profile: expect.stringContaining('127.0.0.1'), customerId: 'C1001', customerName: 'Acme Dental', accountNumber: '100-2001', userName: 'Jane Smith', extension: '1042', email: JANE_EMAIL, resetId: expect.any(String), outcome: 'sent' });
    expect(entries.find((e) => e.action === 'reset_refused')).toMatchObject({ userId: 'gone@acme.voip', outcome: 'user_disabled' });
    expect(entries.find((e) => e.action === 'email_changed')).toMatchObject({ userId: 'nomail@acme.voip', email: 'no.mail@acmedental.co.uk' });
    expect(entries.at(-1)).toMatchObject({ action: 'note_copied', refersTo: jane!.id, userId: JANE });
    // No parent-admin password, no temporary password, no token.
    expect(raw).not.toContain(canary);
    for (const m of await h.sim$.outbox()) expect(raw).not.toContain(m.tempPassword);
    expect(raw).not.toMatch(/token|"password"/i);
    // Every audit append was fsync'd before its call answered: the file already holds the last one.
    expect((await h.ok('history:list', {})).entries.length).toBe(entries.filter((e) => e.action.startsWith('reset_')).length);
  });

  it('exports CSV that reads back (RFC 4180) to the list, cell for cell, with formulas neutralised', async () => {
    await h.ok('reset:start', { customerId: 'C1001', userId: '=cmd@acme.voip', intentId: 'intent-life-0006', expectedEmail: emailOf('=cmd@acme.voip') });
    const list = (await h.ok('history:list', {})).entries;
    const { csv } = await h.ok('history:exportCsv', {});
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(['Time', 'Staff', 'Portal', 'Customer ID', 'Customer', 'Account number', 'User ID', 'User', 'Extension', 'Sent to', 'Action', 'Outcome', 'Reset reference', 'Issued', 'Expires', 'Status', 'Status checked', 'Verified']);
    expect(rows).toHaveLength(list.length);
    const col = (name: string) => header!.indexOf(name);
    rows.forEach((row, i) => {
      const e = list[i]!;
      expect(row).toHaveLength(header!.length);
      expect(row[col('Time')]).toBe(e.at);
      expect(row[col('Status')]).toBe(e.status);
      expect(row[col('Sent to')]).toBe(e.email ?? '');
      expect(row[col('Status checked')]).toBe(e.statusCheckedAt ?? '');
    });
    const evil = rows.find((r) => r[col('User ID')]!.includes('cmd@'))!;
    expect(evil[col('User ID')]).toBe("'=cmd@acme.voip");
    expect(evil[col('User')]).toBe(`'=HYPERLINK("x") Formula`);
    // No cell starts with a formula character.
    for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    // Filters apply to the export as to the list.
    const pending = parseCsv((await h.ok('history:exportCsv', { status: 'pending' })).csv).slice(1);
    expect(pending.length).toBe((await h.ok('history:list', { status: 'pending' })).entries.length);
    expect(pending.every((r) => r[col('Status')] === 'pending')).toBe(true);
  });

  it('offline (simulator stopped): list, filters, export and note work; status stays last known with its time', async () => {
    const before = (await h.ok('history:list', {})).entries;
    const checked = before.find((e) => e.statusCheckedAt !== null)!;
    await h.sim.close();
    const list = (await h.ok('history:list', {})).entries;
    expect(list).toEqual(before);
    expect((await h.ok('history:list', { user: 'jane', status: 'completed' })).entries.length).toBeGreaterThan(0);
    expect(parseCsv((await h.ok('history:exportCsv', {})).csv)).toHaveLength(before.length + 1);
    expect(await h.ok('history:noteCopied', { entryId: checked.id, customerId: checked.customerId, userId: checked.userId })).toEqual({});
    const again = await h.ok('history:refreshStatus', { entryId: checked.id });
    expect(again).toMatchObject({ live: false, problem: 'portal_unreachable' });
    expect(again.status).toBe(checked.status);
    expect(again.statusCheckedAt).toBe(checked.statusCheckedAt);
    const { entries } = await auditLines(h);
    expect(entries.at(-1)).toMatchObject({ action: 'note_copied', refersTo: checked.id });
  });
});
