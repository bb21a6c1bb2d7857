import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../src/portal-sim/index';

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

/** Plain fetch, as an outside program that knows only the contract would call it. */
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(sim.url + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

it('drives a whole reset: helpdesk sends a temporary password, the user replaces it and signs in', async () => {
  // 1. Parent Admin Portal sign-in.
  const session = await call('POST', '/pap/v1/sessions', { username: sim.credentials.username, password: sim.credentials.password });
  expect(session.status).toBe(201);
  const parent = { authorization: `Bearer ${session.body.token}` };

  // 2. Customer Service Tool.
  const lookup = await call('GET', `/pap/v1/customers?name=${encodeURIComponent('acme dental')}`, undefined, parent);
  expect(lookup.status).toBe(200);
  const acme = lookup.body.customers[0];
  expect(acme.name).toBe('Acme Dental');

  // 3. Access CAP.
  const capSession = await call('POST', `/pap/v1/customers/${acme.id}/cap-sessions`, undefined, parent);
  expect(capSession.status).toBe(201);
  const cap = { authorization: `Bearer ${capSession.body.capToken}` };

  // 4. Users tab: search by extension, then open the user.
  const found = await call('GET', '/cap/v1/users?q=1042', undefined, cap);
  expect(found.body.users).toHaveLength(1);
  const userId: string = found.body.users[0].userId;
  const user = await call('GET', `/cap/v1/users/${encodeURIComponent(userId)}`, undefined, cap);
  expect(user.body.email).not.toBe(userId);

  // 5–6. Reset Password: the e-mail goes to Email.
  const reset = await call('POST', `/cap/v1/users/${encodeURIComponent(userId)}/password-resets`, undefined, { ...cap, 'idempotency-key': 'whole-flow-0001' });
  expect(reset.status).toBe(202);
  expect(reset.body.sentTo).toBe(user.body.email);
  const outbox = await call('GET', `/_sim/outbox?to=${encodeURIComponent(reset.body.sentTo)}`);
  expect(outbox.body.messages).toHaveLength(1);
  const temp: string = outbox.body.messages[0].tempPassword;
  expect(outbox.body.messages[0].body.split('\n')).toContain(temp);

  // 7. The user signs in to My Phone Next with the temporary password and must choose a new one.
  const first = await call('POST', '/mpn/v1/sessions', { username: userId, password: temp });
  expect(first.status).toBe(403);
  expect(first.body.error.code).toBe('password_change_required');
  const changeToken: string = first.body.error.changeToken;

  const weak = await call('POST', '/mpn/v1/password/change', { changeToken, newPassword: 'jsmith1042' });
  expect(weak.status).toBe(422);
  expect(weak.body.error.violations.map((v: { rule: string }) => v.rule)).toEqual(['needs_upper', 'needs_symbol', 'contains_username']);
  const weaker = await call('POST', '/mpn/v1/password/change', { changeToken, newPassword: 'jane.s' });
  expect(weaker.body.error.violations.map((v: { rule: string }) => v.rule)).toEqual(['min_length', 'needs_upper', 'needs_digit', 'contains_alternate_id']);

  const strong = await call('POST', '/mpn/v1/password/change', { changeToken, newPassword: 'Quiet-Harbour-73' });
  expect(strong.status).toBe(204);

  // 8. The user confirms by signing in.
  const signedIn = await call('POST', '/mpn/v1/sessions', { username: userId, password: 'Quiet-Harbour-73' });
  expect(signedIn.status).toBe(201);
  expect(signedIn.body.token).toEqual(expect.any(String));
  const after = await call('GET', `/cap/v1/users/${encodeURIComponent(userId)}`, undefined, cap);
  expect(after.body.password.state).toBe('active');
});
