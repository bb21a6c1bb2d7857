import { AppFailure, type ErrorCode } from '../../../shared/errors';
import type { Customer, CustomerSummary, SentReset, User } from '../../../shared/domain/portal-entities';
import { foldText } from '../../../shared/text/fold';
import type { CallerPage, CustomerPage, GatewaySetup, PageRequest, ParentCredentials, PortalGateway, ResetAttempt, ResetRequest, UserPage } from '../gateway';
import { demoDirectory, type InMemoryDirectory } from './in-memory-directory';

const tempPasswordMs = 24 * 60 * 60 * 1000;

type Operation = Exclude<keyof PortalGateway, 'hasParentSession' | 'forgetSessions' | 'close'>;

/**
 * A portal held in memory, with the portal's rules that the console relies on: sign-in before anything,
 * "Access CAP" before a customer's users, suspended customers, idempotent resets (one e-mail per key),
 * `email_changed`, `no_email`, `user_disabled`. It proves the gateway seam and runs the services' unit
 * tests; it is no simulator (matching is simpler than Portal API v1's).
 */
export class InMemoryGateway implements PortalGateway {
  /** Every operation the console asked for, in order. */
  readonly calls: Operation[] = [];
  /** Every temporary password "e-mailed", in order. */
  readonly outbox: { userId: string; to: string; intentId: string }[] = [];
  private signedIn = false;
  private readonly open = new Set<string>();
  private readonly resets = new Map<string, SentReset>();
  private readonly faults = new Map<Operation, AppFailure | 'lost_answer'>();
  private readonly now: () => number;

  constructor(private readonly setup: Pick<GatewaySetup, 'credentials'> & Partial<GatewaySetup>, private readonly directory: InMemoryDirectory = demoDirectory()) {
    this.now = setup.tuning?.now ?? Date.now;
  }

  /** The next call of `operation` fails with `code`; `lost_answer` on `startReset`: sent, but the answer is lost. */
  failNext(operation: Operation, code: ErrorCode | 'lost_answer'): void {
    this.faults.set(operation, code === 'lost_answer' ? code : new AppFailure(code));
  }

  /** Changes a user behind the console's back (another admin, the user themselves). */
  editUser(customerId: string, userId: string, change: Partial<User>): void {
    Object.assign(this.userOf(customerId, userId), change);
  }

  async signIn(credentials: ParentCredentials): Promise<void> {
    this.enter('signIn');
    const known = this.directory.parentAdmins.some((a) => a.username === credentials.username && a.password === credentials.password);
    if (!known) throw new AppFailure('invalid_credentials');
    this.signedIn = true;
  }

  async signOut(): Promise<void> {
    this.enter('signOut');
    this.forgetSessions();
  }

  forgetSessions(): void {
    this.signedIn = false;
    this.open.clear();
  }

  hasParentSession(): boolean {
    return this.signedIn;
  }

  async ensureSignedIn(): Promise<void> {
    this.enter('ensureSignedIn');
    await this.session();
  }

  async probe(): Promise<boolean> {
    this.enter('probe');
    return true;
  }

  async searchCustomers(name: string, limit: number | undefined): Promise<CustomerPage> {
    this.enter('searchCustomers');
    await this.session();
    if (name.trim() === '' || name.length > 100) throw new AppFailure('invalid_query');
    const found = this.directory.customers.filter((c) => foldText(c.customer.name).includes(foldText(name.trim()))).map((c) => summaryOf(c.customer, c.users));
    return { customers: found.slice(0, limit ?? 50), total: found.length };
  }

  async getCustomer(customerId: string): Promise<Customer> {
    this.enter('getCustomer');
    await this.session();
    const c = this.customerOf(customerId);
    return { ...c.customer, userCount: c.users.length };
  }

  async openCustomer(customerId: string): Promise<void> {
    this.enter('openCustomer');
    await this.session();
    if (this.customerOf(customerId).customer.status === 'suspended') throw new AppFailure('customer_suspended');
    this.open.add(customerId);
  }

  async searchUsers(customerId: string, q: string, page: PageRequest): Promise<UserPage> {
    this.enter('searchUsers');
    await this.cap(customerId);
    const needle = foldText(q.trim());
    const all = this.customerOf(customerId).users.filter((u) => needle === '' || foldText(`${u.firstName} ${u.lastName} ${u.extension}`).includes(needle));
    const start = page.cursor ? Number(page.cursor) : 0;
    const end = start + (page.limit ?? 50);
    return { users: all.slice(start, end).map(({ userId, firstName, lastName, extension, email, status }) => ({ userId, firstName, lastName, extension, email, status })), nextCursor: end < all.length ? String(end) : null };
  }

