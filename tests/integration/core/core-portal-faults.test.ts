import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JANE, JANE_EMAIL, startHarness, type Harness, emailOf } from './core-harness';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

/** Every retry and no-retry rule of the gateway, driven through the simulator's fault injection. */
describe('core against portal faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.ok('customers:open', { customerId: 'C1001' });
  });
  afterEach(async () => {
    await h.sim$.clearFaults();
  });
  afterAll(async () => {
    await h.close();
  });

  async function requestsDuring(action: () => Promise<unknown>): Promise<number> {
    const before = (await h.sim$.stats()).requests;
    await action();
    return (await h.sim$.stats()).requests - before;
  }

  describe('reads', () => {
    it('retry a 500 and succeed', async () => {
      await h.sim$.fault({ path: '/pap/v1/customers', kind: 'status', status: 500, times: 2 });
      let r;
      expect(await requestsDuring(async () => (r = await h.call('customers:search', { name: 'acme' })))).toBe(3);
      expect(code(r!)).toBe('ok');
    });

    it('give up after two retries with portal_error', async () => {
      await h.sim$.fault({ path: '/pap/v1/customers', kind: 'status', status: 500, times: 5 });
      let r;
      expect(await requestsDuring(async () => (r = await h.call('customers:search', { name: 'acme' })))).toBe(3);
      expect(code(r!)).toBe('portal_error');
    });

    it('retry a dropped connection', async () => {
      await h.sim$.fault({ path: '/cap/v1/users', kind: 'drop' });
      const users = await h.ok('users:search', { customerId: 'C1001', q: 'jones' });
      expect(users.users).toHaveLength(1);
    });

    it('retry a slow answer, then report portal_timeout when it stays slow', async () => {
      await h.sim$.fault({ path: '/pap/v1/customers/C1001', kind: 'latency', latencyMs: 2_500, times: 1 });
      expect((await h.ok('customers:get', { customerId: 'C1001' })).id).toBe('C1001');
      await h.sim$.fault({ path: '/pap/v1/customers/C1001', kind: 'latency', latencyMs: 2_500, times: 3 });
      const started = Date.now();
      expect(code(await h.call('customers:get', { customerId: 'C1001' }))).toBe('portal_timeout');
      expect(Date.now() - started).toBeLessThan(8_000);
    });

    it('do not retry a malformed answer: portal_bad_response', async () => {
      await h.sim$.fault({ path: '/pap/v1/customers', kind: 'malformed', times: 3 });
      let r;
      expect(await requestsDuring(async () => (r = await h.call('customers:search', { name: 'acme' })))).toBe(1);
      expect(code(r!)).toBe('portal_bad_response');
    });

    it('do not retry a 4xx', async () => {
      let r;
      expect(await requestsDuring(async () => (r = await h.call('users:get', { customerId: 'C1001', userId: 'nobody@acme.voip' })))).toBe(1);
      expect(code(r!)).toBe('not_found');
    });

    it('renew expired sessions silently, once', async () => {
      await h.sim$.advance(31 * 60_000);
      // Parent and CAP tokens have both expired on the portal's clock, not on ours.
      const user = await h.ok('users:get', { customerId: 'C1001', userId: JANE });
      expect(user.userId).toBe(JANE);
      expect((await h.ok('customers:search', { name: 'acme' })).total).toBe(1);
    });

    it('stop after one renewal when the portal keeps refusing the session', async () => {
      await h.sim$.fault({ path: '/pap/v1/customers', kind: 'status', status: 401, times: 5 });
      // An injected 401 carries code injected_fault, not session_expired: no renewal, no retry.
      let r;
      expect(await requestsDuring(async () => (r = await h.call('customers:search', { name: 'acme' })))).toBe(1);
      expect(code(r!)).toBe('session_expired');
    });
  });

  describe('resets', () => {
    it('are never retried after a 500; the outcome is unknown and the state re-read', async () => {
      await h.sim$.fault({ path: '/cap/v1/users/bob%40acme.voip/password-resets', kind: 'status', status: 500, times: 3 });
      const statsBefore = await h.sim$.stats();
      const r = await h.ok('reset:start', { customerId: 'C1001', userId: 'bob@acme.voip', intentId: 'intent-500-0001', expectedEmail: emailOf('bob@acme.voip') });
      expect(r.outcome).toBe('unknown');
      if (r.outcome === 'unknown') expect(r.password?.state).toBe('active');
      const stats = await h.sim$.stats();
      // One reset request and one re-read; nothing sent.
      expect(stats.requests - statsBefore.requests).toBe(2);
      expect(stats.emailsSent).toBe(statsBefore.emailsSent);
    });

    it('dropped after sending: outcome unknown, state temp_issued, exactly one e-mail', async () => {
      await h.sim$.fault({ path: `/cap/v1/users/${encodeURIComponent(JANE)}/password-resets`, kind: 'drop' });
      const before = (await h.sim$.outbox(JANE_EMAIL)).length;
      const r = await h.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'intent-drop-0001', expectedEmail: emailOf(JANE) });
      expect(r.outcome).toBe('unknown');
      if (r.outcome === 'unknown') expect(r.password?.state).toBe('temp_issued');
      expect((await h.sim$.outbox(JANE_EMAIL)).length - before).toBe(1);
      const entries = (await h.ok('history:list', { user: 'jane' })).entries;
      expect(entries[0]).toMatchObject({ action: 'reset_unknown', status: 'unknown' });
      // History can tell what happened once it asks.
      expect((await h.ok('history:refreshStatus', { entryId: entries[0]!.id })).status).toBe('pending');
    });

    it('too slow after sending: outcome unknown, no second request', async () => {
      await h.sim$.fault({ path: '/cap/v1/users/reception%40acme.voip/password-resets', kind: 'latency', latencyMs: 2_000 });
      const before = await h.sim$.stats();
      const r = await h.ok('reset:start', { customerId: 'C1001', userId: 'reception@acme.voip', intentId: 'intent-slow-0001', expectedEmail: emailOf('reception@acme.voip') });
      expect(r.outcome).toBe('unknown');
      await new Promise((res) => setTimeout(res, 800));
      const after = await h.sim$.stats();
      expect(after.passwordResets - before.passwordResets).toBe(1);
    });

    it('a double click (same intent, concurrently) sends one e-mail', async () => {
      const before = (await h.sim$.outbox('bob@acmedental.co.uk')).length;
      const input = { customerId: 'C1001', userId: 'bob@acme.voip', intentId: 'intent-double-0001', expectedEmail: 'bob@acmedental.co.uk' };
      const [a, b] = await Promise.all([h.ok('reset:start', input), h.ok('reset:start', input)]);
      expect(a).toEqual(b);
      expect(a.outcome).toBe('sent');
      expect((await h.sim$.outbox('bob@acmedental.co.uk')).length - before).toBe(1);
      // And once more later: still the first answer, no new reset, no new audit entry.
      const sentEntries = async () => (await h.ok('history:list', { user: 'bob' })).entries.filter((e) => e.action === 'reset_sent').length;
      const n = await sentEntries();
      expect(await h.ok('reset:start', input)).toEqual(a);
      expect(await sentEntries()).toBe(n);
    });

    it('the portal refusing is a coded failure and an audit entry', async () => {
      expect(code(await h.call('reset:start', { customerId: 'C1001', userId: 'gone@acme.voip', intentId: 'intent-disabled-01', expectedEmail: emailOf('gone@acme.voip') }))).toBe('user_disabled');
      expect(code(await h.call('reset:start', { customerId: 'C1001', userId: 'nomail@acme.voip', intentId: 'intent-nomail-001', expectedEmail: emailOf('nomail@acme.voip') }))).toBe('no_email');
      const refused = (await h.ok('history:list', {})).entries.filter((e) => e.action === 'reset_refused').map((e) => e.outcome);
      expect(refused).toEqual(expect.arrayContaining(['user_disabled', 'no_email']));
    });

    it('too many resets in an hour: too_many_resets with Retry-After, not retried', async () => {
      let last;
      for (let i = 0; i < 6; i++) last = await h.call('reset:start', { customerId: 'C1001', userId: '=cmd@acme.voip', intentId: `intent-many-${i}-000`, expectedEmail: emailOf('=cmd@acme.voip') });
      expect(code(last!)).toBe('too_many_resets');
      if (last && !last.ok) expect(last.error.retryAfterSeconds).toBeGreaterThan(0);
    });

    it('renews an expired CAP session once and sends with the same key', async () => {
      await h.sim$.advance(31 * 60_000);
      const before = await h.sim$.stats();
      const r = await h.ok('reset:start', { customerId: 'C1001', userId: 'reception@acme.voip', intentId: 'intent-renew-0001', expectedEmail: emailOf('reception@acme.voip') });
      expect(r.outcome).toBe('sent');
      expect((await h.sim$.stats()).passwordResets - before.passwordResets).toBe(1);
    });
  });

  describe('e-mail changes', () => {
    it('are checked before any call and audited when done', async () => {
      const before = (await h.sim$.stats()).requests;
      expect(code(await h.call('users:setEmail', { customerId: 'C1001', userId: 'nomail@acme.voip', email: 'not an address' }))).toBe('invalid_email');
      expect((await h.sim$.stats()).requests).toBe(before);
      const user = await h.ok('users:setEmail', { customerId: 'C1001', userId: 'nomail@acme.voip', email: 'no.mail@acmedental.co.uk' });
      expect(user.email).toBe('no.mail@acmedental.co.uk');
    });
  });
});
