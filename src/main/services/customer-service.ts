import { AppFailure, codeOf } from '../../shared/errors';
import type { Customer } from '../../shared/domain/portal-entities';
import type { CustomerPage } from '../portal/gateway';
import type { ConsoleContext } from './console-context';
import { userIndexKeeperOf } from './user-index-of';

/** A query a staffer would type for an account number: digits, maybe letters, spaces and dashes. */
const looksLikeAccountNumber = (q: string): boolean => /^[\p{L}\p{N}\s\-‐-―]+$/u.test(q) && /[0-9]/.test(q);

/** The Customer Service Tool and "Access CAP". */
export function createCustomerService(ctx: ConsoleContext) {
  return {
    async search(name: string, limit: number | undefined, signal: AbortSignal): Promise<CustomerPage> {
      if (name.trim() === '') throw new AppFailure('invalid_query');
      const { gateway, directory } = await ctx.signedInPortal();
      // Customers the console has seen with this account number come first, whether or not the portal finds them.
      const known = looksLikeAccountNumber(name.trim()) ? directory.customersWithAccountNumber(name) : [];
      const found = await gateway.searchCustomers(name, limit, signal);
      directory.rememberCustomers(found.customers);
      const added = known.filter((k) => !found.customers.some((c) => c.id === k.id));
      if (added.length === 0) return found;
      const pick = ({ id, name: n, accountNumber, status, city, userCount }: (typeof known)[number]) => ({ id, name: n, accountNumber, status, city, userCount });
      const first = new Set(known.map((k) => k.id));
      const customers = [...known.map(pick), ...found.customers.filter((c) => !first.has(c.id))].slice(0, limit ?? 50);
      return { customers, total: found.total + added.length };
    },

    async get(customerId: string, signal?: AbortSignal): Promise<Customer> {
      const { gateway, directory } = await ctx.signedInPortal();
      const customer = await gateway.getCustomer(customerId, signal);
      directory.rememberCustomers([customer]);
      return customer;
    },

    /** The console opens the customer's Admin Portal itself; the staffer never does. */
    async open(customerId: string): Promise<Customer> {
      const portal = await ctx.signedInPortal();
      const { gateway, directory } = portal;
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
      // Read every user in the background, so searches on this customer answer while the staffer types.
      const { id, name, accountNumber, status, city, userCount } = customer;
      void userIndexKeeperOf(ctx).fill(portal, { id, name, accountNumber, status, city, userCount });
      return customer;
    },
  };
}
