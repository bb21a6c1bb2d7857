import { foldQuery, readCallerQuery } from '../../shared/caller-reading';
import type { CallerHit, CallerMatch, CustomerSummary, User, UserSummary } from '../../shared/domain/portal-entities';
import { foldText } from '../../shared/text/fold';

interface Entry {
  summary: UserSummary;
  /** Digits of the phone number, when the console has seen it (a user read, a caller hit); else ''. */
  phoneDigits: string;
  phone: string | null;
  first: string;
  last: string;
  full: string;
  userIdLower: string;
  emailLower: string | null;
}

const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
const byDirectoryOrder = (a: Entry, b: Entry): number => cmp(a.last, b.last) || cmp(a.first, b.first) || cmp(a.summary.userId, b.summary.userId);

function summaryOf(u: UserSummary | User): UserSummary {
  return { userId: u.userId, firstName: u.firstName, lastName: u.lastName, extension: u.extension, email: u.email, status: u.status };
}

/**
 * Every user of one open customer, read by paging the portal's user search, so that Search users and Find
 * caller answer while the staffer types instead of after a round trip. It answers as the portal does —
 * the CAP user search's matching and order, and Find caller's readings — and the portal's own answer,
 * asked for at the same time, then replaces it. Phone numbers are known only for users the console has
 * read or found as callers (the user search does not carry them); the portal answers the rest.
 */
export class CustomerUserIndex {
  private readonly byId = new Map<string, Entry>();
  private sorted: Entry[] | null = null;
  readonly builtAt: number;

  constructor(
    public customer: CustomerSummary,
    users: readonly (UserSummary | User)[],
    now: number,
  ) {
    this.builtAt = now;
    this.upsert(users);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Adds or updates users the portal has just shown (an Email saved, a user read): the index stays current. */
  upsert(users: readonly (UserSummary | User | (UserSummary & { phoneNumber?: string | null }))[]): void {
    for (const u of users) {
      const key = u.userId.toLowerCase();
      const before = this.byId.get(key);
      const phone = 'phoneNumber' in u && u.phoneNumber !== undefined ? u.phoneNumber : (before?.phone ?? null);
      this.byId.set(key, {
        summary: summaryOf(u),
        phone,
        phoneDigits: phone === null ? '' : phone.replace(/[^0-9]/g, ''),
        first: foldText(u.firstName),
        last: foldText(u.lastName),
        full: foldQuery(`${u.firstName} ${u.lastName}`),
        userIdLower: key,
        emailLower: u.email === null ? null : u.email.toLowerCase(),
      });
    }
    this.sorted = null;
  }

  private inOrder(): Entry[] {
    this.sorted ??= [...this.byId.values()].sort(byDirectoryOrder);
    return this.sorted;
  }

  /** The CAP user search (`GET /cap/v1/users?q=`): name prefixes and extension digit prefix; blank lists all. */
  searchUsers(q: string, limit: number): { users: UserSummary[]; total: number } {
    const folded = foldQuery(q);
    const digits = /^[0-9]+$/.test(folded);
    const matches = (e: Entry) =>
      folded === '' || e.first.startsWith(folded) || e.last.startsWith(folded) || e.full.startsWith(folded) || (digits && e.summary.extension.startsWith(folded));
    const users: UserSummary[] = [];
    let total = 0;
    for (const e of this.inOrder()) {
      if (!matches(e)) continue;
      total++;
      if (users.length < limit) users.push(e.summary);
    }
    return { users, total };
  }

  /** Find caller over this customer's users: the first reading that matches anything decides, as the portal's. */
  findCallers(q: string): CallerHit[] {
    const reading = readCallerQuery(q);
    const all = this.inOrder();
    const hits = (matchedOn: CallerMatch, keep: (e: Entry) => boolean): CallerHit[] =>
      all.filter(keep).map((e) => ({ ...e.summary, phoneNumber: e.phone, customer: this.customer, matchedOn }));
    const { phoneSuffix, address, name, extension } = reading;
    if (phoneSuffix !== undefined) {
      const found = hits('phone', (e) => e.phoneDigits !== '' && e.phoneDigits.endsWith(phoneSuffix));
      if (found.length > 0) return found;
    }
    if (address !== undefined) {
      const email = hits('email', (e) => e.emailLower === address);
      const userId = hits('userId', (e) => e.userIdLower === address && e.emailLower !== address);
      if (email.length + userId.length > 0) return [...email, ...userId];
    }
    if (name !== undefined) {
      const found = hits('name', (e) => e.first.startsWith(name) || e.last.startsWith(name) || e.full.startsWith(name));
      if (found.length > 0) return found;
    }
    if (extension !== undefined) return hits('extension', (e) => e.summary.extension === extension);
    return [];
  }
}
