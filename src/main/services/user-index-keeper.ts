import type { CustomerSummary, UserSummary } from '../../shared/domain/portal-entities';
import type { Logger } from '../log/logger';
import type { Portal } from './portal-profiles';
import { CustomerUserIndex } from './user-index';

/** How big a customer the console indexes, and how old an index may get before a search refreshes it. */
export const userIndexLimits = { maxUsers: 50_000, pageSize: 200, refreshAfterMs: 60_000 };

/**
 * Fills and refreshes the open customer's user index in the background: it pages the portal's own user
 * search (the same call Search users makes), builds a fresh index and only then swaps it in, so a search
 * never sees half a list. One fill per customer at a time; a failed fill leaves the previous index.
 */
export class UserIndexKeeper {
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a fill unless one is running; resolves when it ends (callers need not wait). */
  fill(portal: Portal, customer: CustomerSummary): Promise<void> {
    const key = `${portal.profileId}\u0000${customer.id}`;
    const running = this.running.get(key);
    if (running) return running;
    const run = this.read(portal, customer)
      .catch((err: unknown) => this.log.warn('user_index.fill_failed', { kind: err instanceof Error ? err.name : typeof err }))
      .finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  /** After a portal answer for this customer: a refill when the index is older than the refresh age. */
  refreshIfOld(portal: Portal, customerId: string): void {
    const index = portal.directory.index(customerId);
    if (index && this.now() - index.builtAt > userIndexLimits.refreshAfterMs) void this.fill(portal, index.customer);
  }

  private async read(portal: Portal, customer: CustomerSummary): Promise<void> {
    if (customer.userCount > userIndexLimits.maxUsers) return;
    const started = this.now();
    const users: UserSummary[] = [];
    let cursor: string | null = null;
    do {
      const page = await portal.gateway.searchUsers(customer.id, '', { limit: userIndexLimits.pageSize, cursor });
      users.push(...page.users);
      cursor = page.nextCursor;
      if (users.length > userIndexLimits.maxUsers) return;
    } while (cursor !== null);
    const index = new CustomerUserIndex(customer, users, started);
    // The user search carries no phone numbers: keep those the console has read (users opened, caller hits).
    const fresh = new Map(users.map((u) => [u.userId.toLowerCase(), u]));
    index.upsert(
      portal.directory.knownUsers(customer.id).flatMap((u) => {
        const page = fresh.get(u.userId.toLowerCase());
        return page && 'phoneNumber' in u && typeof u.phoneNumber === 'string' ? [{ ...page, phoneNumber: u.phoneNumber }] : [];
      }),
    );
    portal.directory.setIndex(customer.id, index);
    portal.directory.rememberUsers(customer.id, users);
    portal.directory.markComplete(customer.id);
  }
}
