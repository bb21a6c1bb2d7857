import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../src/shared/ipc/channels';
import { contract, type Channel } from '../../../src/shared/ipc/contract';
import { JANE, JANE_EMAIL, origin, startHarness, type Harness } from './core-harness';

/** One valid input per channel; the bad ones are made from these. */
const valid: { [C in Channel]: Record<string, unknown> } = {
  'app:info': {},
  'settings:get': {},
  'settings:setStaffName': { staffName: 'Sam' },
  'settings:setTimeZone': { timeZone: 'Europe/London' },
  'auth:signIn': { portal: { mode: 'demo' }, username: 'helpdesk', password: 'x-password', storage: 'session' },
  'auth:forget': {},
  'auth:status': {},
  'customers:search': { name: 'acme' },
  'customers:get': { customerId: 'C1001' },
  'customers:open': { customerId: 'C1001' },
  'users:search': { customerId: 'C1001', q: 'sm', limit: 10, cursor: null },
  'users:get': { customerId: 'C1001', userId: JANE },
  'users:setEmail': { customerId: 'C1001', userId: JANE, email: 'a@b.co' },
  'reset:warnings': { customerId: 'C1001', userId: JANE },
  'reset:start': { customerId: 'C1001', userId: JANE, intentId: 'intent-valid-01', expectedEmail: JANE_EMAIL },
  'reset:status': { customerId: 'C1001', userId: JANE, since: '2026-03-01T10:00:00.000Z' },
  'history:list': { customer: 'acme' },
  'history:refreshStatus': { entryId: 'e1' },
  'history:exportCsv': { status: 'pending' },
  'history:noteCopied': { entryId: null, customerId: 'C1001', userId: JANE },
  'callers:find': { q: 'jane', limit: 10 },
  'team:status': {},
  'team:setDatabase': { address: null },
  'team:setPassword': { password: 'x-password' },
  'team:nextChange': { since: -1 },
  'team:userActivity': { customerId: 'C1001', userId: JANE },
};

const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constant('x'.repeat(100_000)),
  fc.constant({ __proto__: { polluted: true } }),
);

/** Inputs that must be refused: prototype pollution, wrong types, oversize, non-objects, random junk. */
function badInputs(channel: Channel): fc.Arbitrary<unknown> {
  const base = valid[channel];
  const keys = Object.keys(base);
  const polluting = fc.constantFrom(
    JSON.parse(JSON.stringify(base).replace(/^\{/, '{"__proto__":{"polluted":true},').replace(',}', '}')),
    JSON.parse(JSON.stringify(base).replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},').replace(',}', '}')),
    { ...base, prototype: { polluted: true } },
  );
  const mutated = keys.length
    ? fc.tuple(fc.constantFrom(...keys), wrongValue).map(([k, v]) => ({ ...base, [k]: v }))
    : fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.anything(), { minKeys: 1, maxKeys: 3 }).map((extra) => ({ ...base, ...extra }));
  const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.string(), fc.array(fc.anything(), { maxLength: 3 }), fc.anything());
  return fc.oneof(polluting, mutated, junk).filter((input) => !contract[channel].input.safeParse(input).success);
}

describe('bad input on every channel', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers invalid_input, calls no portal, pollutes nothing and leaves the core healthy', async () => {
    const before = (await h.sim$.stats()).requests;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels).chain((channel) => fc.tuple(fc.constant(channel), badInputs(channel))), async ([channel, input]) => {
        runs++;
        const result = await h.core.dispatcher.dispatch(channel, input, { origin, isTopFrame: true });
        expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_input' }) });
      }),
      { numRuns: 400 },
    );
    expect(runs).toBe(400);
    expect((await h.sim$.stats()).requests).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect((await h.ok('customers:search', { name: 'acme' })).total).toBe(1);
  });

  it('every crafted prototype-polluting payload is refused (not just filtered out)', async () => {
    for (const channel of channels) {
      const text = JSON.stringify(valid[channel]).replace(/^\{/, '{"__proto__":{"polluted":true},').replace(',}', '}');
      const result = await h.core.dispatcher.dispatch(channel, JSON.parse(text), { origin, isTopFrame: true });
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('invalid_input');
    }
  });

  it('refuses foreign senders and unknown channels before parsing anything', async () => {
    expect(await h.core.dispatcher.dispatch('app:info', {}, { origin: 'https://evil.example', isTopFrame: true })).toMatchObject({ error: { code: 'forbidden_sender' } });
    expect(await h.core.dispatcher.dispatch('app:info', {}, { origin, isTopFrame: false })).toMatchObject({ error: { code: 'forbidden_sender' } });
    expect(await h.core.dispatcher.dispatch('__proto__', {}, { origin, isTopFrame: true })).toMatchObject({ error: { code: 'unknown_channel' } });
  });
});
