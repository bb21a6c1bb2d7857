import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { PasswordState } from '../../shared/domain/portal-entities';
import type { AuditDraft } from '../audit/audit-entry';
import { openLocalAuditStore } from '../audit/local/local-audit-store';
import { replacementTimes } from '../audit/replaced-resets';
import type { ConsoleContext } from './console-context';
import { createHistoryService } from './history-service';
import { statusOfReset, wentThrough } from './reset-status';

const issued = '2026-03-01T10:00:00.000Z';
const later = '2026-03-01T10:01:00.000Z';
const state = (s: Partial<PasswordState>): PasswordState => ({ state: 'active', tempIssuedAt: null, tempExpiresAt: null, changedAt: null, expiresAt: null, ...s });
const reset = { at: issued, issuedAt: issued };

describe('status of a reset', () => {
  it('pending while its temporary password is the one in force', () => {
    expect(statusOfReset(reset, state({ state: 'temp_issued', tempIssuedAt: issued })).status).toBe('pending');
  });
  it('completed once the password was changed after it', () => {
    expect(statusOfReset(reset, state({ state: 'active', changedAt: '2026-03-01T11:00:00.000Z' })).status).toBe('completed');
  });
  it('expired when it ran out unused', () => {
    expect(statusOfReset(reset, state({ state: 'temp_expired', tempIssuedAt: issued })).status).toBe('expired');
  });
  it('an outcome-unknown reset learns its issue time from the portal', () => {
    expect(statusOfReset({ at: issued, issuedAt: null }, state({ state: 'temp_issued', tempIssuedAt: '2026-03-01T10:00:01.000Z' }))).toEqual({ status: 'pending', issuedAt: '2026-03-01T10:00:01.000Z' });
    expect(statusOfReset({ at: issued, issuedAt: null }, state({ state: 'active' })).status).toBe('unknown');
  });
});

describe('a reset that a later one replaced', () => {
  const replacedReset = { ...reset, replacedAt: later };
  it('is replaced, never expired, while the later one is pending, expired or used', () => {
    expect(statusOfReset(replacedReset, state({ state: 'temp_issued', tempIssuedAt: later })).status).toBe('replaced');
    expect(statusOfReset(replacedReset, state({ state: 'temp_expired', tempIssuedAt: later })).status).toBe('replaced');
    // The user changed the password with the later reset's temporary password: that completes the later one, not this.
    expect(statusOfReset(replacedReset, state({ state: 'active', changedAt: '2026-03-01T10:30:00.000Z' })).status).toBe('replaced');
  });
  it('is completed if the password was changed before the later reset', () => {
    expect(statusOfReset(replacedReset, state({ state: 'active', changedAt: '2026-03-01T10:00:30.000Z' })).status).toBe('completed');
  });
  it('an outcome-unknown reset does not take the later reset\'s issue time as its own', () => {
    expect(statusOfReset({ at: issued, issuedAt: null, replacedAt: later }, state({ state: 'temp_issued', tempIssuedAt: later }))).toEqual({ status: 'replaced', issuedAt: null });
  });
});

describe('which resets were replaced', () => {
  const row = (id: string, at: string, extra: Partial<{ action: 'reset_sent' | 'reset_unknown' | 'reset_refused'; userId: string; issuedAt: string | null; expiresAt: string | null }> = {}) => ({
    id, at, action: 'reset_sent' as const, profile: 'demo', customerId: 'C1', userId: 'bob@acme.voip',
    issuedAt: at, expiresAt: new Date(Date.parse(at) + 86_400_000).toISOString(), ...extra,
  });
  it('the newer reset of the same user within 24 hours replaces the older, with its issue time', () => {
    const map = replacementTimes([row('b', later), row('a', issued), row('c', '2026-03-01T12:00:00.000Z')]);
    expect(Object.fromEntries(map)).toEqual({ a: later, b: '2026-03-01T12:00:00.000Z' });
  });
  it('not a reset that had already expired, not another user\'s, not a refused one', () => {
    expect(replacementTimes([row('a', issued), row('b', '2026-03-02T11:00:00.000Z')]).size).toBe(0);
    expect(replacementTimes([row('a', issued), row('b', later, { userId: 'jane@acme.voip' })]).size).toBe(0);
    expect(replacementTimes([row('a', issued), row('b', later, { action: 'reset_refused', issuedAt: null, expiresAt: null })]).size).toBe(0);
  });
  it('an outcome-unknown reset is replaced by a later issued one; an unknown one with nothing issued replaces nothing', () => {
    expect(Object.fromEntries(replacementTimes([row('a', issued, { action: 'reset_unknown', issuedAt: null, expiresAt: null }), row('b', later)]))).toEqual({ a: later });
    expect(replacementTimes([row('a', issued), row('b', later, { action: 'reset_unknown', issuedAt: null, expiresAt: null })]).size).toBe(0);
  });
});

