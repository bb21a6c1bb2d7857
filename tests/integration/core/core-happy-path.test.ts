import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JANE, JANE_EMAIL, startHarness, type Harness, emailOf } from './core-harness';

describe('core: sign in, find, open, reset', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows the credential without its password', async () => {
    const view = await h.ok('settings:get', {});
    expect(view.credential).toEqual({ username: 'helpdesk', storage: 'session' });
    expect((await h.ok('auth:status', {})).signedIn).toBe(true);
  });

  it('finds the customer, opens it, finds the user and sends one reset', async () => {
    const found = await h.ok('customers:search', { name: 'acme' });
    expect(found.customers.map((c) => c.id)).toEqual(['C1001']);
    const customer = await h.ok('customers:open', { customerId: 'C1001' });
    expect(customer.name).toBe('Acme Dental');
    const users = await h.ok('users:search', { customerId: 'C1001', q: 'smi' });
    expect(users.users.map((u) => u.userId)).toEqual([JANE]);
    const jane = await h.ok('users:get', { customerId: 'C1001', userId: JANE });
    expect(jane.email).toBe(JANE_EMAIL);

    const warnings = await h.ok('reset:warnings', { customerId: 'C1001', userId: JANE });
    expect(warnings.recentResets).toBe(0);
    expect(warnings.sharedEmailUsers).toEqual(['Front Desk, ext. 1000 (reception@acme.voip)']);

    const startedAt = new Date().toISOString();
    const outcome = await h.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'intent-happy-0001', expectedEmail: emailOf(JANE) });
    expect(outcome.outcome).toBe('sent');
    if (outcome.outcome === 'sent') expect(outcome.sentTo).toBe(JANE_EMAIL);
    expect(await h.sim$.outbox(JANE_EMAIL)).toHaveLength(1);

    const after = await h.ok('reset:status', { customerId: 'C1001', userId: JANE, since: startedAt });
    expect(after.user.password.state).toBe('temp_issued');
    expect(after.wentThrough).toBe(true);
    expect((await h.ok('reset:warnings', { customerId: 'C1001', userId: JANE })).recentResets).toBe(1);

    const history = await h.ok('history:list', {});
    expect(history.entries[0]).toMatchObject({ action: 'reset_sent', customerName: 'Acme Dental', accountNumber: '100-2001', userName: 'Jane Smith', extension: '1042', email: JANE_EMAIL, status: 'pending' });
  });

  it('refuses a suspended customer', async () => {
    const r = await h.call('customers:open', { customerId: 'C2002' });
    expect(r.ok ? null : r.error.code).toBe('customer_suspended');
  });
});
