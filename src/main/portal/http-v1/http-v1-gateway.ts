import { AppFailure } from '../../../shared/errors';
import { customer as customerSchema, user as userSchema, type Customer, type User } from '../../../shared/domain/portal-entities';
import { callerSearchResponse, capSession, customerSearchResponse, passwordResetResponse, sessionToken, userSearchResponse } from '../../../shared/portal-wire-v1/wire';
import {
  gatewayDefaults,
  type CallerPage,
  type CustomerPage,
  type GatewaySetup,
  type GatewayTuning,
  type PageRequest,
  type ParentCredentials,
  type PortalGateway,
  type ResetAttempt,
  type ResetRequest,
  type UserPage,
} from '../gateway';
import { portalPaths } from './paths';
import { failedBeforeSending, PortalTransportFailure, RequestRunner } from './request-runner';
import { SessionKeeper, type HeldToken } from './session-keeper';

/** Portal API v1.1 over HTTP(S): the endpoints, each one request shape and one answer schema. */
export class HttpV1Gateway implements PortalGateway {
  private readonly sessions: SessionKeeper;
  private readonly runner: RequestRunner;

  constructor(setup: GatewaySetup) {
    const tuning: GatewayTuning = { ...gatewayDefaults, now: Date.now, ...stripUndefined(setup.tuning ?? {}) };
    this.sessions = new SessionKeeper({
      credentials: setup.credentials,
      signIn: (c) => this.requestSession(c),
      openCap: (customerId) => this.requestCap(customerId),
      now: tuning.now,
    });
    this.runner = new RequestRunner({ baseUrl: setup.baseUrl, profileId: setup.profileId, log: setup.log, tuning }, this.sessions);
  }

  /** Never resent: each try counts towards the portal's lockout, so a lost answer is a failure, not a reason to try again. */
  async signIn(credentials: ParentCredentials): Promise<void> {
    const generation = this.sessions.current();
    this.sessions.acceptSignIn(await this.requestSession(credentials), generation);
  }

  hasParentSession(): boolean {
    return this.sessions.hasParent();
  }

  async ensureSignedIn(): Promise<void> {
    await this.sessions.tokenFor({ kind: 'parent' });
  }

  async signOut(): Promise<void> {
    const held = this.sessions.forget();
    if (!held) return;
    try {
      await this.runner.sendOnce({ method: 'DELETE', at: portalPaths.currentSession(), schema: null, auth: { kind: 'none' }, retry: false, headers: { Authorization: `Bearer ${held.value}` } });
    } catch {
      // The token dies with its expiry anyway; the console has already forgotten it.
    }
  }

  forgetSessions(): void {
    this.sessions.forget();
  }

  probe(): Promise<boolean> {
    return this.runner.probe(portalPaths.currentSession().path);
  }

  async searchCustomers(name: string, limit: number | undefined, signal?: AbortSignal): Promise<CustomerPage> {
    const params: Record<string, string | number> = limit === undefined ? { name } : { name, limit };
    return this.runner.execute({ method: 'GET', at: portalPaths.customers(), params, schema: customerSearchResponse, auth: { kind: 'parent' }, retry: true, ...withSignal(signal) });
  }

  async getCustomer(customerId: string, signal?: AbortSignal): Promise<Customer> {
    return this.runner.execute({ method: 'GET', at: portalPaths.customer(customerId), schema: customerSchema, auth: { kind: 'parent' }, retry: true, ...withSignal(signal) });
  }

  async openCustomer(customerId: string): Promise<void> {
    await this.sessions.tokenFor({ kind: 'cap', customerId });
  }

  async searchUsers(customerId: string, q: string, page: PageRequest, signal?: AbortSignal): Promise<UserPage> {
    const params: Record<string, string | number> = { q };
    if (page.limit !== undefined) params.limit = page.limit;
    if (page.cursor) params.cursor = page.cursor;
    return this.runner.execute({ method: 'GET', at: portalPaths.users(), params, schema: userSearchResponse, auth: { kind: 'cap', customerId }, retry: true, ...withSignal(signal) });
  }

  async getUser(customerId: string, userId: string, signal?: AbortSignal): Promise<User> {
    return this.runner.execute({ method: 'GET', at: portalPaths.user(userId), schema: userSchema, auth: { kind: 'cap', customerId }, retry: true, ...withSignal(signal) });
  }