describe('History from the audit trail', () => {
  /** A real local trail on disk whose clock the test moves. */
  async function withTrail(run: (t: { append: (at: string, draft: AuditDraft) => Promise<string>; history: ReturnType<typeof createHistoryService> }) => Promise<void>) {
    const dir = await mkdtemp(path.join(tmpdir(), 'rc-history-'));
    let clock = new Date(issued);
    const audit = await openLocalAuditStore(dir, { key: null, now: () => clock });
    try {
      const ctx = { audit, now: () => clock, settings: { current: () => ({ staffName: 'Sam' }) } } as unknown as ConsoleContext;
      const append = async (at: string, draft: AuditDraft) => {
        clock = new Date(at);
        return (await audit.append(draft)).id;
      };
      await run({ append, history: createHistoryService(ctx) });
    } finally {
      await audit.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const base = { staffName: 'Sam', profile: 'demo', customerId: 'C1', userId: 'bob@acme.voip' };
  const sent = (at: string): AuditDraft => ({ ...base, action: 'reset_sent', outcome: 'sent', issuedAt: at, expiresAt: new Date(Date.parse(at) + 86_400_000).toISOString(), status: 'pending' });
  const check = (refersTo: string, status: 'expired' | 'completed'): AuditDraft => ({ ...base, action: 'status_checked', refersTo, status, outcome: status });

  it('reset twice: the first is replaced (with the second one\'s time), the second pending', async () => {
    await withTrail(async ({ append, history }) => {
      const r1 = await append(issued, sent(issued));
      const r2 = await append(later, sent(later));
      const [second, first] = await history.list({});
      expect(first).toMatchObject({ id: r1, status: 'replaced', replacedAt: later });
      expect(second).toMatchObject({ id: r2, status: 'pending', replacedAt: null });
    });
  });

  it('an old status check that called it expired is overruled; one that found it completed stands', async () => {
    await withTrail(async ({ append, history }) => {
      const r1 = await append(issued, sent(issued));
      await append(later, sent(later));
      await append('2026-03-01T10:05:00.000Z', check(r1, 'expired'));
      expect((await history.list({})).find((e) => e.id === r1)).toMatchObject({ status: 'replaced' });
    });
    await withTrail(async ({ append, history }) => {
      const r1 = await append(issued, sent(issued));
      await append('2026-03-01T10:00:40.000Z', check(r1, 'completed'));
      await append(later, sent(later));
      expect((await history.list({})).find((e) => e.id === r1)).toMatchObject({ status: 'completed' });
    });
  });
});

describe('History CSV', () => {
  it('exports a replaced reset as `replaced`, hostile names as data (from a real audit log on disk)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rc-history-'));
    const audit = await openLocalAuditStore(dir, { key: null });
    try {
      const draft = { staffName: 'Sam', profile: 'demo', customerId: 'C1', customerName: 'Acme;=HYPERLINK("http://x")', userId: 'bob@acme.voip', userName: 'Bob\nStatus: completed', action: 'reset_sent' as const, outcome: 'sent', status: 'pending' as const };
      const now = Date.now();
      const at = (ms: number) => new Date(now + ms).toISOString();
      await audit.append({ ...draft, issuedAt: at(0), expiresAt: at(86_400_000) });
      await audit.append({ ...draft, issuedAt: at(60_000), expiresAt: at(86_460_000) });
      const ctx = { audit, now: () => new Date(now), settings: { current: () => ({ staffName: 'Sam' }) } } as unknown as ConsoleContext;
      const { csv } = await createHistoryService(ctx).exportCsv({});
      const [header, ...rows] = parse(csv, { record_delimiter: '\r\n' }) as string[][];
      const col = (name: string) => header!.indexOf(name);
      expect(rows.map((r) => r[col('Status')])).toEqual(['pending', 'replaced']);
      expect(rows[0]![col('User')]).toBe('Bob⟨U+000A⟩Status: completed');
      expect(rows[0]![col('Customer')]).toBe(`Acme;'=HYPERLINK("http://x")`);
      expect(await createHistoryService(ctx).list({ status: 'replaced' })).toHaveLength(1);
    } finally {
      await audit.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('did an attempt go through (the one rule, used by Check status and History)', () => {
  const since = '2026-03-01T10:00:00.000Z';
  it('yes when a temporary password was issued at or after the attempt, within two minutes of clock skew', () => {
    expect(wentThrough(state({ state: 'temp_issued', tempIssuedAt: '2026-03-01T10:00:05.000Z' }), since)).toBe(true);
    expect(wentThrough(state({ state: 'temp_issued', tempIssuedAt: '2026-03-01T09:58:30.000Z' }), since)).toBe(true);
    expect(wentThrough(state({ state: 'temp_expired', tempIssuedAt: '2026-03-01T10:00:05.000Z' }), since)).toBe(true);
  });
  it('no when the temporary password is older than the attempt, or none is shown', () => {
    expect(wentThrough(state({ state: 'temp_issued', tempIssuedAt: '2026-03-01T09:57:00.000Z' }), since)).toBe(false);
    expect(wentThrough(state({ state: 'active', tempIssuedAt: '2026-03-01T10:00:05.000Z' }), since)).toBe(false);
    expect(wentThrough(state({ state: 'active' }), since)).toBe(false);
  });
});
