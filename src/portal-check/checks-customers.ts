import { customer as customerSchema, type CustomerSummary } from '../shared/domain/portal-entities';
import { capSession, customerSearchResponse, type CustomerSearchResponse } from '../shared/portal-wire-v1/wire';
import { foldText, words } from '../shared/text/fold';
import { enc, type CheckContext } from './context';
import { expectExpiry, expectThat, failure, Mismatch, shape } from './runner';

const fold = (text: string): string => foldText(text).replace(/\s+/gu, ' ').trim();

/** The contract's group of a name for a query: 0 exact, 1 every word a prefix, 2 substring, -1 no match. */
export function customerGroup(name: string, query: string): number {
  const n = fold(name);
  const q = fold(query);
  if (n === q) return 0;
  const nameWords = words(n);
  const queryWords = words(q);
  if (queryWords.length > 0 && queryWords.every((w) => nameWords.some((nw) => nw.startsWith(w)))) return 1;
  return n.includes(q) ? 2 : -1;
}

async function lookup(ctx: CheckContext, name: string, limit = 50): Promise<CustomerSearchResponse> {
  const answer = await ctx.client.call('GET', `/pap/v1/customers?name=${enc(name)}&limit=${limit}`, { token: ctx.parent });
  return shape(answer, customerSearchResponse, '{customers: [CustomerSummary], total}', 200);
}

/** The lookup text: --customer, or the first vowel or letter that finds an active customer with users. */
async function findSomeCustomers(ctx: CheckContext): Promise<{ query: string; found: CustomerSearchResponse }> {
  const candidates = ctx.options.customer !== undefined ? [ctx.options.customer] : [...'aeiounrstlcdmbgphkwyfvjxqz'];
  let last: { query: string; found: CustomerSearchResponse } | undefined;
  for (const query of candidates) {
    const found = await lookup(ctx, query, 200);
    last = { query, found };
    if (found.customers.some((c) => c.status === 'active' && c.userCount > 0)) return last;
  }
  const tried = ctx.options.customer !== undefined ? `"${ctx.options.customer}"` : 'every letter';
  throw new Mismatch(`an active customer with users for ${tried}`, `${last?.found.total ?? 0} customers, none active with users`);
}

export interface CustomerChecks {
  chosen: CustomerSummary;
  others: CustomerSummary[];
}

export async function customerLookup(ctx: CheckContext, preferredId?: string): Promise<CustomerChecks> {
  const { runner } = ctx;
  const { query, found } = await runner.must('customer lookup', async () => {
    const result = await findSomeCustomers(ctx);
    const stray = result.found.customers.find((c) => customerGroup(c.name, result.query) < 0);
    expectThat(stray === undefined, `only customers matching "${result.query}"`, `"${stray?.name}"`);
    expectThat(result.found.total >= result.found.customers.length, 'total ≥ the customers answered', `total ${result.found.total} for ${result.found.customers.length}`);
    return result;
  });

  await runner.check('customer lookup order (exact name, word prefix, substring; each by name)', async () => {
    const keyed = found.customers.map((c) => ({ c, group: customerGroup(c.name, query), name: foldText(c.name) }));
    for (let i = 1; i < keyed.length; i++) {
      const [a, b] = [keyed[i - 1]!, keyed[i]!];
      const inOrder = a.group < b.group || (a.group === b.group && a.name <= b.name);
      expectThat(inOrder, `"${a.c.name}" after "${b.c.name}"`, `"${a.c.name}" before "${b.c.name}"`);
    }
  });

  await runner.check('customer lookup limit and total', async () => {
    const one = await lookup(ctx, query, 1);
    expectThat(one.customers.length <= 1, 'at most 1 customer for limit=1', `${one.customers.length}`);
    expectThat(one.total === found.total, `total ${found.total} whatever the limit`, `total ${one.total}`);
    expectThat(one.customers[0]?.id === found.customers[0]?.id, 'the same first customer', `${one.customers[0]?.id}`);
  });

  await runner.check('customer lookup refuses bad input with 400 invalid_query', async () => {
    for (const [what, path] of [
      ['a blank name', '/pap/v1/customers?name=%20'],
      ['no name', '/pap/v1/customers'],
      ['101 characters', `/pap/v1/customers?name=${'a'.repeat(101)}`],
      ['limit=0', `/pap/v1/customers?name=${enc(query)}&limit=0`],
      ['limit=201', `/pap/v1/customers?name=${enc(query)}&limit=201`],
      ['limit=ten', `/pap/v1/customers?name=${enc(query)}&limit=ten`],
    ] as const) {
      failure(await ctx.client.call('GET', path, { token: ctx.parent }), 400, 'invalid_query', what);
    }
  });

  const active = found.customers.filter((c) => c.status === 'active' && c.userCount > 0);
  const chosen = active.find((c) => c.id === preferredId) ?? active[0]!;
  await runner.check('customer details', async () => {
    const answer = await ctx.client.call('GET', `/pap/v1/customers/${enc(chosen.id)}`, { token: ctx.parent });
    const details = shape(answer, customerSchema, 'Customer', 200);
    const same = (['id', 'name', 'accountNumber', 'status', 'city', 'userCount'] as const).find((k) => details[k] !== chosen[k]);
    expectThat(same === undefined, 'the same fields as in the lookup', `${same} differs`);
  });
  await runner.check('an unknown customer answers 404 not_found', async () => {
    const id = enc('portal-check-no-such-customer');
    failure(await ctx.client.call('GET', `/pap/v1/customers/${id}`, { token: ctx.parent }), 404, 'not_found', 'GET');
    failure(await ctx.client.call('POST', `/pap/v1/customers/${id}/cap-sessions`, { token: ctx.parent }), 404, 'not_found', 'Access CAP');
  });
  const suspended = found.customers.find((c) => c.status === 'suspended');
  if (suspended) {
    await runner.check('Access CAP on a suspended customer answers 403 customer_suspended', async () => {
      failure(await ctx.client.call('POST', `/pap/v1/customers/${enc(suspended.id)}/cap-sessions`, { token: ctx.parent }), 403, 'customer_suspended');
    });
  } else runner.skip('Access CAP on a suspended customer answers 403 customer_suspended', `no suspended customer matches "${query}"`);
  return { chosen, others: active.filter((c) => c.id !== chosen.id) };
}

export async function accessCap(ctx: CheckContext, customer: CustomerSummary, name = 'Access CAP'): Promise<string> {
  return ctx.runner.must(name, async () => {
    const session = shape(await ctx.client.call('POST', `/pap/v1/customers/${enc(customer.id)}/cap-sessions`, { token: ctx.parent }), capSession, '{capToken, expiresAt}', 201);
    expectExpiry(session.expiresAt, 30, 'expiresAt');
    return session.capToken;
  });
}
