import type { CallerMatch } from '../../shared/domain/portal-entities';
import type { CallerQuery } from './caller-query';
import { reversedDigits } from './caller-query';
import type { DirCustomer, DirUser } from './model';

export interface CallerHitRef {
  user: DirUser;
  customer: DirCustomer;
  matchedOn: CallerMatch;
}

export interface CallerSearchResult {
  hits: CallerHitRef[];
  total: number;
}

/** What changes while the simulator runs: the Email a PATCH may have set. */
export interface CurrentEmails {
  emailOf(user: DirUser): string | null;
  /** Lower-case User IDs whose Email was changed to this lower-case address. */
  userIdsNowWithEmail(address: string): string[];
}

/**
 * Keys in sorted order with the users holding each, answering "keys that start with" by binary
 * search. Keys are grouped first: generated names repeat, and sorting distinct strings natively is
 * what keeps building this at 200,000+ users in the hundreds of milliseconds.
 */
class PrefixList {
  private readonly keys: string[];
  private readonly starts: Int32Array;
  private readonly owners: Int32Array;
  constructor(groups: Map<string, number[]>) {
    this.keys = [...groups.keys()].sort();
    this.starts = new Int32Array(this.keys.length + 1);
    const owners: number[] = [];
    this.keys.forEach((key, i) => {
      this.starts[i] = owners.length;
      for (const owner of groups.get(key) ?? []) owners.push(owner);
    });
    this.starts[this.keys.length] = owners.length;
    this.owners = Int32Array.from(owners);
  }

  owning(prefix: string): Int32Array {
    const lowerBound = (before: (key: string) => boolean): number => {
      let lo = 0;
      let hi = this.keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(this.keys[mid] ?? '')) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const start = lowerBound((k) => k < prefix);
    const end = lowerBound((k) => k < prefix || k.startsWith(prefix));
    return this.owners.subarray(this.starts[start] ?? 0, this.starts[end] ?? 0);
  }
}

/**
 * Every user of every customer, indexed for "Find caller" so a query never scans the directory:
 * phone numbers as reversed digits (a suffix becomes a prefix), names as folded prefixes, addresses
 * and extensions by equality, and one precomputed rank for the contract's order (last name, first
 * name, customer name, User ID) so matches are ordered by sorting integers.
 */
export class CallerIndex {
  private readonly users: DirUser[] = [];
  private readonly owners: number[] = [];
  private readonly rankOf: Int32Array;
  private readonly byRank: Int32Array;
  private readonly phones: PrefixList;
  private readonly names: PrefixList;
  private readonly byEmail = new Map<string, number[]>();
  private readonly byUserId = new Map<string, number>();
  private readonly byExtension = new Map<string, number[]>();

  constructor(
    private readonly customers: readonly DirCustomer[],
    usersOf: (customerIndex: number) => readonly DirUser[],
  ) {
    const phones = new Map<string, number[]>();
    const names = new Map<string, number[]>();
    const byName = new Map<string, number[]>();
    const push = <K>(map: Map<K, number[]>, key: K, ordinal: number) => {
      const list = map.get(key);
      if (list) list.push(ordinal);
      else map.set(key, [ordinal]);
    };
    for (const customer of customers) {
      for (const user of usersOf(customer.index)) {
        const ordinal = this.users.length;
        this.users.push(user);
        this.owners.push(customer.index);
        const phone = reversedDigits(user.phoneNumber);
        if (phone.length > 0) push(phones, phone, ordinal);
        // A first-name prefix is a prefix of "first last", so two keys cover the three ways to match.
        push(names, user.foldedLast, ordinal);
        push(names, user.foldedFull, ordinal);
        // U+0000 sorts before any character a name holds in practice, so the pair sorts as (last, first).
        push(byName, `${user.foldedLast}\u0000${user.foldedFirst}`, ordinal);
        if (user.email !== null) push(this.byEmail, user.email.toLowerCase(), ordinal);
        this.byUserId.set(user.userId.toLowerCase(), ordinal);
        push(this.byExtension, user.extension, ordinal);
      }
    }
    this.phones = new PrefixList(phones);
    this.names = new PrefixList(names);
    this.byRank = this.contractOrder(byName);
    this.rankOf = new Int32Array(this.byRank.length);
    this.byRank.forEach((ordinal, rank) => (this.rankOf[ordinal] = rank));
  }

