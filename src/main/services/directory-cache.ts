import { LRUCache } from 'lru-cache';
import { accountKey } from '../../shared/caller-reading';
import type { Customer, CustomerSummary, User, UserSummary } from '../../shared/domain/portal-entities';
import type { CustomerUserIndex } from './user-index';

interface CustomerUsers {
  byId: Map<string, UserSummary | User>;
  /** True once every page of the unfiltered list has been read. */
  complete: boolean;
}

/** How much a long shift may keep: the customers and users of recent calls, not the whole directory. */
export const directoryCacheLimits = { customers: 2_000, customersWithUsers: 20, indexedCustomers: 3 };

/**
 * Customers and users the portal has shown recently. Used for audit entries (names, account
 * numbers, extensions) and for the shared-Email warning, which the portal API cannot answer directly.
 * Bounded, least recently used first out, so memory stays flat over a day of calls.
 */
export class DirectoryCache {
  private readonly customers = new LRUCache<string, CustomerSummary | Customer>({ max: directoryCacheLimits.customers });
  private readonly users = new LRUCache<string, CustomerUsers>({ max: directoryCacheLimits.customersWithUsers });
  /** Whole user lists of the customers opened last, for answers while the staffer types (`user-index.ts`). */
  private readonly indexes = new LRUCache<string, CustomerUserIndex>({ max: directoryCacheLimits.indexedCustomers });

  rememberCustomers(list: readonly (CustomerSummary | Customer)[]): void {
    for (const c of list) {
      this.customers.set(c.id, { ...this.customers.get(c.id), ...c });
      const index = this.indexes.peek(c.id);
      if (index) index.customer = { ...index.customer, ...c };
    }
  }

  /** Customers seen recently whose account number is the query, ignoring spaces and dashes. */
  customersWithAccountNumber(query: string): (CustomerSummary | Customer)[] {
    const key = accountKey(query);
    if (key === '') return [];
    return [...this.customers.values()].filter((c) => c.accountNumber !== null && accountKey(c.accountNumber) === key);
  }

  index(customerId: string): CustomerUserIndex | undefined {
    return this.indexes.get(customerId);
  }

  setIndex(customerId: string, index: CustomerUserIndex): void {
    this.indexes.set(customerId, index);
  }

  /** Indexes of the customers opened last, most recent first. */
  allIndexes(): CustomerUserIndex[] {
    return [...this.indexes.values()];
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
    this.indexes.peek(customerId)?.upsert(list);
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
