import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { passwordResetResponse } from '../../../src/shared/portal-wire-v1/wire';
import { JANE, JANE_EMAIL, MINUTE, startClient, type SimClient } from './sim-client';

let client: SimClient;
let cap: string;
beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.sim.close());
beforeEach(async () => {
  await client.call('POST', '/_sim/reset');
  cap = await client.capToken('C1001');
});

const userPath = (id: string) => `/cap/v1/users/${encodeURIComponent(id)}`;
const reset = (userId: string, key: string, body?: unknown, rawBody?: string) =>
  client.call('POST', `${userPath(userId)}/password-resets`, {
    token: cap,
    headers: { 'idempotency-key': key },
    ...(body !== undefined ? { body } : {}),
    ...(rawBody !== undefined ? { rawBody } : {}),
  });
const sent = async () => (await client.call('GET', '/_sim/stats')).body.passwordResets as number;
const idOf = async (q: string) => (await client.call('GET', `/cap/v1/users?q=${encodeURIComponent(q)}`, { token: cap })).body.users[0].userId as string;

describe('password reset with expectedEmail (v1.1)', () => {
  it('sends when the expected Email is the user\'s Email, compared ignoring case', async () => {
    const res = await reset(JANE, 'expected-ok-1', { expectedEmail: JANE_EMAIL.toUpperCase() });
    expect(res.status).toBe(202);
    expect(passwordResetResponse.parse(res.body).sentTo).toBe(JANE_EMAIL);
    expect(await client.outbox(JANE_EMAIL)).toHaveLength(1);
  });

  it('answers 409 email_changed when the Email changed after the staffer confirmed it, and sends nothing', async () => {
    const before = (await client.call('GET', userPath(JANE), { token: cap })).body.password;
    await client.call('PATCH', userPath(JANE), { token: cap, body: { email: 'jane.new@acmedental.co.uk' } });
    const res = await reset(JANE, 'expected-changed-1', { expectedEmail: JANE_EMAIL });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('email_changed');
    expect(await sent()).toBe(0);
    expect(await client.outbox()).toHaveLength(0);
    expect((await client.call('GET', userPath(JANE), { token: cap })).body.password).toEqual(before);
    // Nothing was remembered under the key: confirming the new address with the same key sends once.
    const confirmed = await reset(JANE, 'expected-changed-1', { expectedEmail: 'jane.new@acmedental.co.uk' });
    expect(confirmed.status).toBe(202);
    expect(confirmed.body.sentTo).toBe('jane.new@acmedental.co.uk');
    expect(await client.outbox('jane.new@acmedental.co.uk')).toHaveLength(1);
  });

  it('a reset without a body, or with an empty object, sends as in v1.0', async () => {
    expect((await reset(JANE, 'no-body-key-1')).status).toBe(202);
    expect((await reset(JANE, 'empty-object-1', {})).status).toBe(202);
    expect(await sent()).toBe(2);
  });

  it('replays the first answer for the same key whatever expectedEmail says, sending nothing', async () => {
    const first = await reset(JANE, 'replay-key-01', { expectedEmail: JANE_EMAIL });
    const again = await reset(JANE, 'replay-key-01', { expectedEmail: 'someone.else@example.com' });
    expect(again.status).toBe(202);
    expect(again.text).toBe(first.text);
    expect(await sent()).toBe(1);
  });

  it('checks after no_email and user_disabled, before too_many_resets', async () => {
    const wrong = { expectedEmail: 'not-the-address@example.com' };
    expect((await reset(await idOf('peter parked'), 'order-key-01', wrong)).body.error.code).toBe('user_disabled');
    expect((await reset(await idOf('nora noemail'), 'order-key-02', wrong)).body.error.code).toBe('no_email');
    for (let i = 0; i < 5; i++) {
      expect((await reset(JANE, `order-limit-${i}`)).status).toBe(202);
      await client.advance(MINUTE);
    }
    cap = await client.capToken('C1001');
    expect((await reset(JANE, 'order-key-03', wrong)).body.error.code).toBe('email_changed');
    expect((await reset(JANE, 'order-key-04', { expectedEmail: JANE_EMAIL })).body.error.code).toBe('too_many_resets');
  });

  it.each([
    ['malformed JSON', undefined, '{"expectedEmail": '],
    ['a number', { expectedEmail: 42 }, undefined],
    ['null', { expectedEmail: null }, undefined],
  ])('refuses expectedEmail as %s with 400 invalid_request, sending nothing', async (_what, body, raw) => {
    const res = await reset(JANE, 'bad-body-key-1', body, raw);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(await sent()).toBe(0);
  });
});
