import { sessionToken } from '../shared/portal-wire-v1/wire';
import type { PortalClient } from './client';
import { enc, type CheckContext } from './context';
import { expectExpiry, expectStatus, failure, shape, type Runner } from './runner';

/** Signs in; the run cannot go on without a session. */
export async function signIn(client: PortalClient, runner: Runner, username: string, password: string, name = 'sign-in'): Promise<string> {
  return runner.must(name, async () => {
    const answer = await client.call('POST', '/pap/v1/sessions', { body: { username, password } });
    if (answer.status === 423) failure(answer, 201, 'a session (the account is locked: wait for Retry-After and run again)');
    const session = shape(answer, sessionToken, '{token, expiresAt}', 201);
    expectExpiry(session.expiresAt, 30, 'expiresAt');
    return session.token;
  });
}

/**
 * One wrong password, never more: a real parent-admin account locks on the 5th failure in a row.
 * The sign-in right after it resets the count, and is signed out again.
 */
export async function wrongPasswordOnce(ctx: CheckContext): Promise<void> {
  const { client, runner, options } = ctx;
  await runner.check('a wrong password answers 401 invalid_credentials', async () => {
    const answer = await client.call('POST', '/pap/v1/sessions', { body: { username: options.username, password: `${ctx.password}-portal-check-wrong` } });
    failure(answer, 401, 'invalid_credentials');
  });
  const again = await signIn(client, runner, options.username, ctx.password, 'sign-in again after a wrong password (resets the failure count)');
  await runner.check('sign-out answers 204 and the token is then refused', async () => {
    const out = await client.call('DELETE', '/pap/v1/sessions/current', { token: again });
    expectStatus(out, 204, 'with no body');
    failure(await client.call('GET', `/pap/v1/customers?name=${enc('a')}`, { token: again }), 401, 'session_expired', 'a signed-out token');
  });
}

export async function requestRules(ctx: CheckContext): Promise<void> {
  const { client, runner, parent } = ctx;
  await runner.check('no token answers 401 session_expired', async () => {
    failure(await client.call('GET', '/pap/v1/customers?name=a'), 401, 'session_expired', 'GET /pap/v1/customers');
    failure(await client.call('GET', '/pap/v1/users?q=a'), 401, 'session_expired', 'GET /pap/v1/users');
  });
  await runner.check('a bad token answers 401 session_expired', async () => {
    const token = 'portal-check-not-a-token';
    failure(await client.call('GET', '/pap/v1/customers?name=a', { token }), 401, 'session_expired', 'GET /pap/v1/customers');
    failure(await client.call('GET', '/cap/v1/users', { token }), 401, 'session_expired', 'GET /cap/v1/users');
  });
  // Sign-in bodies that name no account, so they cannot count against one.
  await runner.check('malformed JSON answers 400 invalid_request', async () => {
    failure(await client.call('POST', '/pap/v1/sessions', { rawBody: '{"username": ' }), 400, 'invalid_request');
  });
  await runner.check('a missing field answers 400 invalid_request', async () => {
    failure(await client.call('POST', '/pap/v1/sessions', { body: {} }), 400, 'invalid_request');
  });
  await runner.check('a body over 64 KiB answers 413 payload_too_large', async () => {
    const rawBody = JSON.stringify({ padding: 'x'.repeat(70 * 1024) });
    failure(await client.call('POST', '/pap/v1/customers/portal-check-none/cap-sessions', { token: parent, rawBody }), 413, 'payload_too_large');
  });
  await runner.check('an unknown route answers 404 not_found', async () => {
    failure(await client.call('GET', '/pap/v1/portal-check-no-such-route', { token: parent }), 404, 'not_found');
  });
  await runner.check('a wrong method answers 405 method_not_allowed', async () => {
    failure(await client.call('PUT', '/pap/v1/customers', { token: parent, body: {} }), 405, 'method_not_allowed');
  });
}
