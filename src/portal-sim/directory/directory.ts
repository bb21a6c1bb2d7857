import type { DataFileUser } from '../data-file';
import { accountKey } from '../../shared/caller-reading';
import { foldText } from '../../shared/text/fold';
import type { CustomerInput, DirCustomer, DirUser } from './model';
import { CallerIndex } from './caller-index';
import { CustomerSearchIndex } from './search-index';
import { compareUsers } from './user-search';

interface LoadedUsers {
  sorted: DirUser[];
  byId: Map<string, DirUser>;
}

/** The read-only directory: customers, their users (materialised on first use) and the search index. */
export class Directory {
  readonly customers: DirCustomer[];
  readonly search: CustomerSearchIndex;
  private readonly byId = new Map<string, DirCustomer>();
  private readonly inputs: CustomerInput[];
  private readonly users = new Map<number, LoadedUsers>();
  /** lower-case User ID → customer index, for customers loaded eagerly. */
  private readonly ownerOfUser = new Map<string, number>();
  /** lower-case user domain → customer index, for customers whose users are produced on demand. */
  private readonly ownerOfDomain = new Map<string, number>();
  private callerIndex: CallerIndex | undefined;
  /** Account number without spaces and dashes → customer indexes (a project extension to the name search). */
  private readonly byAccount = new Map<string, number[]>();

  constructor(inputs: CustomerInput[]) {
    this.inputs = inputs;
    this.customers = inputs.map((input, index) => {
      const { users: _users, userDomain: _domain, ...fields } = input;
      return { ...fields, index, foldedName: foldText(input.name) };
    });
    for (const c of this.customers) {
      this.byId.set(c.id, c);
      const key = c.accountNumber === null ? '' : accountKey(c.accountNumber);
      if (key !== '') this.byAccount.set(key, [...(this.byAccount.get(key) ?? []), c.index]);
    }
    inputs.forEach((input, index) => {
      if (input.userDomain !== undefined) this.ownerOfDomain.set(input.userDomain.toLowerCase(), index);
      else for (const user of this.usersOf(index)) this.ownerOfUser.set(user.userId.toLowerCase(), index);
    });
    this.search = new CustomerSearchIndex(
      this.customers.map((c) => c.foldedName),
      this.customers.map((c) => c.name),
    );
  }

  /** Customers whose account number is the query, ignoring spaces and dashes. */
  withAccountNumber(query: string): number[] {
    const key = accountKey(query);
    return key === '' ? [] : (this.byAccount.get(key) ?? []);
  }

  customer(id: string): DirCustomer | undefined {
    return this.byId.get(id);
  }

  /** The customer's users in directory order. */
  usersOf(index: number): DirUser[] {
    return this.loaded(index).sorted;
  }

  userIn(index: number, userId: string): DirUser | undefined {
    return this.loaded(index).byId.get(userId.toLowerCase());
  }

  /**
   * The index behind "Find caller". Built on the first caller search, not at start: it holds every
   * user of every customer, which a generated directory otherwise produces only customer by customer.
   */
  callers(): CallerIndex {
    this.callerIndex ??= new CallerIndex(this.customers, (index) => this.usersOf(index));
    return this.callerIndex;
  }

  /** Finds a user anywhere, User ID ignoring case (My Phone Next usernames). */
  findUser(userId: string): { customer: DirCustomer; user: DirUser } | undefined {
    const key = userId.toLowerCase();
    let owner = this.ownerOfUser.get(key);
    if (owner === undefined) {
      const at = key.lastIndexOf('@');
      owner = at >= 0 ? this.ownerOfDomain.get(key.slice(at + 1)) : undefined;
    }
    if (owner === undefined) return undefined;
    const customer = this.customers[owner];
    const user = this.userIn(owner, key);
    return customer && user ? { customer, user } : undefined;
  }

  private loaded(index: number): LoadedUsers {
    let entry = this.users.get(index);
    if (!entry) {
      const input = this.inputs[index];
      const sorted = (input ? input.users() : []).map(toDirUser).sort(compareUsers);
      entry = { sorted, byId: new Map(sorted.map((u) => [u.userId.toLowerCase(), u])) };
      this.users.set(index, entry);
    }
    return entry;
  }
}

// Names repeat across a generated directory; folding each distinct one once halves the time to load users.
const foldedNames = new Map<string, string>();
function foldName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = foldText(name).replace(/\s+/gu, ' ').trim();
    if (foldedNames.size < 100_000) foldedNames.set(name, folded);
  }
  return folded;
}

function toDirUser(u: DataFileUser): DirUser {
  const foldedFirst = foldName(u.firstName);
  const foldedLast = foldName(u.lastName);
  return {
    userId: u.userId,
    firstName: u.firstName,
    lastName: u.lastName,
    extension: u.extension,
    phoneNumber: u.phoneNumber ?? null,
    email: u.email ?? null,
    alternateIds: u.alternateIds ?? [],
    department: u.department ?? null,
    status: u.status ?? 'active',
    password: u.password ?? null,
    passwordChangedAt: u.passwordChangedAt ? Date.parse(u.passwordChangedAt) : null,
    foldedFirst,
    foldedLast,
    foldedFull: `${foldedFirst} ${foldedLast}`,
  };
}
