import { afterEach, describe, expect, it } from 'vitest';
import { createCallerService } from './caller-service';
import { createCustomerService } from './customer-service';
import { consoleOnMemory } from './testing/console-on-memory';
import { CustomerUserIndex } from './user-index';
import { userIndexKeeperOf } from './user-index-of';
import { createUserService } from './user-service';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

const signal = () => new AbortController().signal;

async function openedAcme() {
  const t = await consoleOnMemory();
  close = t.close;
  const customer = await createCustomerService(t.ctx).open('C1001');
  // The fill started by open: the keeper hands back the one already running.
  await userIndexKeeperOf(t.ctx).fill(await t.ctx.signedInPortal(), customer);
  return t;
}

describe("the open customer's user index", () => {
  it('answers Search users with the users the portal finds, without a portal call, once the customer is open', async () => {
    const t = await openedAcme();
    const users = createUserService(t.ctx);
    for (const q of ['', 'j', 'SMI', 'front d', '10', '1042', 'nobody']) {
      const portal = await users.search('C1001', q, 50, null, signal());
      const calls = t.portal.calls.length;
      const indexed = await users.search('C1001', q, 50, null, signal(), 'index');
      expect(t.portal.calls.length, q).toBe(calls);
      // The same users (the in-memory portal keeps its own order; the contract's order is checked below).
      const ids = (list: { userId: string }[]) => list.map((u) => u.userId).sort();
      expect(ids(indexed.users), q).toEqual(ids(portal.users));
      expect(indexed.index, q).toEqual({ total: portal.users.length });
    }
  });

  it('says when it cannot answer: a customer that was never opened', async () => {
    const t = await consoleOnMemory();
    close = t.close;
    expect(await createUserService(t.ctx).search('C1001', 'j', 50, null, signal(), 'index')).toEqual({ users: [], nextCursor: null, index: null });
    expect(await createCallerService(t.ctx).find('jane', 50, signal(), 'index')).toEqual({ hits: [], total: 0, index: null });
  });

  it("answers Find caller over the open customer's users: name, Email before User ID, and a phone number once seen", async () => {
    const t = await openedAcme();
    const callers = createCallerService(t.ctx);
    const byName = await callers.find('jane', 50, signal(), 'index');
    expect(byName.hits.map((h) => [h.userId, h.matchedOn, h.customer.name])).toEqual([['jsmith@acme.voip', 'name', 'Acme Dental']]);
    const byEmail = await callers.find('JANE.SMITH@acmedental.co.uk', 50, signal(), 'index');
    expect(byEmail.hits.map((h) => [h.userId, h.matchedOn])).toEqual([
      ['reception@acme.voip', 'email'],
      ['jsmith@acme.voip', 'email'],
    ]);
    // The user search carries no phone numbers: none is matched until the console has read the user.
    expect((await callers.find('0113 555 1042', 50, signal(), 'index')).hits).toEqual([]);
    await createUserService(t.ctx).get('C1001', 'jsmith@acme.voip');
    const byPhone = await callers.find('+44 (0)113 555-1042', 50, signal(), 'index');
    expect(byPhone.hits.map((h) => [h.userId, h.matchedOn, h.phoneNumber])).toEqual([['jsmith@acme.voip', 'phone', '+441135551042']]);
  });

  it('keeps an Email saved through the console current', async () => {
    const t = await openedAcme();
    const users = createUserService(t.ctx);
    await users.setEmail('C1001', 'tnoemail@acme.voip', 'tom@acmedental.co.uk');
    const found = await createCallerService(t.ctx).find('tom@acmedental.co.uk', 50, signal(), 'index');
    expect(found.hits.map((h) => h.userId)).toEqual(['tnoemail@acme.voip']);
  });

  it('orders like the portal: last name, first name, User ID, names folded', () => {
    const customer = { id: 'C9', name: 'X', accountNumber: null, status: 'active' as const, city: null, userCount: 3 };
    const u = (userId: string, firstName: string, lastName: string) => ({ userId, firstName, lastName, extension: '1', email: null, status: 'active' as const });
    const index = new CustomerUserIndex(customer, [u('c@x', 'Ann', 'Zed'), u('b@x', 'Óscar', 'Alba'), u('a@x', 'Oscar', 'Alba')], 0);
    expect(index.searchUsers('', 10).users.map((x) => x.userId)).toEqual(['a@x', 'b@x', 'c@x']);
    expect(index.searchUsers('osc', 10).total).toBe(2);
  });
});

describe('customer search by account number', () => {
  it("finds a customer the console has seen by its account number, first, even where the portal's search does not", async () => {
    const t = await consoleOnMemory();
    close = t.close;
    const customers = createCustomerService(t.ctx);
    await customers.search('Acme', 50, signal());
    for (const typed of ['100-2001', '100 2001', '1002001']) {
      const found = await customers.search(typed, 50, signal());
      expect(found.customers.map((c) => c.name), typed).toEqual(['Acme Dental']);
      expect(found.total).toBe(1);
    }
    // A name is not read as an account number.
    expect((await customers.search('Acme Dental', 50, signal())).customers.map((c) => c.name)).toEqual(['Acme Dental']);
  });
});