  get size(): number {
    return this.users.length;
  }

  search(query: CallerQuery, limit: number, emails: CurrentEmails): CallerSearchResult {
    if (query.phoneSuffix !== undefined) {
      const found = this.ranked(this.phones.owning([...query.phoneSuffix].reverse().join('')), 'phone', limit);
      if (found.total > 0) return found;
    }
    if (query.address !== undefined) {
      const found = this.byAddress(query.address, limit, emails);
      if (found.total > 0) return found;
    }
    if (query.name !== undefined) {
      const found = this.ranked(this.names.owning(query.name), 'name', limit);
      if (found.total > 0) return found;
    }
    if (query.extension !== undefined) {
      const found = this.ranked(Int32Array.from(this.byExtension.get(query.extension) ?? []), 'extension', limit);
      if (found.total > 0) return found;
    }
    return { hits: [], total: 0 };
  }

  /** Email matches first, then User ID matches; a user whose Email is their User ID counts as an Email match. */
  private byAddress(address: string, limit: number, emails: CurrentEmails): CallerSearchResult {
    const emailOrdinals = new Set<number>();
    for (const ordinal of this.byEmail.get(address) ?? []) {
      const user = this.users[ordinal];
      if (user && emails.emailOf(user)?.toLowerCase() === address) emailOrdinals.add(ordinal);
    }
    for (const userId of emails.userIdsNowWithEmail(address)) {
      const ordinal = this.byUserId.get(userId);
      if (ordinal !== undefined) emailOrdinals.add(ordinal);
    }
    const byId = this.byUserId.get(address);
    const idOrdinals = byId !== undefined && !emailOrdinals.has(byId) ? [byId] : [];
    const email = this.ranked(Int32Array.from(emailOrdinals), 'email', limit);
    const userId = this.ranked(Int32Array.from(idOrdinals), 'userId', Math.max(0, limit - email.hits.length));
    return { hits: [...email.hits, ...userId.hits], total: email.total + userId.total };
  }

  /** The distinct users among `ordinals`, best first, at most `limit`. */
  private ranked(ordinals: Int32Array, matchedOn: CallerMatch, limit: number): CallerSearchResult {
    const ranks = new Int32Array(ordinals.length);
    ordinals.forEach((ordinal, i) => (ranks[i] = this.rankOf[ordinal] ?? 0));
    ranks.sort();
    const hits: CallerHitRef[] = [];
    let total = 0;
    let previous = -1;
    for (const rank of ranks) {
      if (rank === previous) continue;
      previous = rank;
      total++;
      if (hits.length < limit) hits.push(this.hit(this.byRank[rank] ?? 0, matchedOn));
    }
    return { hits, total };
  }

  private hit(ordinal: number, matchedOn: CallerMatch): CallerHitRef {
    const user = this.users[ordinal] as DirUser;
    const customer = this.customers[this.owners[ordinal] ?? 0] as DirCustomer;
    return { user, customer, matchedOn };
  }

  /** Users in the contract's order: names (few distinct) sorted as strings, then customer name and User ID within a name. */
  private contractOrder(byName: Map<string, number[]>): Int32Array {
    const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
    const customerOrder = this.customers.map((c) => c.index).sort((a, b) => {
      const ca = this.customers[a] as DirCustomer;
      const cb = this.customers[b] as DirCustomer;
      return cmp(ca.foldedName, cb.foldedName) || cmp(ca.name, cb.name);
    });
    const customerRank = new Int32Array(this.customers.length);
    customerOrder.forEach((index, rank) => (customerRank[index] = rank));
    const order = new Int32Array(this.users.length);
    let next = 0;
    for (const key of [...byName.keys()].sort()) {
      const group = byName.get(key) ?? [];
      group.sort(
        (a, b) =>
          (customerRank[this.owners[a] ?? 0] ?? 0) - (customerRank[this.owners[b] ?? 0] ?? 0) ||
          cmp((this.users[a] as DirUser).userId, (this.users[b] as DirUser).userId),
      );
      for (const ordinal of group) order[next++] = ordinal;
    }
    return order;
  }
}
