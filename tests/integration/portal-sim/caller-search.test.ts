import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallerHit } from '../../../src/shared/domain/portal-entities';
import { callerSearchResponse } from '../../../src/shared/portal-wire-v1/wire';
import { validateDataFile } from '../../../src/portal-sim/load-data-file';
import { JANE, startClient, type SimClient } from './sim-client';

// Look-alike customers and users, the way a helpdesk meets them: the same name at two customers, a
// suspended customer, a disabled user, an Email that is another user's User ID.
const data = validateDataFile({
  parentAdmins: [{ username: 'desk', password: 'Desk-Password-1!' }],
  customers: [
    {
      id: 'V1', name: 'Harbourside Vet', accountNumber: '200-1001', city: 'Bristol',
      users: [
        { userId: 'mokafor@harbourvet.voip', firstName: 'Marguerite', lastName: 'Okafor', extension: '2207', phoneNumber: '+441179462207', email: 'm.okafor@harbourvet.co.uk' },
        { userId: 'zvoss@harbourvet.voip', firstName: 'Zoë', lastName: 'Voß', extension: '22070', phoneNumber: '+44 117 946 0001', email: 'MOKAFOR@harboursupplies.voip' },
        { userId: 'parked@harbourvet.voip', firstName: 'Peter', lastName: 'Parked', extension: '9', phoneNumber: '+441179460002', email: 'parked@harbourvet.co.uk', status: 'disabled' },
        { userId: 'six@harbourvet.voip', firstName: 'Sid', lastName: 'Sixdigits', extension: '123456', phoneNumber: null, email: null },
      ],
    },
    {
      id: 'V2', name: 'Harbourside Vet Supplies', accountNumber: '200-1002', city: 'Bath',
      users: [{ userId: 'mokafor@harboursupplies.voip', firstName: 'Marguerite', lastName: 'Okafor', extension: '2207', phoneNumber: '+441179462207', email: 'marguerite@supplies.co.uk' }],
    },
    {
      id: 'V3', name: 'Anchor Vets', status: 'suspended', city: 'Leeds',
      users: [{ userId: 'aokafor@anchor.voip', firstName: 'Ada', lastName: 'Okafor', extension: '11', phoneNumber: '+33 1 46 22 07 00', email: 'ada@anchor.fr' }],
    },
  ],
});

let client: SimClient;
let token: string;
beforeAll(async () => {
  client = await startClient({ data });
});
afterAll(() => client.sim.close());
beforeEach(async () => {
  await client.call('POST', '/_sim/reset');
  token = await client.parentToken();
});

const find = async (q: string, extra = ''): Promise<{ users: CallerHit[]; total: number }> => {
  const res = await client.call('GET', `/pap/v1/users?q=${encodeURIComponent(q)}${extra}`, { token });
  expect(res.status, res.text).toBe(200);
  return callerSearchResponse.parse(res.body);
};
const ids = (hits: { users: CallerHit[] }) => hits.users.map((u) => `${u.userId}:${u.matchedOn}`);
const failure = async (path: string, useToken: string | null = token) => {
  const res = await client.call('GET', path, useToken ? { token: useToken } : {});
  return { status: res.status, code: res.body.error.code as string };
};

