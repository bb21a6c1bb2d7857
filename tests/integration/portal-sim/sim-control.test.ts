import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clockResponse, outboxResponse, simStats } from '../../../src/portal-sim/sim-schemas';
import { DAY, JANE, JANE_EMAIL, startClient, type SimClient } from './sim-client';

let client: SimClient;
beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.sim.close());
beforeEach(() => client.call('POST', '/_sim/reset'));

const fault = (body: unknown) => client.call('POST', '/_sim/faults', { body });

describe('/_sim/faults', () => {
  it('latency waits and then answers normally', async () => {
    expect((await fault({ path: '/pap/v1/sessions', kind: 'latency', latencyMs: 300 })).status).toBe(201);
    const started = Date.now();
    const res = await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials });
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const fast = Date.now();
    await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials });
    expect(Date.now() - fast).toBeLessThan(250);
  });

  it('status answers the status with injected_fault without running the request', async () => {
    await fault({ path: '/pap/v1/sessions', kind: 'status', status: 503, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await client.call('POST', '/pap/v1/sessions', { body: { username: 'helpdesk', password: 'wrong' } });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('injected_fault');
    }
    // Two wrong passwords that never ran leave no failure count: four more still do not lock.
    for (let i = 0; i < 4; i++) expect((await client.call('POST', '/pap/v1/sessions', { body: { username: 'helpdesk', password: 'wrong' } })).status).toBe(401);
    expect((await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials })).status).toBe(201);
  });

  it('status defaults to 500', async () => {
    await fault({ path: '/pap', kind: 'status' });
    expect((await client.call('GET', '/pap/v1/customers?name=a')).status).toBe(500);
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    await fault({ path: '/pap/v1/sessions', kind: 'malformed' });
    const res = await fetch(`${client.sim.url}/pap/v1/sessions`, { method: 'POST', body: JSON.stringify(client.sim.credentials) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('drop closes the connection after running the request: the reset did send its e-mail', async () => {
    const cap = await client.capToken('C1001');
    await fault({ path: `/cap/v1/users/${JANE}/password-resets`, method: 'post', kind: 'drop' });
    await expect(client.reset(JANE, cap, 'dropped-key-1')).rejects.toThrow();
    expect(await client.outbox(JANE_EMAIL)).toHaveLength(1);
    // The console re-reads the state instead of resending; a replay of the same key answers the first body.
    const replay = await client.reset(JANE, cap, 'dropped-key-1');
    expect(replay.status).toBe(202);
    expect(await client.outbox(JANE_EMAIL)).toHaveLength(1);
  });

  it('matches the method when given, by pathname prefix, for `times` requests', async () => {
    const parent = await client.parentToken();
    await fault({ path: '/pap/v1/customers', method: 'POST', kind: 'status', status: 502 });
    expect((await client.call('GET', '/pap/v1/customers?name=acme', { token: parent })).status).toBe(200);
    expect((await client.call('POST', '/pap/v1/customers/C1001/cap-sessions', { token: parent })).status).toBe(502);
    expect((await client.call('POST', '/pap/v1/customers/C1001/cap-sessions', { token: parent })).status).toBe(201);
  });

  it('never faults /_sim, and DELETE clears every fault', async () => {
    await fault({ path: '/', kind: 'status', times: 100 });
    expect((await client.call('GET', '/_sim/stats')).status).toBe(200);
    expect((await client.call('DELETE', '/_sim/faults')).status).toBe(204);
    expect((await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials })).status).toBe(201);
  });

  it('refuses a bad fault with 400', async () => {
    for (const body of [{ path: '/x', kind: 'explode' }, { kind: 'drop' }, { path: '/x', kind: 'status', status: 200 }, { path: '/x', kind: 'drop', times: 0 }]) {
      const res = await fault(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
  });
});

describe('/_sim/clock, /_sim/stats, /_sim/outbox, /_sim/reset', () => {
  it('advances the clock: now is wall time plus every advance', async () => {
    const a = clockResponse.parse((await client.call('POST', '/_sim/clock', { body: { advanceMs: DAY } })).body);
    expect(Date.parse(a.now) - Date.now()).toBeGreaterThan(DAY - 5000);
    const b = clockResponse.parse((await client.call('POST', '/_sim/clock', { body: { advanceMs: DAY } })).body);
    expect(Date.parse(b.now) - Date.now()).toBeGreaterThan(2 * DAY - 5000);
    expect((await client.call('POST', '/_sim/clock', { body: { advanceMs: 'soon' } })).status).toBe(400);
    expect((await client.call('POST', '/_sim/clock', { body: { advanceMs: -1 } })).status).toBe(400);
  });

  it('counts requests outside /_sim, temporary passwords issued (not replays) and e-mails', async () => {
    const cap = await client.capToken('C1001'); // 2 requests
    await client.reset(JANE, cap, 'stats-key-1');
    await client.reset(JANE, cap, 'stats-key-1');
    await client.call('GET', '/nowhere');
    await client.call('GET', '/_sim/outbox');
    expect(simStats.parse((await client.call('GET', '/_sim/stats')).body)).toEqual({ requests: 5, passwordResets: 1, emailsSent: 1 });
  });

  it('lists the outbox newest last, filtered by address ignoring case', async () => {
    const cap = await client.capToken('C1001');
    await client.reset(JANE, cap, 'outbox-key-1');
    await client.call('POST', '/mpn/v1/password/forgot', { body: { username: JANE } });
    const all = outboxResponse.parse((await client.call('GET', '/_sim/outbox')).body).messages;
    expect(all.map((m) => m.kind)).toEqual(['password_reset', 'password_forgot']);
    expect(all[0]!.sentAt <= all[1]!.sentAt).toBe(true);
    expect(await client.outbox('JANE.SMITH@ACMEDENTAL.CO.UK')).toHaveLength(2);
    expect(await client.outbox('someone@else.example')).toHaveLength(0);
  });

  it('reset goes back to the loaded data', async () => {
    const cap = await client.capToken('C1001');
    await client.call('PATCH', `/cap/v1/users/${JANE}`, { token: cap, body: { email: 'other@example.com' } });
    await client.reset(JANE, cap, 'reset-key-1');
    await client.call('POST', '/_sim/faults', { body: { path: '/mpn', kind: 'status' } });
    for (let i = 0; i < 5; i++) await client.call('POST', '/pap/v1/sessions', { body: { username: 'helpdesk', password: 'x' } });
    await client.advance(DAY);
    expect((await client.call('POST', '/_sim/reset')).status).toBe(204);
    expect((await client.call('GET', '/_sim/stats')).body).toEqual({ requests: 0, passwordResets: 0, emailsSent: 0 });
    expect(await client.outbox()).toHaveLength(0);
    expect((await client.call('GET', `/cap/v1/users/${JANE}`, { token: cap })).status).toBe(401); // sessions cleared
    const fresh = await client.capToken('C1001'); // not locked any more
    const jane = (await client.call('GET', `/cap/v1/users/${JANE}`, { token: fresh })).body;
    expect(jane.email).toBe(JANE_EMAIL);
    expect(jane.password.state).toBe('active');
    expect((await client.call('POST', '/mpn/v1/password/forgot', { body: { username: JANE } })).status).toBe(202); // fault cleared
    const now = clockResponse.parse((await client.call('POST', '/_sim/clock', { body: { advanceMs: 0 } })).body).now;
    expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(5000);
    expect((await client.reset(JANE, fresh, 'reset-key-1')).body.resetId).toEqual(expect.any(String));
    expect(await client.outbox(JANE_EMAIL)).toHaveLength(2); // the idempotency key was forgotten
  });
});

describe('a request in flight when the simulator closes', () => {
  it('close() does not wait for a pending latency fault', async () => {
    const other = await startClient();
    await other.call('POST', '/_sim/faults', { body: { path: '/pap', kind: 'latency', latencyMs: 60_000 } });
    const pending = new Promise<string>((resolve) => {
      const req = request(`${other.sim.url}/pap/v1/customers`, () => resolve('answered'));
      req.on('error', () => resolve('dropped'));
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await other.sim.close();
    expect(await pending).toBe('dropped');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