  async setEmail(customerId: string, userId: string, email: string | null): Promise<User> {
    return this.runner.execute({ method: 'PATCH', at: portalPaths.user(userId), body: { email }, schema: userSchema, auth: { kind: 'cap', customerId }, retry: false });
  }

  /**
   * Never sent twice by the console: the only repeat is after a 401 `session_expired`, which the portal
   * answers before doing anything, and it carries the same Idempotency-Key. When the answer is lost or
   * unreadable after the request may have arrived, the outcome is "unknown". Definite refusals (404,
   * user_disabled, no_email, email_changed, too_many_resets, not sent at all) throw.
   */
  async startReset(customerId: string, userId: string, request: ResetRequest): Promise<ResetAttempt> {
    try {
      const reset = await this.runner.execute({
        method: 'POST',
        at: portalPaths.passwordResets(userId),
        body: { expectedEmail: request.expectedEmail },
        headers: { 'Idempotency-Key': request.intentId },
        schema: passwordResetResponse,
        auth: { kind: 'cap', customerId },
        retry: false,
        fresh: true,
      });
      return { kind: 'sent', reset };
    } catch (err) {
      if (failedBeforeSending(err)) throw err;
      if (err instanceof PortalTransportFailure && err.problem.maybeSent) return { kind: 'unknown', reason: err.problem.code };
      if (err instanceof AppFailure && (err.error.code === 'portal_error' || err.error.code === 'portal_bad_response')) {
        // A 5xx or garbled answer does not prove the e-mail was not sent.
        return { kind: 'unknown', reason: err.error.code };
      }
      throw err;
    }
  }

  async findCallers(q: string, limit: number | undefined, signal?: AbortSignal): Promise<CallerPage> {
    const params: Record<string, string | number> = limit === undefined ? { q } : { q, limit };
    const found = await this.runner.execute({ method: 'GET', at: portalPaths.callers(), params, schema: callerSearchResponse, auth: { kind: 'parent' }, retry: true, ...withSignal(signal) });
    return { hits: found.users, total: found.total };
  }

  close(): void {
    this.sessions.forget();
    this.runner.close();
  }

  private async requestSession(credentials: ParentCredentials): Promise<HeldToken> {
    const body = { username: credentials.username, password: credentials.password };
    const clock = clockOfAnswer();
    const session = await this.runner.execute({ method: 'POST', at: portalPaths.sessions(), body, schema: sessionToken, auth: { kind: 'none' }, retry: false, onClock: clock.note });
    return { value: session.token, expiresAt: clock.localExpiry(session.expiresAt) };
  }

  private async requestCap(customerId: string): Promise<HeldToken> {
    const clock = clockOfAnswer();
    const session = await this.runner.execute({ method: 'POST', at: portalPaths.capSessions(customerId), body: {}, schema: capSession, auth: { kind: 'parent' }, retry: true, onClock: clock.note });
    return { value: session.capToken, expiresAt: clock.localExpiry(session.expiresAt) };
  }
}

export function createHttpV1Gateway(setup: GatewaySetup): PortalGateway {
  return new HttpV1Gateway(setup);
}

/** Portal API v1's session lifetime: assumed when an answer's `expiresAt` makes no sense against its `Date`. */
const assumedLifetimeMs = 30 * 60 * 1000;

/**
 * A token's expiry on our clock. The portal states `expiresAt` on its own clock, so its lifetime is
 * measured against the answer's `Date` header and counted from when the answer arrived here: a computer
 * whose clock is an hour off neither signs in on every call nor holds tokens an hour too long. A
 * lifetime that is negative or absurd (an `expiresAt` in the past) is not believed; the portal's
 * `session_expired` renews such a token when it really ends.
 */
function clockOfAnswer() {
  let portalNow: number | null = null;
  let localNow = Date.now();
  return {
    note: (portal: number | null, local: number) => {
      portalNow = portal;
      localNow = local;
    },
    localExpiry: (expiresAt: string) => {
      const lifetime = Date.parse(expiresAt) - (portalNow ?? localNow);
      const believable = Number.isFinite(lifetime) && lifetime > 60_000 && lifetime <= 24 * 60 * 60 * 1000;
      return localNow + (believable ? lifetime : assumedLifetimeMs);
    },
  };
}

function withSignal(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