describe('GET /pap/v1/users (find a caller)', () => {
  it.each(['0117 946 2207', '01179462207', '+44 117 946 2207', '+44 (0)117 946-2207', '00441179462207', '+441179462207', '(0117) 946.2207', '946 2207'])(
    'finds +441179462207 from %j, at both look-alike customers, told apart by customer',
    async (q) => {
      const found = await find(q);
      expect(ids(found)).toEqual(['mokafor@harbourvet.voip:phone', 'mokafor@harboursupplies.voip:phone']);
      expect(found.users.map((u) => [u.customer.name, u.customer.accountNumber, u.customer.city])).toEqual([
        ['Harbourside Vet', '200-1001', 'Bristol'],
        ['Harbourside Vet Supplies', '200-1002', 'Bath'],
      ]);
      expect(found.users[0]).toMatchObject({ phoneNumber: '+441179462207', email: 'm.okafor@harbourvet.co.uk', status: 'active', customer: { userCount: 4, status: 'active' } });
      expect(found.total).toBe(2);
    },
  );

  it('matches the digits of a stored number however it is written, and only as a suffix', async () => {
    expect(ids(await find('0117 946 0001'))).toEqual(['zvoss@harbourvet.voip:phone']);
    expect(ids(await find('+33 (0)1 46 22 07 00'))).toEqual(['aokafor@anchor.voip:phone']);
    // Not a phone reading: letters, or fewer than six digits.
    expect((await find('0117 946 220x')).total).toBe(0);
    expect(ids(await find('2207'))).toEqual(['mokafor@harbourvet.voip:extension', 'mokafor@harboursupplies.voip:extension']);
  });

  it('reads an address as Email or User ID, ignoring case; Email matches come first', async () => {
    expect(ids(await find('M.OKAFOR@HarbourVet.co.uk'))).toEqual(['mokafor@harbourvet.voip:email']);
    expect(ids(await find('MOKAFOR@harbourvet.VOIP'))).toEqual(['mokafor@harbourvet.voip:userId']);
    // One user's Email is another user's User ID: both are found, the Email match first.
    expect(ids(await find('mokafor@harboursupplies.voip'))).toEqual(['zvoss@harbourvet.voip:email', 'mokafor@harboursupplies.voip:userId']);
    expect((await find('okafor@harbourvet')).total).toBe(0);
  });

  it('finds an Email changed on the portal by its new address only', async () => {
    const cap = await client.capToken('V1');
    await client.call('PATCH', '/cap/v1/users/mokafor%40harbourvet.voip', { token: cap, body: { email: 'marguerite.new@harbourvet.co.uk' } });
    expect(ids(await find('marguerite.new@harbourvet.co.uk'))).toEqual(['mokafor@harbourvet.voip:email']);
    expect((await find('m.okafor@harbourvet.co.uk')).total).toBe(0);
  });

  it('reads a name as the CAP user search does, ordered by last, first, customer name, User ID', async () => {
    const okafor = await find('okafor');
    expect(ids(okafor)).toEqual(['aokafor@anchor.voip:name', 'mokafor@harbourvet.voip:name', 'mokafor@harboursupplies.voip:name']);
    expect(okafor.users[0]?.customer.status).toBe('suspended');
    expect(ids(await find('Marguerite  OKA'))).toEqual(['mokafor@harbourvet.voip:name', 'mokafor@harboursupplies.voip:name']);
    expect(ids(await find('zoe voss'))).toEqual(['zvoss@harbourvet.voip:name']);
    expect(ids(await find('parked'))).toEqual(['parked@harbourvet.voip:name']);
    expect((await find('parked')).users[0]?.status).toBe('disabled');
  });

  it('reads 1–6 digits as an exact extension after the other readings found nothing', async () => {
    expect(ids(await find('9'))).toEqual(['parked@harbourvet.voip:extension']);
    expect(ids(await find('22070'))).toEqual(['zvoss@harbourvet.voip:extension']);
    // Six digits are first read as a phone number; no number ends in them, so the extension decides.
    expect(ids(await find('123456'))).toEqual(['six@harbourvet.voip:extension']);
    expect((await find('220')).total).toBe(0);
  });

  it('counts every match in total and answers at most limit', async () => {
    const first = await find('okafor', '&limit=1');
    expect(first).toMatchObject({ total: 3 });
    expect(ids(first)).toEqual(['aokafor@anchor.voip:name']);
    expect((await find('okafor', '&limit=200')).users).toHaveLength(3);
  });

  it.each([
    ['no q', '/pap/v1/users'],
    ['a blank q', '/pap/v1/users?q=%20%20'],
    ['over 100 characters', `/pap/v1/users?q=${'a'.repeat(101)}`],
    ['limit 0', '/pap/v1/users?q=okafor&limit=0'],
    ['limit 201', '/pap/v1/users?q=okafor&limit=201'],
    ['a limit that is not a number', '/pap/v1/users?q=okafor&limit=ten'],
  ])('answers 400 invalid_query for %s', async (_what, path) => {
    expect(await failure(path)).toEqual({ status: 400, code: 'invalid_query' });
  });

  it('accepts exactly 100 characters, and needs a parent token (no CAP session)', async () => {
    expect((await find('a'.repeat(100))).total).toBe(0);
    expect(await failure('/pap/v1/users?q=okafor', null)).toEqual({ status: 401, code: 'session_expired' });
    expect(await failure('/pap/v1/users?q=okafor', await client.capToken('V1'))).toEqual({ status: 401, code: 'session_expired' });
  });
});

describe('GET /pap/v1/users on the generated directory', () => {
  it('finds Jane Smith by phone, address, User ID and name', async () => {
    const sim = await startClient();
    try {
      const parent = await sim.parentToken();
      const hits = async (q: string) => callerSearchResponse.parse((await sim.call('GET', `/pap/v1/users?q=${encodeURIComponent(q)}`, { token: parent })).body).users;
      for (const q of ['0113 555 1042', '+44 (0)113 555-1042', '00441135551042']) {
        const found = await hits(q);
        expect(found.map((u) => u.userId)).toContain(JANE);
        expect(found.every((u) => u.matchedOn === 'phone' && u.phoneNumber?.replace(/\D/g, '').endsWith('1135551042'))).toBe(true);
      }
      expect((await hits('Jane.Smith@acmedental.co.uk')).map((u) => [u.userId, u.matchedOn, u.customer.name])).toEqual([[JANE, 'email', 'Acme Dental']]);
      expect((await hits(JANE.toUpperCase())).map((u) => u.matchedOn)).toEqual(['userId']);
      expect((await hits('jane smith')).map((u) => u.userId)).toContain(JANE);
    } finally {
      await sim.sim.close();
    }
  });
});
