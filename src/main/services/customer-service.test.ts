import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { createCustomerService } from './customer-service';
import { consoleOnMemory } from './testing/console-on-memory';
import { createUserService } from './user-service';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('customers and users (on the in-memory gateway)', () => {
  it('opening a customer does "Access CAP" itself and records it; a suspended one is refused and recorded', async () => {
    const t = await consoleOnMemory();
    close = t.close;
    const customers = createCustomerService(t.ctx);
    expect((await customers.open('C1001')).name).toBe('Acme Dental');
    expect(t.portal.calls).toContain('openCustomer');
    const err = await customers.open('C1002').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).error.code).toBe('customer_suspended');
    const opened = (await t.ctx.audit.entriesAfter(null, Number.MAX_SAFE_INTEGER)).filter((e) => e.action === 'customer_opened').map((e) => [e.customerName, e.outcome]);
    expect(opened).toEqual([
      ['Acme Dental', 'ok'],
      ['Closed Ltd', 'customer_suspended'],
    ]);
  });

  it('a blank customer search costs no portal call', async () => {
    const t = await consoleOnMemory();
    close = t.close;
    const err = await createCustomerService(t.ctx).search('   ', undefined, new AbortController().signal).then(() => null, (e: unknown) => e);
    expect((err as AppFailure).error.code).toBe('invalid_query');
    expect(t.portal.calls).not.toContain('searchCustomers');
  });

  it('a mistyped Email is refused before the portal; a good one is saved and audited', async () => {
    const t = await consoleOnMemory();
    close = t.close;
    const users = createUserService(t.ctx);
    const err = await users.setEmail('C1001', 'tnoemail@acme.voip', 'tom@nodomain').then(() => null, (e: unknown) => e);
    expect((err as AppFailure).error.code).toBe('invalid_email');
    expect(t.portal.calls).not.toContain('setEmail');
    expect((await users.setEmail('C1001', 'tnoemail@acme.voip', ' tom@acmedental.co.uk ')).email).toBe('tom@acmedental.co.uk');
    expect((await t.ctx.audit.entriesAfter(null, Number.MAX_SAFE_INTEGER)).find((e) => e.action === 'email_changed')).toMatchObject({ userId: 'tnoemail@acme.voip', email: 'tom@acmedental.co.uk' });
  });

  it('after sign-out no call reaches the portal: not_signed_in', async () => {
    const t = await consoleOnMemory();
    close = t.close;
    await t.ctx.credentials.forget('demo');
    const calls = t.portal.calls.length;
    const err = await createUserService(t.ctx).get('C1001', 'jsmith@acme.voip').then(() => null, (e: unknown) => e);
    expect((err as AppFailure).error.code).toBe('not_signed_in');
    expect(t.portal.calls.length).toBe(calls);
  });
});
