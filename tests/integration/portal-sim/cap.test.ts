import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { user as userSchema, type UserSummary } from '../../../src/shared/domain/portal-entities';
import { passwordResetResponse, userSearchResponse } from '../../../src/shared/portal-wire-v1/wire';
import { DAY, HOUR, JANE, JANE_EMAIL, MINUTE, startClient, type SimClient } from './sim-client';

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

const users = async (query: string): Promise<{ users: UserSummary[]; nextCursor: string | null }> => {
  const res = await client.call('GET', `/cap/v1/users?${query}`, { token: cap });
  expect(res.status, res.text).toBe(200);
  return userSearchResponse.parse(res.body);
};
const userPath = (id: string) => `/cap/v1/users/${encodeURIComponent(id)}`;

describe('GET /cap/v1/users', () => {
  it('matches first name, last name, "first last" and extension', async () => {
    expect((await users('q=jane')).users.map((u) => u.userId)).toContain(JANE);
    expect((await users('q=smi')).users.map((u) => u.userId)).toContain(JANE);
    expect((await users('q=jane%20smith')).users.map((u) => u.userId)).toEqual([JANE]);
    expect((await users('q=1042')).users.map((u) => u.userId)).toEqual([JANE]);
    const ext = await users('q=104');
    expect(ext.users.every((u) => u.extension.startsWith('104'))).toBe(true);
    expect(ext.users.length).toBeGreaterThan(1);
  });

  it('ignores case and accents', async () => {
    expect((await users('q=zoe%20o%27brien')).users.map((u) => `${u.firstName} ${u.lastName}`)).toEqual(["Zoë O'Brien"]);
    expect((await users('q=nunez')).users.map((u) => u.lastName)).toContain('Núñez');
    expect((await users('q=VOSS')).users.map((u) => u.lastName)).toContain('Voß');
    expect((await users('q=Jos%C3%A9')).users.map((u) => u.firstName)).toContain('José');
  });

  it('shows both users with the same name, told apart by User ID', async () => {
    const both = (await users('q=sam%20taylor')).users;
    expect(both).toHaveLength(2);
    expect(both[0]!.userId < both[1]!.userId).toBe(true);
  });

  it('blank q lists every user, disabled included, ordered by last name, first name, User ID', async () => {
    const all = (await users('limit=200')).users;
    expect(all).toHaveLength(60);
    expect(all.some((u) => u.status === 'disabled')).toBe(true);
    expect(all.some((u) => u.email === null)).toBe(true);
    const key = (u: UserSummary) => [u.lastName, u.firstName].map((s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss'));
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      const [al, af] = key(a);
      const [bl, bf] = key(b);
      expect(al! < bl! || (al === bl && (af! < bf! || (af === bf && a.userId < b.userId)))).toBe(true);
    }
    expect((await users('q=%20%20&limit=200')).users).toHaveLength(60);
  });

  it('pages with an opaque cursor until nextCursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await users(`limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.users.length).toBeLessThanOrEqual(7);
      seen.push(...page.users.map((u) => u.userId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(60 / 7));
    expect(seen).toEqual((await users('limit=200')).users.map((u) => u.userId));
  });

  it('the last full page of a filtered search has no nextCursor', async () => {
    const page = await users('q=sam%20taylor&limit=2');
    expect(page.users).toHaveLength(2);
    expect(page.nextCursor).toBeNull();
  });

  it.each(['limit=0', 'limit=201', 'limit=x', 'cursor=bogus', 'cursor=', `cursor=${Buffer.from('u1:99999').toString('base64url')}`])(
    'answers 400 invalid_request for %s',
    async (query) => {
      const res = await client.call('GET', `/cap/v1/users?${query}`, { token: cap });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    },
  );
});

describe('GET /cap/v1/users/{userId}', () => {
  it('answers the User, User ID matched ignoring case', async () => {
    const res = await client.call('GET', userPath('JSmith@Acme.VOIP'), { token: cap });
    expect(res.status).toBe(200);
    expect(userSchema.parse(res.body)).toMatchObject({
      userId: JANE, firstName: 'Jane', lastName: 'Smith', extension: '1042', email: JANE_EMAIL, status: 'active',
      phoneNumber: '+441135551042', alternateIds: ['jane.s'], department: 'Front desk', password: { state: 'active', tempIssuedAt: null, tempExpiresAt: null },
    });
    const { changedAt, expiresAt } = res.body.password;
    expect(Date.parse(expiresAt) - Date.parse(changedAt)).toBe(90 * DAY);
  });

  it('answers 404 for an unknown user and for a user of another customer', async () => {
    expect((await client.call('GET', userPath('nobody@acme.voip'), { token: cap })).status).toBe(404);
    const otherCap = await client.capToken('C1002');
    const other = (await client.call('GET', '/cap/v1/users?limit=1', { token: otherCap })).body.users[0].userId;
    const res = await client.call('GET', userPath(other), { token: cap });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect((await client.call('GET', userPath(JANE), { token: otherCap })).status).toBe(404);
    expect((await client.reset(JANE, otherCap, 'key-other-customer')).status).toBe(404);
    expect((await client.call('PATCH', userPath(JANE), { token: otherCap, body: { email: 'x@y.com' } })).status).toBe(404);
  });

  it('a CAP token expires after 30 idle minutes', async () => {
    await client.advance(30 * MINUTE);
    const res = await client.call('GET', userPath(JANE), { token: cap });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
  });
});

describe('PATCH /cap/v1/users/{userId}', () => {
  it('changes the Email, and null clears it', async () => {
    const set = await client.call('PATCH', userPath(JANE), { token: cap, body: { email: 'jane@new.example.com', ignored: true } });
    expect(set.status).toBe(200);
    expect(userSchema.parse(set.body).email).toBe('jane@new.example.com');
    expect((await users('q=1042')).users[0]!.email).toBe('jane@new.example.com');
    const cleared = await client.call('PATCH', userPath(JANE), { token: cap, body: { email: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.email).toBeNull();
  });

  it.each(['', 'jane', 'jane@', '@acme.co.uk', 'jane@localhost', 'jane smith@acme.co.uk', 'jane@acme..uk', 'jane@@acme.uk'])(
    'answers 422 invalid_email for %j',
    async (email) => {
      const res = await client.call('PATCH', userPath(JANE), { token: cap, body: { email } });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('invalid_email');
    },
  );

  it('answers 400 for a missing or mistyped email', async () => {
    for (const body of [{}, { email: 42 }, []]) {
      const res = await client.call('PATCH', userPath(JANE), { token: cap, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
  });
});

describe('POST /cap/v1/users/{userId}/password-resets', () => {
  const idOf = async (q: string) => (await users(`q=${encodeURIComponent(q)}`)).users[0]!.userId;

  it('sends a temporary password to the Email, not the User ID, valid for 24 hours', async () => {
    const res = await client.reset(JANE, cap, 'key-0001-abc');
    expect(res.status).toBe(202);
    const answer = passwordResetResponse.parse(res.body);
    expect(answer.sentTo).toBe(JANE_EMAIL);
    expect(Date.parse(answer.expiresAt) - Date.parse(answer.issuedAt)).toBe(DAY);
    expect(await client.outbox(JANE)).toHaveLength(0);
    const mail = await client.outbox(JANE_EMAIL.toUpperCase());
    expect(mail).toHaveLength(1);
    expect(mail[0]!.kind).toBe('password_reset');
    expect(mail[0]!.body.split('\n')).toContain(mail[0]!.tempPassword);
    const state = (await client.call('GET', userPath(JANE), { token: cap })).body.password;
    expect(state).toMatchObject({ state: 'temp_issued', tempIssuedAt: answer.issuedAt, tempExpiresAt: answer.expiresAt });
  });

  it('the temporary password expires after 24 hours on the simulator clock', async () => {
    await client.reset(JANE, cap, 'key-0002-abc');
    await client.advance(DAY - MINUTE);
    cap = await client.capToken('C1001');
    expect((await client.call('GET', userPath(JANE), { token: cap })).body.password.state).toBe('temp_issued');
    await client.advance(2 * MINUTE);
    expect((await client.call('GET', userPath(JANE), { token: cap })).body.password.state).toBe('temp_expired');
  });

  it('a password older than 90 days shows as expired', async () => {
    await client.advance(91 * DAY);
    cap = await client.capToken('C1001');
    expect((await client.call('GET', userPath(JANE), { token: cap })).body.password.state).toBe('expired');
  });

  it('replays the same body for the same key and sends nothing more', async () => {
    const first = await client.reset(JANE, cap, 'same-key-123');
    const again = await client.reset(JANE, cap, 'same-key-123');
    expect(again.status).toBe(202);
    expect(again.text).toBe(first.text);
    expect(await client.outbox(JANE_EMAIL)).toHaveLength(1);
    expect((await client.call('GET', '/_sim/stats')).body).toMatchObject({ passwordResets: 1, emailsSent: 1 });
    const other = await client.reset(JANE, cap, 'other-key-123');
    expect(other.body.resetId).not.toBe(first.body.resetId);
    expect(await client.outbox(JANE_EMAIL)).toHaveLength(2);
  });

  it('a new temporary password voids the earlier one', async () => {
    await client.reset(JANE, cap, 'void-key-001');
    await client.reset(JANE, cap, 'void-key-002');
    const [older, newer] = await client.outbox(JANE_EMAIL);
    const tryOld = await client.call('POST', '/mpn/v1/sessions', { body: { username: JANE, password: older!.tempPassword } });
    expect(tryOld.status).toBe(401);
    const tryNew = await client.call('POST', '/mpn/v1/sessions', { body: { username: JANE, password: newer!.tempPassword } });
    expect(tryNew.status).toBe(403);
  });

  it.each([undefined, 'short', 'x'.repeat(129)])('answers 400 idempotency_key_required for key %j', async (key) => {
    const res = await client.call('POST', `${userPath(JANE)}/password-resets`, { token: cap, headers: key === undefined ? {} : { 'idempotency-key': key } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('idempotency_key_required');
  });

  it('accepts keys of exactly 8 and 128 characters', async () => {
    expect((await client.reset(JANE, cap, 'k'.repeat(8))).status).toBe(202);
    expect((await client.reset(JANE, cap, 'k'.repeat(128))).status).toBe(202);
  });

  it('checks in order: 404, key, disabled, no Email, hourly limit', async () => {
    const disabled = await idOf('peter parked');
    const noEmail = await idOf('nora noemail');
    expect((await client.call('POST', `${userPath('ghost@acme.voip')}/password-resets`, { token: cap })).status).toBe(404);
    expect((await client.call('POST', `${userPath(disabled)}/password-resets`, { token: cap })).body.error.code).toBe('idempotency_key_required');
    const d = await client.reset(disabled, cap, 'disabled-key');
    expect(d.status).toBe(409);
    expect(d.body.error.code).toBe('user_disabled');
    const n = await client.reset(noEmail, cap, 'noemail-key');
    expect(n.status).toBe(409);
    expect(n.body.error.code).toBe('no_email');
  });

  it('allows 5 temporary passwords per rolling hour, then 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await client.reset(JANE, cap, `limit-key-${i}`)).status).toBe(202);
      await client.advance(MINUTE);
    }
    const sixth = await client.reset(JANE, cap, 'limit-key-5');
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('too_many_resets');
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(54 * 60);
    expect(retryAfter).toBeLessThanOrEqual(55 * 60);
    // A replay of an earlier key still answers its body.
    expect((await client.reset(JANE, cap, 'limit-key-0')).status).toBe(202);
    expect(await client.outbox(JANE_EMAIL)).toHaveLength(5);
    await client.advance(retryAfter * 1000);
    cap = await client.capToken('C1001');
    expect((await client.reset(JANE, cap, 'limit-key-6')).status).toBe(202);
    // The hour rolls: the 2nd of the original five is still inside it.
    expect((await client.reset(JANE, cap, 'limit-key-7')).status).toBe(429);
  });

  it('forgot-password e-mails count towards the same hourly limit', async () => {
    for (let i = 0; i < 3; i++) await client.reset(JANE, cap, `mixed-key-${i}`);
    for (let i = 0; i < 2; i++) await client.call('POST', '/mpn/v1/password/forgot', { body: { username: JANE } });
    expect(await client.outbox(JANE_EMAIL)).toHaveLength(5);
    expect((await client.reset(JANE, cap, 'mixed-key-9')).status).toBe(429);
    await client.call('POST', '/mpn/v1/password/forgot', { body: { username: JANE } });
    expect(await client.outbox(JANE_EMAIL)).toHaveLength(5);
    await client.advance(HOUR);
  });
});
