import { user as userSchema, type User, type UserSummary } from '../shared/domain/portal-entities';
import { userSearchResponse, type UserSearchResponse } from '../shared/portal-wire-v1/wire';
import { foldText } from '../shared/text/fold';
import { enc, type CheckContext } from './context';
import { expectThat, failure, shape } from './runner';

const fold = (text: string): string => foldText(text).replace(/\s+/gu, ' ').trim();
const DAY_MS = 86_400_000;

/** Directory order: last name, first name (ignoring case and accents), User ID. */
export function userOrderKey(u: { lastName: string; firstName: string; userId: string }): [string, string, string] {
  return [fold(u.lastName), fold(u.firstName), u.userId];
}

export function before(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? '') < (b[i] ?? '')) return true;
    if ((a[i] ?? '') > (b[i] ?? '')) return false;
  }
  return true;
}

async function page(ctx: CheckContext, capToken: string, query: string): Promise<UserSearchResponse> {
  return shape(await ctx.client.call('GET', `/cap/v1/users?${query}`, { token: capToken }), userSearchResponse, '{users: [UserSummary], nextCursor}', 200);
}

export async function userChecks(ctx: CheckContext, capToken: string): Promise<UserSummary[]> {
  const { runner } = ctx;
  const all = await runner.must('user search', async () => {
    const list = await page(ctx, capToken, 'limit=200');
    expectThat(list.users.length > 0, 'the users of a customer with users', 'none');
    for (let i = 1; i < list.users.length; i++) {
      const [a, b] = [list.users[i - 1]!, list.users[i]!];
      expectThat(before(userOrderKey(a), userOrderKey(b)), `${a.userId} after ${b.userId} (last name, first name, User ID)`, `${a.userId} first`);
    }
    return list;
  });
  const users = all.users;

  await runner.check('user search paging', async () => {
    const seen: UserSummary[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 5; i++) {
      const next: UserSearchResponse = await page(ctx, capToken, `limit=2${cursor ? `&cursor=${enc(cursor)}` : ''}`);
      seen.push(...next.users);
      cursor = next.nextCursor;
      if (cursor === null) break;
    }
    const expected = users.slice(0, seen.length).map((u) => u.userId);
    expectThat(JSON.stringify(seen.map((u) => u.userId)) === JSON.stringify(expected), `pages of 2 in the order of one page: ${expected.join(', ')}`, seen.map((u) => u.userId).join(', '));
    if (users.length <= 10) expectThat(cursor === null && seen.length === users.length, 'nextCursor null after the last user', `${seen.length} users, nextCursor ${cursor === null ? 'null' : 'set'}`);
    if (users.length < 200) expectThat(all.nextCursor === null, 'nextCursor null when one page holds everyone', 'a cursor');
  });

  const sample = users[Math.floor(users.length / 2)]!;
  await runner.check('user search by name and extension', async () => {
    const prefix = [...sample.lastName.trim()].slice(0, 3).join('');
    const byName = await page(ctx, capToken, `q=${enc(prefix)}&limit=200`);
    expectThat(byName.users.some((u) => u.userId === sample.userId), `${sample.userId} among users for "${prefix}"`, byName.users.map((u) => u.userId).slice(0, 5).join(', ') || 'none');
    const q = fold(prefix);
    const stray = byName.users.find((u) => ![u.firstName, u.lastName, `${u.firstName} ${u.lastName}`].some((n) => fold(n).startsWith(q)) && !(/^[0-9]+$/.test(q) && u.extension.startsWith(q)));
    expectThat(stray === undefined, `only names starting "${prefix}"`, `${stray?.firstName} ${stray?.lastName}`);
    const byExtension = await page(ctx, capToken, `q=${enc(sample.extension)}&limit=200`);
    expectThat(byExtension.users.some((u) => u.userId === sample.userId), `${sample.userId} for extension ${sample.extension}`, byExtension.users.map((u) => u.userId).slice(0, 5).join(', ') || 'none');
  });

  await runner.check('user search refuses a bad limit or cursor with 400 invalid_request', async () => {
    for (const [what, query] of [['limit=0', 'limit=0'], ['limit=201', 'limit=201'], ['a made-up cursor', 'cursor=portal-check-not-a-cursor']] as const) {
      failure(await ctx.client.call('GET', `/cap/v1/users?${query}`, { token: capToken }), 400, 'invalid_request', what);
    }
  });

  await runner.check('user details', async () => {
    const details = shape(await ctx.client.call('GET', `/cap/v1/users/${enc(sample.userId)}`, { token: capToken }), userSchema, 'User', 200);
    const differs = (['userId', 'firstName', 'lastName', 'extension', 'email', 'status'] as const).find((k) => details[k] !== sample[k]);
    expectThat(differs === undefined, 'the same fields as in the search', `${differs} differs`);
    checkPasswordState(details);
  });

  await runner.check('an unknown user answers 404 not_found', async () => {
    failure(await ctx.client.call('GET', `/cap/v1/users/${enc('portal-check-no-such-user@example.invalid')}`, { token: capToken }), 404, 'not_found');
  });
  return users;
}

export function checkPasswordState(u: User): void {
  const p = u.password;
  if (p.changedAt !== null && p.expiresAt !== null) {
    expectThat(Date.parse(p.expiresAt) - Date.parse(p.changedAt) === 90 * DAY_MS, 'password.expiresAt = changedAt + 90 days', `${p.changedAt} → ${p.expiresAt}`);
  }
  if (p.tempIssuedAt !== null) {
    expectThat(p.tempExpiresAt !== null && Date.parse(p.tempExpiresAt) - Date.parse(p.tempIssuedAt) === DAY_MS, 'tempExpiresAt = tempIssuedAt + 24 h', `${p.tempIssuedAt} → ${p.tempExpiresAt}`);
  }
  const tempStates = ['temp_issued', 'temp_expired'];
  expectThat(!tempStates.includes(p.state) || p.tempIssuedAt !== null, `tempIssuedAt for state ${p.state}`, 'null');
}

/** A user of another customer is unknown to this customer's CAP token. */
export async function scopeCheck(ctx: CheckContext, capToken: string, otherUser: { userId: string } | undefined): Promise<void> {
  const name = "a CAP token does not reach another customer's user (404)";
  if (!otherUser) return ctx.runner.skip(name, 'no second customer with users found');
  await ctx.runner.check(name, async () => {
    failure(await ctx.client.call('GET', `/cap/v1/users/${enc(otherUser.userId)}`, { token: capToken }), 404, 'not_found');
  });
}
