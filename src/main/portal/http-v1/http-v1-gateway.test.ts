import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import { closers, customerJson, failureCode, fakePortal, future, gateway, json } from './fake-portal.test-kit';

/*
 * Portal API v1 over HTTP against tiny fake portals. TLS, redirects, size caps and gzip bombs are proven
 * once, through the whole core, in tests/integration/security/network-hardening.test.ts.
 */

describe('Portal API v1 gateway', () => {
  it('honours Retry-After on a read, within the cap', async () => {
    let n = 0;
    const portal = await fakePortal((_req, res) => (++n === 1 ? json(res, 503, { error: { code: 'busy', message: '' } }, { 'retry-after': '1' }) : json(res, 200, customerJson)));
    const started = Date.now();
    expect((await gateway(portal.url).getCustomer('C1')).id).toBe('C1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not wait out a Retry-After beyond the cap; it reports it', async () => {
    const portal = await fakePortal((_req, res) => json(res, 429, { error: { code: 'slow_down', message: '' } }, { 'retry-after': '120' }));
    const err = await gateway(portal.url, { maxRetryWaitMs: 2_000 }).getCustomer('C1').then(() => null, (e: AppFailure) => e);
    expect(err?.error).toMatchObject({ code: 'portal_error', retryAfterSeconds: 120 });
    expect(portal.seen.filter((s) => s.url.startsWith('/pap/v1/customers'))).toHaveLength(1);
  });

  it('rejects answers that do not match the schema', async () => {
    const portal = await fakePortal((_req, res) => json(res, 200, { ...customerJson, status: 'weird' }));
    expect(await failureCode(gateway(portal.url).getCustomer('C1'))).toBe('portal_bad_response');
  });

  it('refuses over-long portal strings (issue 14 row 6) instead of passing them on to the screen, audit and note', async () => {
    const giant = await fakePortal((_req, res) => json(res, 200, { ...customerJson, name: 'A'.repeat(1_900_000) }));
    expect(await failureCode(gateway(giant.url).getCustomer('C1'))).toBe('portal_bad_response');
    const long = await fakePortal((_req, res) => json(res, 200, { ...customerJson, name: 'A'.repeat(600) }));
    expect(await failureCode(gateway(long.url).getCustomer('C1'))).toBe('portal_bad_response');
    const fine = await fakePortal((_req, res) => json(res, 200, { ...customerJson, name: 'A'.repeat(500) }));
    expect((await gateway(fine.url).getCustomer('C1')).name).toHaveLength(500);
  });

  it('encodes identifiers as one path segment and refuses dot segments', async () => {
    const portal = await fakePortal((_req, res) => json(res, 404, { error: { code: 'not_found', message: '' } }));
    const g = gateway(portal.url);
    expect(await failureCode(g.getCustomer('a/../../b?x=1#y'))).toBe('not_found');
    expect(portal.seen.at(-1)!.url).toBe('/pap/v1/customers/a%2F..%2F..%2Fb%3Fx%3D1%23y');
    expect(await failureCode(g.getCustomer('..'))).toBe('invalid_input');
    expect(await failureCode(g.getCustomer('http://evil.example/'))).toBe('not_found');
    expect(portal.seen.every((s) => s.url.startsWith('/pap/v1/'))).toBe(true);
  });

  it('signs in once for many concurrent calls', async () => {
    const portal = await fakePortal((_req, res) => json(res, 200, customerJson));
    const g = gateway(portal.url);
    await Promise.all([g.getCustomer('C1'), g.getCustomer('C1'), g.getCustomer('C1')]);
    expect(portal.seen.filter((s) => s.url === '/pap/v1/sessions')).toHaveLength(1);
  });

  it('without stored credentials reports not_signed_in and calls nothing', async () => {
    const portal = await fakePortal((_req, res) => json(res, 200, customerJson));
    expect(await failureCode(gateway(portal.url, { credentials: async () => null }).getCustomer('C1'))).toBe('not_signed_in');
    expect(portal.seen).toHaveLength(0);
  });

  it('reports an unreachable portal without throwing axios errors', async () => {
    const portal = await fakePortal(() => {});
    closers.pop()!();
    expect(await failureCode(gateway(portal.url).getCustomer('C1'))).toBe('portal_unreachable');
  });

  it('cancels the HTTP request end to end when the signal aborts', async () => {
    let closed = false;
    const portal = await fakePortal((req) => req.socket.on('close', () => (closed = true)));
    const controller = new AbortController();
    const g = gateway(portal.url, { responseTimeoutMs: 5_000 });
    await g.ensureSignedIn();
    const pending = g.searchCustomers('acme', undefined, controller.signal);
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    expect(await failureCode(pending)).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(true);
  });

  it('sends a reset once with its Idempotency-Key and never retries it', async () => {
    const portal = await fakePortal((req, res) => {
      if (req.url!.startsWith('/pap/v1/customers/C1/cap-sessions')) return json(res, 201, { capToken: 'cap', expiresAt: future() });
      res.socket?.destroy();
    });
    const attempt = await gateway(portal.url).startReset('C1', 'j@x', { intentId: 'intent-0001', expectedEmail: 'j@example.com' });
    expect(attempt).toEqual({ kind: 'unknown', reason: 'portal_unreachable' });
    const resets = portal.seen.filter((s) => s.url.endsWith('/password-resets'));
    expect(resets).toHaveLength(1);
    expect(resets[0]!.headers['idempotency-key']).toBe('intent-0001');
    expect(resets[0]!.headers.authorization).toBe('Bearer cap');
    expect(JSON.parse(resets[0]!.body)).toEqual({ expectedEmail: 'j@example.com' });
  });

  it('a 409 email_changed is a refusal: nothing reported as sent, the reset not repeated', async () => {
    const portal = await fakePortal((req, res) => {
      if (req.url!.startsWith('/pap/v1/customers/C1/cap-sessions')) return json(res, 201, { capToken: 'cap', expiresAt: future() });
      json(res, 409, { error: { code: 'email_changed', message: 'The Email is now other@example.com' } });
    });
    const err = await gateway(portal.url).startReset('C1', 'j@x', { intentId: 'intent-0002', expectedEmail: 'j@example.com' }).then(() => null, (e: AppFailure) => e);
    expect(err?.error.code).toBe('email_changed');
    expect(err?.error.message).not.toContain('other@example.com');
    expect(portal.seen.filter((s) => s.url.endsWith('/password-resets'))).toHaveLength(1);
  });

  it('finds callers across customers with the parent session (v1.1), as domain hits', async () => {
    const summary = { id: 'C1', name: 'Acme', accountNumber: null, status: 'active', city: null, userCount: 1 };
    const hit = { userId: 'j@x', firstName: 'Jane', lastName: 'Smith', extension: '1042', email: 'j@example.com', status: 'active', phoneNumber: '+441179462207', customer: summary, matchedOn: 'phone' };
    const portal = await fakePortal((_req, res) => json(res, 200, { users: [hit], total: 1 }));
    expect(await gateway(portal.url).findCallers('0117 946 2207', 5)).toEqual({ hits: [hit], total: 1 });
    const call = portal.seen.at(-1)!;
    expect(call.url).toBe('/pap/v1/users?q=0117+946+2207&limit=5');
    expect(call.headers.authorization).toMatch(/^Bearer t\d+$/);
  });

  it('a reset that certainly never left is a failure, not "unknown"', async () => {
    const portal = await fakePortal(() => {});
    closers.pop()!();
    expect(await failureCode(gateway(portal.url).startReset('C1', 'j@x', { intentId: 'intent-0001', expectedEmail: 'j@example.com' }))).toBe('portal_unreachable');
  });

  it('a reset whose CAP session cannot be opened was never sent: a failure, not "unknown"', async () => {
    // The CAP session request hangs until it times out; the reset itself is never sent.
    const portal = await fakePortal(() => {});
    expect(await failureCode(gateway(portal.url, { responseTimeoutMs: 200 }).startReset('C1', 'j@x', { intentId: 'intent-0001', expectedEmail: 'j@example.com' }))).toBe('portal_timeout');
    expect(portal.seen.some((s) => s.url.endsWith('/password-resets'))).toBe(false);
  });

});

describe('stored credentials the portal refuses', () => {
  it('tries them once, then stops, so polling never locks the shared account; an explicit sign-in starts again', async () => {
    const { startSimulator } = await import('../../../portal-sim/index');
    const sim = await startSimulator({ port: 0 });
    closers.push(() => void sim.close());
    const g = gateway(sim.url, { credentials: async () => ({ username: sim.credentials.username, password: 'stale-password' }) });
    for (let i = 0; i < 7; i++) {
      const err = await g.ensureSignedIn().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppFailure);
      expect((err as AppFailure).error.code).toBe('invalid_credentials');
      expect((err as AppFailure).error.message).toContain('Sign in again');
    }
    const stats = (await (await fetch(`${sim.url}/_sim/stats`)).json()) as { requests: number };
    expect(stats.requests).toBe(1);
    await g.signIn(sim.credentials);
    expect(g.hasParentSession()).toBe(true);
    await expect(g.ensureSignedIn()).resolves.toBeUndefined();
  });

  it('does not resend a sign-in whose connection dropped: each try counts towards the lockout', async () => {
    let tries = 0;
    const server = http.createServer((req) => {
      tries++;
      req.socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => server.close());
    const g = gateway(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await expect(g.signIn({ username: 'u', password: 'p' })).rejects.toBeInstanceOf(AppFailure);
    expect(tries).toBe(1);
  });
});
