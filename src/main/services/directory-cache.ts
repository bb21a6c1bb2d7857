import { LRUCache } from 'lru-cache';
import type { Customer, CustomerSummary, User, UserSummary } from '../../shared/domain/portal-entities';

interface CustomerUsers {
  byId: Map<string, UserSummary | User>;
  /** True once every page of the unfiltered list has been read. */
  complete: boolean;
}

/** How much a long shift may keep: the customers and users of recent calls, not the whole directory. */
export const directoryCacheLimits = { customers: 2_000, customersWithUsers: 20 };

/**
 * Customers and users the portal has shown recently. Used for audit entries (names, account
 * numbers, extensions) and for the shared-Email warning, which the portal API cannot answer directly.
 * Bounded, least recently used first out, so memory stays flat over a day of calls.
 */
export class DirectoryCache {
  private readonly customers = new LRUCache<string, CustomerSummary | Customer>({ max: directoryCacheLimits.customers });
  private readonly users = new LRUCache<string, CustomerUsers>({ max: directoryCacheLimits.customersWithUsers });

  rememberCustomers(list: readonly (CustomerSummary | Customer)[]): void {
    for (const c of list) this.customers.set(c.id, { ...this.customers.get(c.id), ...c });
  }

  customer(customerId: string): CustomerSummary | Customer | undefined {
    return this.customers.get(customerId);
  }

  private usersOf(customerId: string): CustomerUsers {
    let entry = this.users.get(customerId);
    if (!entry) {
      entry = { byId: new Map(), complete: false };
      this.users.set(customerId, entry);
    }
    return entry;
  }

  rememberUsers(customerId: string, list: readonly (UserSummary | User)[]): void {
    const { byId } = this.usersOf(customerId);
    for (const u of list) byId.set(u.userId, { ...byId.get(u.userId), ...u });
  }

  markComplete(customerId: string): void {
    this.usersOf(customerId).complete = true;
  }

  isComplete(customerId: string): boolean {
    return this.usersOf(customerId).complete;
  }

  user(customerId: string, userId: string): UserSummary | User | undefined {
    return this.users.get(customerId)?.byId.get(userId);
  }

  knownUsers(customerId: string): (UserSummary | User)[] {
    return [...(this.users.get(customerId)?.byId.values() ?? [])];
  }
}
