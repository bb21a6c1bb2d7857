import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { endUserSession } from '../../../src/shared/portal-wire-v1/wire';
import { DAY, JANE, JANE_EMAIL, startClient, type SimClient } from './sim-client';

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

const signIn = (username: string, password: string) => client.call('POST', '/mpn/v1/sessions', { body: { username, password } });
const change = (changeToken: string, newPassword: string) => client.call('POST', '/mpn/v1/password/change', { body: { changeToken, newPassword } });

async function tempPasswordFor(userId = JANE, email = JANE_EMAIL): Promise<string> {
  await client.reset(userId, cap, `key-${Math.random().toString(36).slice(2)}`);
  const mail = await client.outbox(email);
  return mail[mail.length - 1]!.tempPassword;
}

async function changeTokenFor(): Promise<string> {
  const res = await signIn(JANE, await tempPasswordFor());
  expect(res.status).toBe(403);
  return res.body.error.changeToken as string;
}

describe('POST /mpn/v1/password/forgot', () => {
  it('answers 202 and e-mails a temporary password to the Email', async () => {
    const res = await client.call('POST', '/mpn/v1/password/forgot', { body: { username: 'JSMITH@acme.voip' } });
    expect(res.status).toBe(202);
    const mail = await client.outbox(JANE_EMAIL);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.kind).toBe('password_forgot');
    expect((await signIn(JANE, mail[0]!.tempPassword)).body.error.code).toBe('password_change_required');
  });

  it('answers 202 the same for unknown, disabled and Email-less users, sending nothing', async () => {
    const ids = (await client.call('GET', '/cap/v1/users?limit=200', { token: cap })).body.users as { userId: string; status: string; email: string | null }[];
    const disabled = ids.find((u) => u.status === 'disabled')!.userId;
    const noEmail = ids.find((u) => u.email === null)!.userId;
    const answers = [];
    for (const username of ['nobody@nowhere.voip', disabled, noEmail, '']) {
      const res = await client.call('POST', '/mpn/v1/password/forgot', { body: { username } });
      answers.push([res.status, res.text]);
    }
    const known = await client.call('POST', '/mpn/v1/password/forgot', { body: { username: JANE } });
    expect(answers.every(([s, t]) => s === known.status && t === known.text)).toBe(true);
    expect(await client.outbox()).toHaveLength(1);
  });

  it('answers 400 for a missing username', async () => {
    expect((await client.call('POST', '/mpn/v1/password/forgot', { body: {} })).status).toBe(400);
  });
});

describe('POST /mpn/v1/sessions', () => {
  it('a valid temporary password answers 403 password_change_required with a changeToken', async () => {
    const res = await signIn('JSmith@ACME.voip', await tempPasswordFor());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('password_change_required');
    expect(res.body.error.changeToken).toEqual(expect.any(String));
  });

  it('a temporary password older than 24 hours answers 401 temp_password_expired', async () => {
    const temp = await tempPasswordFor();
    await client.advance(DAY + 1000);
    const res = await signIn(JANE, temp);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('temp_password_expired');
  });

  it('wrong password, unknown user and disabled user answer 401 invalid_credentials', async () => {
    await tempPasswordFor();
    for (const [u, p] of [[JANE, 'Wrong-Password-1'], ['ghost@acme.voip', 'x'], ['pparked@acme.voip', 'x']]) {
      const res = await signIn(u!, p!);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_credentials');
    }
  });

  it('a password older than 90 days answers 403 password_expired with a changeToken', async () => {
    const token = await changeTokenFor();
    expect((await change(token, 'Harbour-Light-2026')).status).toBe(204);
    await client.advance(90 * DAY);
    const res = await signIn(JANE, 'Harbour-Light-2026');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('password_expired');
    expect((await change(res.body.error.changeToken, 'Harbour-Light-2027')).status).toBe(204);
    expect((await signIn(JANE, 'Harbour-Light-2027')).status).toBe(201);
  });
});

describe('POST /mpn/v1/password/change', () => {
  it('accepts a strong password (204), uses up the token, and the password then signs in', async () => {
    const token = await changeTokenFor();
    expect((await change(token, 'Harbour-Light-2026')).status).toBe(204);
    const reused = await change(token, 'Harbour-Light-2027');
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('session_expired');
    const res = await signIn(JANE, 'Harbour-Light-2026');
    expect(res.status).toBe(201);
    endUserSession.parse(res.body);
    const state = (await client.call('GET', `/cap/v1/users/${encodeURIComponent(JANE)}`, { token: cap })).body.password;
    expect(state).toMatchObject({ state: 'active', tempIssuedAt: null, tempExpiresAt: null });
  });

  it.each([
    ['Ab1!xyzw', ['min_length']],
    ['harbour-light-2026', ['needs_upper']],
    ['HARBOUR-LIGHT-2026', ['needs_lower']],
    ['Harbour-Light-Two', ['needs_digit']],
    ['HarbourLight2026', ['needs_symbol']],
    ['Harbour-JSmith-2026', ['contains_username']],
    ['Harbour-jsmith@ACME.voip-1', ['contains_username']],
    ['Harbour-Light-441135551042', ['contains_phone_number']],
    ['Harbour-Light-5551042', ['contains_phone_number']],
    ['Harbour-Jane.S-2026', ['contains_alternate_id']],
    ['jsmith', ['min_length', 'needs_upper', 'needs_digit', 'needs_symbol', 'contains_username']],
    ['jane.s5551042', ['needs_upper', 'contains_phone_number', 'contains_alternate_id']],
    ['', ['min_length', 'needs_upper', 'needs_lower', 'needs_digit', 'needs_symbol']],
  ])('rejects %j with 422 policy_violation listing %j, and the token stays valid', async (password, rules) => {
    const token = await changeTokenFor();
    const res = await change(token, password);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('policy_violation');
    expect(res.body.error.violations.map((v: { rule: string }) => v.rule)).toEqual(rules);
    for (const v of res.body.error.violations) expect(v.message).toEqual(expect.any(String));
    expect((await change(token, 'Harbour-Light-2026')).status).toBe(204);
  });

  it('treats Unicode letters and digits as the contract says', async () => {
    const token = await changeTokenFor();
    expect((await change(token, 'éclair-harbour-٣')).body.error.violations.map((v: { rule: string }) => v.rule)).toEqual(['needs_upper']);
    expect((await change(token, 'Éclair-harbour-٣')).status).toBe(204);
    expect((await signIn(JANE, 'Éclair-harbour-٣')).status).toBe(201);
  });

  it('an unknown or expired change token answers 401 session_expired', async () => {
    expect((await change('nope', 'Harbour-Light-2026')).body.error.code).toBe('session_expired');
    const token = await changeTokenFor();
    await client.advance(30 * 60_000);
    const res = await change(token, 'Harbour-Light-2026');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
  });

  it('answers 400 for a missing field', async () => {
    expect((await client.call('POST', '/mpn/v1/password/change', { body: { changeToken: 'x' } })).status).toBe(400);
  });
});
