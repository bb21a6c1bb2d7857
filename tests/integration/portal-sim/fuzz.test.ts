import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import * as domain from '../../../src/shared/domain/portal-entities';
import * as wire from '../../../src/shared/portal-wire-v1/wire';
import * as sim from '../../../src/portal-sim/sim-schemas';
import { startClient, type SimClient } from './sim-client';

/** The schema a success on this route must satisfy (undefined: no body expected or not checked). */
function successSchema(method: string, pathname: string): z.ZodType | undefined {
  const table: [string, RegExp, z.ZodType][] = [
    ['POST', /^\/pap\/v1\/sessions$/, wire.sessionToken],
    ['GET', /^\/pap\/v1\/customers$/, wire.customerSearchResponse],
    ['GET', /^\/pap\/v1\/customers\/[^/]+$/, domain.customer],
    ['POST', /^\/pap\/v1\/customers\/[^/]+\/cap-sessions$/, wire.capSession],
    ['GET', /^\/cap\/v1\/users$/, wire.userSearchResponse],
    ['GET', /^\/cap\/v1\/users\/[^/]+$/, domain.user],
    ['PATCH', /^\/cap\/v1\/users\/[^/]+$/, domain.user],
    ['POST', /^\/cap\/v1\/users\/[^/]+\/password-resets$/, wire.passwordResetResponse],
    ['POST', /^\/mpn\/v1\/sessions$/, wire.endUserSession],
    ['GET', /^\/_sim\/outbox$/, sim.outboxResponse],
    ['GET', /^\/_sim\/stats$/, sim.simStats],
  ];
  return table.find(([m, re]) => m === method && re.test(pathname))?.[2];
}

let client: SimClient;
let parent: string;
let cap: string;
beforeAll(async () => {
  client = await startClient();
  parent = await client.parentToken();
  cap = await client.capToken('C1001');
});
afterAll(() => client.sim.close());

const knownPaths = [
  '/pap/v1/sessions', '/pap/v1/sessions/current', '/pap/v1/customers', '/pap/v1/customers/C1001', '/pap/v1/customers/C1005/cap-sessions',
  '/cap/v1/users', '/cap/v1/users/jsmith%40acme.voip', '/cap/v1/users/jsmith%40acme.voip/password-resets',
  '/mpn/v1/password/forgot', '/mpn/v1/sessions', '/mpn/v1/password/change', '/_sim/outbox', '/_sim/stats', '/_sim/clock',
];

const segment = fc.oneof(fc.constantFrom('pap', 'v1', 'cap', 'mpn', 'users', 'customers', 'C1001', '%', '%E0%A4', '..', '%2F', 'ü', ''), fc.string({ maxLength: 8 }).map(encodeURIComponent));
const path = fc.oneof(
  { arbitrary: fc.constantFrom(...knownPaths, '/pap/v1/customers?name=acme', '/cap/v1/users?q=j&limit=3', '/_sim/outbox?to=x'), weight: 4 },
  fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
  fc.tuple(fc.constantFrom(...knownPaths), fc.string({ maxLength: 20 })).map(([p, q]) => `${p}?${q.replace(/#/g, '')}`),
  fc.constantFrom('/pap/v1/customers?name=a&limit=', '/cap/v1/users?cursor=%%%&limit=-1', '/pap/v1/customers?name=' + 'é'.repeat(101), '/cap/v1/users?q=%00'),
);
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const body = fc.oneof(
  fc.constant(undefined),
  jsonValue.map((v) => JSON.stringify(v)),
  fc.record({ username: fc.oneof(fc.string(), fc.constant('helpdesk'), fc.constant('jsmith@acme.voip'), jsonValue), password: fc.oneof(fc.string(), jsonValue) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.record({ email: fc.oneof(fc.string(), fc.constant(null), jsonValue), changeToken: fc.string(), newPassword: fc.string(), advanceMs: fc.oneof(fc.integer(), fc.double()), path: fc.string(), kind: fc.constantFrom('latency', 'bogus') }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);
const method = fc.oneof({ arbitrary: fc.constantFrom('GET', 'POST'), weight: 3 }, fc.constantFrom('PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD'));
const headerValue = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
const headers = fc.record(
  {
    authorization: fc.oneof(fc.constant('Bearer PARENT'), fc.constant('Bearer CAP'), headerValue, fc.constant('Bearer ')),
    'idempotency-key': headerValue,
    'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
    'x-random': headerValue,
  },
  { requiredKeys: [] },
);

it('answers a few thousand random requests in the error shape or a valid success, and stays up', async () => {
  let answered = 0;
  let successesChecked = 0;
  await fc.assert(
    fc.asyncProperty(method, path, body, headers, async (m, p, b, h) => {
      // Faults would make later answers unpredictable, and a clock jump would expire the tokens.
      if (p.startsWith('/_sim/faults') || p.startsWith('/_sim/reset') || p.startsWith('/_sim/clock')) return;
      // The tokens exist only once the simulator runs, so the arbitraries carry placeholders.
      const sendHeaders: Record<string, string> = { ...h };
      if (sendHeaders.authorization === 'Bearer CAP') sendHeaders.authorization = `Bearer ${cap}`;
      if (sendHeaders.authorization === 'Bearer PARENT') sendHeaders.authorization = `Bearer ${parent}`;
      const withBody = b !== undefined && m !== 'GET' && m !== 'HEAD';
      const res = await fetch(client.sim.url + p, { method: m, headers: sendHeaders, ...(withBody ? { body: b } : {}) });
      const text = await res.text();
      answered++;
      if (m === 'HEAD') return;
      if (res.status >= 400) {
        expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(() => wire.portalErrorBody.parse(JSON.parse(text)), text).not.toThrow();
        expect(res.status).not.toBe(500);
      } else if (res.status !== 204) {
        const parsed: unknown = JSON.parse(text);
        const schema = successSchema(m, new URL(client.sim.url + p).pathname);
        if (schema) {
          expect(schema.safeParse(parsed).success, `${m} ${p}: ${text}`).toBe(true);
          successesChecked++;
        }
      }
    }),
    { numRuns: 3000, seed: 20261127 },
  );
  expect(answered).toBeGreaterThan(2000);
  expect(successesChecked).toBeGreaterThan(50);
  const health = await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials });
  expect([201, 423]).toContain(health.status);
  expect((await client.call('GET', '/_sim/stats')).status).toBe(200);
});