  async getUser(customerId: string, userId: string): Promise<User> {
    this.enter('getUser');
    await this.cap(customerId);
    return structuredClone(this.userOf(customerId, userId));
  }

  async setEmail(customerId: string, userId: string, email: string | null): Promise<User> {
    this.enter('setEmail');
    await this.cap(customerId);
    const user = this.userOf(customerId, userId);
    user.email = email;
    return structuredClone(user);
  }

  async startReset(customerId: string, userId: string, request: ResetRequest): Promise<ResetAttempt> {
    const fault = this.enter('startReset', false);
    await this.cap(customerId);
    const user = this.userOf(customerId, userId);
    const key = `${customerId}\n${userId}\n${request.intentId}`;
    let reset = this.resets.get(key);
    if (!reset) {
      if (user.status === 'disabled') throw new AppFailure('user_disabled');
      if (!user.email) throw new AppFailure('no_email');
      if (user.email.toLowerCase() !== request.expectedEmail.toLowerCase()) throw new AppFailure('email_changed');
      const issuedAt = new Date(this.now()).toISOString();
      const expiresAt = new Date(this.now() + tempPasswordMs).toISOString();
      reset = { resetId: `R${this.resets.size + 1}`, sentTo: user.email, issuedAt, expiresAt };
      this.resets.set(key, reset);
      this.outbox.push({ userId, to: user.email, intentId: request.intentId });
      user.password = { ...user.password, state: 'temp_issued', tempIssuedAt: issuedAt, tempExpiresAt: expiresAt };
    }
    return fault === 'lost_answer' ? { kind: 'unknown', reason: 'portal_unreachable' } : { kind: 'sent', reset };
  }

  async findCallers(q: string, limit: number | undefined): Promise<CallerPage> {
    this.enter('findCallers');
    await this.session();
    const needle = foldText(q.trim());
    const hits = this.directory.customers.flatMap((c) =>
      c.users
        .filter((u) => u.email?.toLowerCase() === needle || u.userId.toLowerCase() === needle || foldText(`${u.firstName} ${u.lastName}`).includes(needle))
        .map((u) => ({ userId: u.userId, firstName: u.firstName, lastName: u.lastName, extension: u.extension, email: u.email, status: u.status, phoneNumber: u.phoneNumber, customer: summaryOf(c.customer, c.users), matchedOn: q.includes('@') ? ('email' as const) : ('name' as const) })),
    );
    return { hits: hits.slice(0, limit ?? 50), total: hits.length };
  }

  close(): void {
    this.forgetSessions();
  }

  /** Records the call and throws an injected fault; a `lost_answer` fault is returned for the caller to play out. */
  private enter(operation: Operation, throwLost = true): 'lost_answer' | null {
    this.calls.push(operation);
    const fault = this.faults.get(operation);
    if (!fault) return null;
    this.faults.delete(operation);
    if (fault !== 'lost_answer') throw fault;
    if (throwLost) throw new AppFailure('portal_unreachable');
    return fault;
  }

  /** Signs in silently with the stored credentials when no session is held, as a real gateway does. */
  private async session(): Promise<void> {
    if (this.signedIn) return;
    const credentials = await this.setup.credentials();
    if (!credentials) throw new AppFailure('not_signed_in');
    await this.signIn(credentials);
  }

  private async cap(customerId: string): Promise<void> {
    await this.session();
    if (!this.open.has(customerId)) await this.openCustomer(customerId);
  }

  private customerOf(customerId: string) {
    const found = this.directory.customers.find((c) => c.customer.id === customerId);
    if (!found) throw new AppFailure('not_found');
    return found;
  }

  private userOf(customerId: string, userId: string): User {
    const found = this.customerOf(customerId).users.find((u) => u.userId.toLowerCase() === userId.toLowerCase());
    if (!found) throw new AppFailure('not_found');
    return found;
  }
}

function summaryOf(c: Customer, users: readonly User[]): CustomerSummary {
  return { id: c.id, name: c.name, accountNumber: c.accountNumber, status: c.status, city: c.city, userCount: users.length };
}

export function createInMemoryGateway(setup: GatewaySetup): PortalGateway {
  return new InMemoryGateway(setup);
}
