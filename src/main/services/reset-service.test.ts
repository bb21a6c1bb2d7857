import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { createResetService } from './reset-service';
import { consoleOnMemory } from './testing/console-on-memory';

const C = 'C1001';
const JANE = 'jsmith@acme.voip';
const JANE_EMAIL = 'jane.smith@acmedental.co.uk';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function setUp() {
  const t = await consoleOnMemory();
  close = t.close;
  return { ...t, resets: createResetService(t.ctx) };
}

async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppFailure);
  return err as AppFailure;
}

describe('reset service (on the in-memory gateway)', () => {
  it('sends one temporary password to the confirmed Email and records it', async () => {
    const { resets, portal, ctx } = await setUp();
    const outcome = await resets.start(C, JANE, { intentId: 'intent-0001', expectedEmail: JANE_EMAIL });
    expect(outcome).toMatchObject({ outcome: 'sent', sentTo: JANE_EMAIL });
    expect(portal.outbox).toEqual([{ userId: JANE, to: JANE_EMAIL, intentId: 'intent-0001' }]);
    expect((await ctx.audit.entriesAfter(null, Number.MAX_SAFE_INTEGER)).filter((e) => e.action === 'reset_sent')).toHaveLength(1);
  });

  it('when the Email changed since the staffer confirmed it: email_changed, nothing sent, nothing reported as sent', async () => {
    const { resets, portal, ctx } = await setUp();
    portal.editUser(C, JANE, { email: 'new.address@acmedental.co.uk' });
    const err = await failureOf(resets.start(C, JANE, { intentId: 'intent-0002', expectedEmail: JANE_EMAIL }));
    expect(err.error).toMatchObject({ code: 'email_changed', message: 'The Email changed since you confirmed it: nothing was sent. Check the new address and confirm again.' });
    expect(portal.outbox).toEqual([]);
    const entries = await ctx.audit.entriesAfter(null, Number.MAX_SAFE_INTEGER);
    expect(entries.filter((e) => e.action === 'reset_sent' || e.action === 'reset_unknown')).toEqual([]);
    expect(entries.find((e) => e.action === 'reset_refused')).toMatchObject({ outcome: 'email_changed', email: JANE_EMAIL });
    // Confirming the new address (same dialog, same intent) then sends once, to it.
    const retried = await resets.start(C, JANE, { intentId: 'intent-0002', expectedEmail: 'New.Address@acmedental.co.uk' });
    expect(retried).toMatchObject({ outcome: 'sent', sentTo: 'new.address@acmedental.co.uk' });
    expect(portal.outbox).toHaveLength(1);
  });

  it('a double click (same intent, concurrently) sends one e-mail and answers both the same', async () => {
    const { resets, portal } = await setUp();
    const request = { intentId: 'intent-0003', expectedEmail: JANE_EMAIL };
    const [a, b] = await Promise.all([resets.start(C, JANE, request), resets.start(C, JANE, request)]);
    expect(a).toEqual(b);
    expect(portal.outbox).toHaveLength(1);
    expect(portal.calls.filter((c) => c === 'startReset')).toHaveLength(1);
  });

  it('a lost answer is "outcome unknown": never sent again, the password state re-read, and Check status says it went through', async () => {
    const { resets, portal, ctx } = await setUp();
    const since = new Date().toISOString();
    portal.failNext('startReset', 'lost_answer');
    const outcome = await resets.start(C, JANE, { intentId: 'intent-0004', expectedEmail: JANE_EMAIL });
    expect(outcome).toMatchObject({ outcome: 'unknown', password: { state: 'temp_issued' } });
    expect(portal.calls.filter((c) => c === 'startReset')).toHaveLength(1);
    expect((await ctx.audit.entriesAfter(null, Number.MAX_SAFE_INTEGER)).find((e) => e.action === 'reset_unknown')).toMatchObject({ status: 'unknown', outcome: 'unknown:portal_unreachable' });
    const check = await resets.status(C, JANE, since);
    expect(check.wentThrough).toBe(true);
    expect(check.user.password.state).toBe('temp_issued');
  });

  it('Check status says "did not go through" when no temporary password was issued since the attempt', async () => {
    const { resets } = await setUp();
    const check = await resets.status(C, JANE, new Date().toISOString());
    expect(check).toMatchObject({ wentThrough: false, user: { userId: JANE, password: { state: 'active' } } });
  });

  it('warns about other users sharing the Email and about earlier resets', async () => {
    const { resets } = await setUp();
    await resets.start(C, JANE, { intentId: 'intent-0005', expectedEmail: JANE_EMAIL });
    expect(await resets.warnings(C, JANE)).toEqual({ teamWide: false, recentResets: 1, sharedEmailUsers: ['Front Desk, ext. 1000 (reception@acme.voip)'] });
  });

  it('a user without an Email is refused with no_email; nothing sent', async () => {
    const { resets, portal } = await setUp();
    expect((await failureOf(resets.start(C, 'tnoemail@acme.voip', { intentId: 'intent-0006', expectedEmail: 'x@example.com' }))).error.code).toBe('no_email');
    expect(portal.outbox).toEqual([]);
  });
});
