import { randomUUID } from 'node:crypto';
import { user as userSchema, type User } from '../shared/domain/portal-entities';
import { passwordResetResponse } from '../shared/portal-wire-v1/wire';
import { describe } from './client';
import { enc, type CheckContext } from './context';
import { expectThat, failure, Mismatch, shape } from './runner';

const DAY_MS = 86_400_000;
const NOT_THE_ADDRESS = 'portal-check.not-the-address@example.invalid';

async function readUser(ctx: CheckContext, capToken: string, userId: string): Promise<User> {
  return shape(await ctx.client.call('GET', `/cap/v1/users/${enc(userId)}`, { token: capToken }), userSchema, 'User', 200);
}

/**
 * The only checks that send anything, and only to the test user: exactly one temporary password,
 * then the same Idempotency-Key again to prove a replay sends nothing. The probes before it are
 * built so that even a portal that ignored them would send nothing (a wrong expectedEmail).
 */
export async function resetChecks(ctx: CheckContext, capToken: string, userId: string): Promise<void> {
  const { runner, client } = ctx;
  const path = `/cap/v1/users/${enc(userId)}/password-resets`;
  const before = await runner.must('the test user can be reset (active, with an Email)', async () => {
    const u = await readUser(ctx, capToken, userId);
    expectThat(u.status === 'active' && u.email !== null, 'an active test user with an Email', `status ${u.status}, Email ${u.email ?? 'none'}`);
    return u;
  });
  const email = before.email!;

  await runner.check('a reset without Idempotency-Key answers 400 idempotency_key_required', async () => {
    failure(await client.call('POST', path, { token: capToken, body: { expectedEmail: NOT_THE_ADDRESS } }), 400, 'idempotency_key_required');
  });

  await runner.check('a reset with another expectedEmail answers 409 email_changed and sends nothing', async () => {
    const answer = await client.call('POST', path, { token: capToken, headers: { 'Idempotency-Key': `portal-check-${randomUUID()}` }, body: { expectedEmail: NOT_THE_ADDRESS } });
    failure(answer, 409, 'email_changed');
    const after = await readUser(ctx, capToken, userId);
    expectThat(JSON.stringify(after.password) === JSON.stringify(before.password), 'the password state unchanged', JSON.stringify(after.password));
  });

  const key = `portal-check-${randomUUID()}`;
  const sent = await runner.check('a reset with expectedEmail sends one temporary password to the Email', async () => {
    const answer = await client.call('POST', path, { token: capToken, headers: { 'Idempotency-Key': key }, body: { expectedEmail: email } });
    if (answer.status === 429) throw new Mismatch('202 (the test user had 5 temporary passwords this hour: wait for Retry-After)', describe(answer));
    const body = shape(answer, passwordResetResponse, '{resetId, sentTo, issuedAt, expiresAt}', 202);
    expectThat(body.sentTo.toLowerCase() === email.toLowerCase(), `sentTo ${email} (the Email, not the User ID)`, body.sentTo);
    expectThat(Date.parse(body.expiresAt) - Date.parse(body.issuedAt) === DAY_MS, 'expiresAt = issuedAt + 24 h', `${body.issuedAt} → ${body.expiresAt}`);
    const after = await readUser(ctx, capToken, userId);
    expectThat(after.password.state === 'temp_issued' && after.password.tempIssuedAt === body.issuedAt, `password temp_issued at ${body.issuedAt}`, `${after.password.state} at ${after.password.tempIssuedAt}`);
    return { text: answer.text, body, password: after.password };
  });
  if (!sent) return;

  await runner.check('the same Idempotency-Key again answers the same body and sends nothing', async () => {
    const again = await client.call('POST', path, { token: capToken, headers: { 'Idempotency-Key': key }, body: { expectedEmail: email } });
    const body = shape(again, passwordResetResponse, 'the first answer again', 202);
    expectThat(JSON.stringify(body) === JSON.stringify(sent.body), `the first answer ${JSON.stringify(sent.body)}`, JSON.stringify(body));
    const after = await readUser(ctx, capToken, userId);
    expectThat(after.password.tempIssuedAt === sent.password.tempIssuedAt, `no new temporary password (still issued at ${sent.password.tempIssuedAt})`, `issued at ${after.password.tempIssuedAt}`);
  });
}
