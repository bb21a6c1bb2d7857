import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customer } from '../../../src/shared/domain/portal-entities';
import { capSession, customerSearchResponse, sessionToken } from '../../../src/shared/portal-wire-v1/wire';
import { MINUTE, startClient, type SimClient } from './sim-client';

let client: SimClient;
beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.sim.close());
beforeEach(() => client.call('POST', '/_sim/reset'));

describe('POST /pap/v1/sessions', () => {
  it('signs in with the parent-admin credentials', async () => {
    const res = await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials });
    expect(res.status).toBe(201);
    const session = sessionToken.parse(res.body);
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(29 * MINUTE);
  });

  it('refuses a wrong password with 401 invalid_credentials', async () => {
    const res = await client.call('POST', '/pap/v1/sessions', { body: { username: 'helpdesk', password: 'nope' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_credentials');
  });

  it('locks the username after the 5th failure in a row, for 15 minutes, even for the right password', async () => {
    const wrong = { username: 'helpdesk', password: 'wrong' };
    for (let i = 1; i <= 5; i++) {
      const res = await client.call('POST', '/pap/v1/sessions', { body: wrong });
      expect(res.status, `try ${i}`).toBe(401);
    }
    const locked = await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    await client.advance(14 * MINUTE);
    expect((await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials })).status).toBe(423);
    await client.advance(MINUTE + 1000);
    expect((await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials })).status).toBe(201);
  });

  it('a successful sign-in resets the failure count', async () => {
    const wrong = { username: 'helpdesk', password: 'wrong' };
    for (let i = 0; i < 4; i++) await client.call('POST', '/pap/v1/sessions', { body: wrong });
    expect((await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials })).status).toBe(201);
    for (let i = 0; i < 4; i++) expect((await client.call('POST', '/pap/v1/sessions', { body: wrong })).status).toBe(401);
    expect((await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials })).status).toBe(201);
  });

  it('counts failures per username', async () => {
    for (let i = 0; i < 5; i++) await client.call('POST', '/pap/v1/sessions', { body: { username: 'someone-else', password: 'x' } });
    expect((await client.call('POST', '/pap/v1/sessions', { body: { username: 'someone-else', password: 'x' } })).status).toBe(423);
    expect((await client.call('POST', '/pap/v1/sessions', { body: client.sim.credentials })).status).toBe(201);
  });

  it('answers 400 invalid_request for a missing field', async () => {
    const res = await client.call('POST', '/pap/v1/sessions', { body: { username: 'helpdesk' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });
});

describe('sessions', () => {
  it('DELETE /pap/v1/sessions/current signs out (204), and the token is then unknown', async () => {
    const token = await client.parentToken();
    expect((await client.call('DELETE', '/pap/v1/sessions/current', { token })).status).toBe(204);
    const after = await client.call('GET', '/pap/v1/customers?name=acme', { token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('session_expired');
  });

  it('a missing or unknown token answers 401 session_expired', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const res = await client.call('GET', '/pap/v1/customers?name=acme', token ? { token } : {});
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('session_expired');
    }
  });

  it('expires 30 minutes after the last use; each use extends it', async () => {
    const token = await client.parentToken();
    await client.advance(29 * MINUTE);
    const used = await client.call('GET', '/pap/v1/customers?name=acme', { token });
    expect(used.status).toBe(200);
    await client.advance(29 * MINUTE);
    expect((await client.call('GET', '/pap/v1/customers/C1001', { token })).status).toBe(200);
    await client.advance(30 * MINUTE);
    const expired = await client.call('GET', '/pap/v1/customers/C1001', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('session_expired');
  });

  it('a CAP token does not depend on the parent token that opened it', async () => {
    const parent = await client.parentToken();
    const cap = capSession.parse((await client.call('POST', '/pap/v1/customers/C1001/cap-sessions', { token: parent })).body).capToken;
    await client.call('DELETE', '/pap/v1/sessions/current', { token: parent });
    expect((await client.call('GET', '/cap/v1/users?q=smith', { token: cap })).status).toBe(200);
  });

  it('tokens of one portal do not open another', async () => {
    const parent = await client.parentToken();
    const cap = await client.capToken('C1001');
    expect((await client.call('GET', '/cap/v1/users', { token: parent })).status).toBe(401);
    expect((await client.call('GET', '/pap/v1/customers/C1001', { token: cap })).status).toBe(401);
  });
});

describe('GET /pap/v1/customers (Customer Service Tool)', () => {
  let token: string;
  beforeEach(async () => {
    token = await client.parentToken();
  });
  const search = (query: string) => client.call('GET', `/pap/v1/customers?${query}`, { token });

  it('finds by word prefix, exact name first, then the rest by name', async () => {
    const res = await search('name=acme%20dental');
    expect(res.status).toBe(200);
    const body = customerSearchResponse.parse(res.body);
    expect(body.customers.map((c) => c.name)).toEqual(['Acme Dental', 'Acme Dental Group']);
    expect(body.total).toBe(2);
    const acme = await search('name=ACME');
    expect(acme.body.customers.map((c: { name: string }) => c.name)).toEqual(['ACME Logistics', 'Acme Dental', 'Acme Dental Group'].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it('puts the exact name first, then word-prefix, then substring matches', async () => {
    // "acme dental" is the exact name of one, a word-prefix match of another; "cme dental" only a substring.
    const exact = await search('name=Acme%20Dental%20Group');
    expect(exact.body.customers[0].name).toBe('Acme Dental Group');
    const sub = await search('name=cme%20denta');
    expect(sub.body.customers.map((c: { name: string }) => c.name)).toEqual(['Acme Dental', 'Acme Dental Group']);
    const mixed = await search('name=dent');
    const names: string[] = mixed.body.customers.map((c: { name: string }) => c.name);
    expect(names).toContain('Acme Dental');
    expect(mixed.body.total).toBeGreaterThanOrEqual(names.length);
  });

  it('every word of the query must prefix some word of the name, in any order', async () => {
    const res = await search('name=dental%20ac');
    expect(res.body.customers.map((c: { name: string }) => c.name)).toEqual(['Acme Dental', 'Acme Dental Group']);
    expect((await search('name=acme%20zebra')).body.total).toBe(0);
  });

  it('ignores case and accents (voss, VOSS and Voß match Voß; cafe matches Café)', async () => {
    for (const q of ['voss', 'VOSS', 'Vo%C3%9F']) {
      const res = await search(`name=${q}`);
      expect(res.body.customers.map((c: { name: string }) => c.name)).toContain('Voß Bäckerei');
    }
    const cafe = await search('name=cafe%20zoe');
    expect(cafe.body.customers[0].name).toBe('Café Zoë');
  });

  it('returns names with markup as plain data', async () => {
    const res = await search('name=bold');
    expect(res.body.customers.map((c: { name: string }) => c.name)).toContain('<b>Bold</b> Networks');
  });

  it('limits the list but counts every match in total', async () => {
    const res = await search('name=a&limit=2');
    expect(res.body.customers).toHaveLength(2);
    expect(res.body.total).toBeGreaterThan(2);
    const all = await search('name=a&limit=200');
    expect(all.body.total).toBe(res.body.total);
    expect(all.body.customers.slice(0, 2)).toEqual(res.body.customers);
  });

  it('defaults limit to 50', async () => {
    const res = await search('name=e');
    expect(res.body.total).toBeGreaterThan(50);
    expect(res.body.customers).toHaveLength(50);
  });

  it.each([
    ['name=', 'empty name'],
    ['name=%20%20', 'blank name'],
    ['', 'missing name'],
    [`name=${'a'.repeat(101)}`, 'over 100 characters'],
    ['name=acme&limit=0', 'limit 0'],
    ['name=acme&limit=201', 'limit 201'],
    ['name=acme&limit=ten', 'limit not a number'],
    ['name=acme&limit=1.5', 'limit not whole'],
  ])('answers 400 invalid_query for %s (%s)', async (query) => {
    const res = await search(query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_query');
  });

  it('accepts exactly 100 characters', async () => {
    expect((await search(`name=${'a'.repeat(100)}`)).status).toBe(200);
  });
});

describe('GET /pap/v1/customers/{id} and Access CAP', () => {
  it('answers the Customer, or 404', async () => {
    const token = await client.parentToken();
    const res = await client.call('GET', '/pap/v1/customers/C1001', { token });
    expect(res.status).toBe(200);
    const c = customer.parse(res.body);
    expect(c).toMatchObject({ id: 'C1001', name: 'Acme Dental', status: 'active', city: 'Leeds', userCount: 60 });
    const missing = await client.call('GET', '/pap/v1/customers/C9999999', { token });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('opens a CAP session (201), refuses a suspended customer (403) and an unknown one (404)', async () => {
    const token = await client.parentToken();
    const ok = await client.call('POST', '/pap/v1/customers/C1001/cap-sessions', { token });
    expect(ok.status).toBe(201);
    capSession.parse(ok.body);
    const suspended = await client.call('GET', '/pap/v1/customers?name=northwind', { token });
    const id = suspended.body.customers[0].id;
    expect(suspended.body.customers[0].status).toBe('suspended');
    const refused = await client.call('POST', `/pap/v1/customers/${id}/cap-sessions`, { token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('customer_suspended');
    const missing = await client.call('POST', '/pap/v1/customers/NOPE/cap-sessions', { token });
    expect(missing.status).toBe(404);
  });
});
