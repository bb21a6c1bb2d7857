import { AppFailure, codeOf } from '../../shared/errors';
import type { Customer } from '../../shared/domain/portal-entities';
import type { CustomerPage } from '../portal/gateway';
import type { ConsoleContext } from './console-context';

/** The Customer Service Tool and "Access CAP". */
export function createCustomerService(ctx: ConsoleContext) {
  return {
    async search(name: string, limit: number | undefined, signal: AbortSignal): Promise<CustomerPage> {
      if (name.trim() === '') throw new AppFailure('invalid_query');
      const { gateway, directory } = await ctx.signedInPortal();
      const found = await gateway.searchCustomers(name, limit, signal);
      directory.rememberCustomers(found.customers);
      return found;
    },

    async get(customerId: string, signal?: AbortSignal): Promise<Customer> {
      const { gateway, directory } = await ctx.signedInPortal();
      const customer = await gateway.getCustomer(customerId, signal);
      directory.rememberCustomers([customer]);
      return customer;
    },

    /** The console opens the customer's Admin Portal itself; the staffer never does. */
    async open(customerId: string): Promise<Customer> {
      const { gateway, directory } = await ctx.signedInPortal();
      const customer = await gateway.getCustomer(customerId);
      directory.rememberCustomers([customer]);
      const subject = { ...ctx.auditBase(), customerId, customerName: customer.name, accountNumber: customer.accountNumber };
      try {
        await gateway.openCustomer(customerId);
      } catch (err) {
        await ctx.audit.append({ ...subject, action: 'customer_opened', outcome: codeOf(err) });
        throw err;
      }
      await ctx.audit.append({ ...subject, action: 'customer_opened', outcome: 'ok' });
      return customer;
    },
  };
}
