import { user as userSchema, type CallerHit, type CustomerSummary, type User, type UserSummary } from '../shared/domain/portal-entities';
import { callerSearchResponse, type CallerSearchResponse } from '../shared/portal-wire-v1/wire';
import { foldText } from '../shared/text/fold';
import type { Answer } from './client';
import { enc, type CheckContext } from './context';
import { expectThat, failure, shape } from './runner';
import { before, userOrderKey } from './checks-users';

const READINGS = ['phone', 'email', 'userId', 'name', 'extension'];

async function find(ctx: CheckContext, q: string, limit = 200): Promise<CallerSearchResponse> {
  const answer: Answer = await ctx.client.call('GET', `/pap/v1/users?q=${enc(q)}&limit=${limit}`, { token: ctx.parent });
  return shape(answer, callerSearchResponse, '{users: [UserHit], total}', 200);
}

const list = (hits: CallerHit[]): string => hits.slice(0, 4).map((h) => `${h.userId}:${h.matchedOn}`).join(', ') || 'no users';

function expectHit(found: CallerSearchResponse, target: UserSummary, customer: CustomerSummary, matchedOn: readonly string[], query: string): void {
  const hit = found.users.find((h) => h.userId.toLowerCase() === target.userId.toLowerCase() && h.customer.id === customer.id);
  expectThat(hit !== undefined, `${target.userId} of ${customer.id} for "${query}"`, list(found.users));
  expectThat(matchedOn.includes(hit!.matchedOn), `matchedOn ${matchedOn.join(' or ')} for "${query}"`, hit!.matchedOn);
  expectThat(found.total >= found.users.length, 'total ≥ the users answered', `total ${found.total}`);
}

/** Ways staff type a phone number, all of which must find the stored one (Portal API v1.1, "Finding a caller"). */
export function phoneFormats(phoneNumber: string): string[] {
  const digits = phoneNumber.replace(/[^0-9]/g, '');
  const national = digits.slice(-10);
  const country = digits.slice(0, -10);
  const spaced = `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  const formats = [`+${digits}`, `00${digits}`, `0${spaced}`, `0${national}`];
  if (country.length > 0) formats.push(`+${country} (0)${national.slice(0, 3)} ${national.slice(3, 6)}-${national.slice(6)}`, `+${country} ${spaced}`);
  return formats;
}

/** A user with both an Email and a phone number, to find in every way; details read through CAP. */
export async function callerTarget(ctx: CheckContext, capToken: string, users: readonly UserSummary[]): Promise<User | undefined> {
  for (const summary of users.filter((u) => u.email !== null).slice(0, 12)) {
    const answer = await ctx.client.call('GET', `/cap/v1/users/${enc(summary.userId)}`, { token: capToken });
    const parsed = userSchema.safeParse(answer.json);
    if (answer.status === 200 && parsed.success && parsed.data.phoneNumber && parsed.data.phoneNumber.replace(/[^0-9]/g, '').length >= 6) return parsed.data;
  }
  return undefined;
}

export async function callerChecks(ctx: CheckContext, customer: CustomerSummary, target: User | undefined, anyUser: UserSummary): Promise<void> {
  const { runner } = ctx;
  const who = target ?? anyUser;
  await runner.check('find caller by User ID', async () => {
    expectHit(await find(ctx, who.userId.toUpperCase()), who, customer, who.email?.toLowerCase() === who.userId.toLowerCase() ? ['email'] : ['userId'], who.userId.toUpperCase());
  });
  if (who.email !== null) {
    await runner.check('find caller by Email', async () => {
      const found = await find(ctx, who.email!);
      expectHit(found, who, customer, ['email'], who.email!);
      expectThat(found.users.every((h) => h.matchedOn === 'email' || h.matchedOn === 'userId'), 'only Email or User ID matches', list(found.users));
    });
  } else runner.skip('find caller by Email', `${who.userId} has no Email`);

  if (target?.phoneNumber) {
    const stored = target.phoneNumber.replace(/[^0-9]/g, '');
    for (const format of phoneFormats(target.phoneNumber)) {
      await runner.check(`find caller by phone number "${format}"`, async () => {
        const found = await find(ctx, format);
        expectHit(found, target, customer, ['phone'], format);
        const suffix = format.replace(/\(0\)/g, '').replace(/[^0-9]/g, '').replace(/^00/, '').replace(/^0/, '');
        const stray = found.users.find((h) => h.matchedOn !== 'phone' || !(h.phoneNumber ?? '').replace(/[^0-9]/g, '').endsWith(suffix));
        expectThat(stray === undefined, `only numbers ending ${suffix} (stored ${stored})`, `${stray?.userId} ${stray?.phoneNumber}`);
      });
    }
  } else runner.skip('find caller by phone number', 'none of the first users has both an Email and a phone number');

  const fullName = `${who.firstName} ${who.lastName}`;
  await runner.check('find caller by name, in the contract order', async () => {
    const found = await find(ctx, fullName);
    if (found.users[0]?.matchedOn !== 'name') return; // the name read as a phone number or an address first
    expectHit(found, who, customer, ['name'], fullName);
    const key = (h: CallerHit) => [String(READINGS.indexOf(h.matchedOn)), ...userOrderKey(h).slice(0, 2), foldText(h.customer.name), h.userId];
    for (let i = 1; i < found.users.length; i++) {
      const [a, b] = [found.users[i - 1]!, found.users[i]!];
      expectThat(before(key(a), key(b)), `${a.userId} (${a.customer.name}) after ${b.userId} (${b.customer.name})`, 'the other way round');
    }
  });

  await runner.check('find caller limit and total', async () => {
    const all = await find(ctx, who.lastName.trim() || who.userId);
    const one = await find(ctx, who.lastName.trim() || who.userId, 1);
    expectThat(one.users.length <= 1 && one.total === all.total, `at most 1 user and total ${all.total} for limit=1`, `${one.users.length} users, total ${one.total}`);
  });

  await runner.check('find caller refuses bad input with 400 invalid_query', async () => {
    for (const [what, query] of [['a blank q', 'q=%20'], ['no q', ''], ['101 characters', `q=${'a'.repeat(101)}`], ['limit=0', 'q=a&limit=0'], ['limit=201', 'q=a&limit=201']] as const) {
      failure(await ctx.client.call('GET', `/pap/v1/users?${query}`, { token: ctx.parent }), 400, 'invalid_query', what);
    }
  });
}

/** The caller search that locates the --reset-user, which also proves it works by User ID. */
export async function locateUser(ctx: CheckContext, userId: string): Promise<CallerHit> {
  return ctx.runner.must(`find the test user ${userId}`, async () => {
    const found = await find(ctx, userId);
    const hit = found.users.find((h) => h.userId.toLowerCase() === userId.toLowerCase());
    expectThat(hit !== undefined, `${userId} among the users found for it`, list(found.users));
    expectThat(hit!.customer.status === 'active', `${userId} at an active customer (a suspended one cannot be opened)`, `${hit!.customer.name}: ${hit!.customer.status}`);
    return hit!;
  });
}
