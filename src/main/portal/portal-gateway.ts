import { LRUCache } from 'lru-cache';
import type { AxiosResponse } from 'axios';
import type { z } from 'zod';
import { AppFailure } from '../../shared/errors';
import { customer as customerSchema, user as userSchema, type Customer, type User } from '../../shared/domain/portal-entities';
import { capSession, customerSearchResponse, passwordResetResponse, sessionToken, userSearchResponse, type CustomerSearchResponse, type PasswordResetResponse, type UserSearchResponse } from '../../shared/portal-api-v1/wire';
import type { Logger } from '../log/logger';
import { createHttpClient, type HttpClient } from './http-client';
import { portalPaths, type PortalPath } from './portal-paths';
import { failureOfRefusal, isRetryableStatus, refusalOf } from './portal-status';
import { transportProblem, type TransportProblem } from './transport-error';

export interface ParentCredentials {
  username: string;
  password: string;
}

export interface GatewayOptions {
  baseUrl: string;
  /** Names the profile in logs. */
  profileId: string;
  /** The stored parent-admin credentials, for the one silent sign-in after a session expires. */
  credentials: () => Promise<ParentCredentials | null>;
  log: Logger;
  responseTimeoutMs?: number;
  connectTimeoutMs?: number;
  maxBytes?: number;
  /** Extra tries for reads after a transport failure, 5xx or 429. */
  maxReadRetries?: number;
  backoffMs?: number;
  /** Longest wait a `Retry-After` may impose before the console gives up and reports it instead. */
  maxRetryWaitMs?: number;
  now?: () => number;
}

export const gatewayDefaults = {
  responseTimeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  maxBytes: 2 * 1024 * 1024,
  maxReadRetries: 2,
  backoffMs: 300,
  maxRetryWaitMs: 5_000,
};

/** A transport failure that remembers whether the request may have reached the portal. */
export class PortalTransportFailure extends AppFailure {
  constructor(readonly problem: TransportProblem) {
    super(problem.code);
  }
}

/** What a reset came to when the portal's answer was lost or unreadable: it may have happened. */
export type ResetAttempt = { kind: 'sent'; body: PasswordResetResponse } | { kind: 'unknown'; reason: string };

type Auth = { kind: 'none' } | { kind: 'parent' } | { kind: 'cap'; customerId: string };

interface PortalRequest<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  at: PortalPath;
  params?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
  /** null: the answer has no body (204). */
  schema: z.ZodType<T> | null;
  auth: Auth;
  /** Only requests that change nothing (or only open a session) may be sent again. */
  retry: boolean;
  signal?: AbortSignal;
  /** A fresh connection: a stale pooled socket must never make a reset's outcome ambiguous. */
  fresh?: boolean;
}

interface HeldToken {
  value: string;
  expiresAt: number;
}

/** Tokens are renewed this long before the portal's stated expiry, to avoid racing it. */
const expiryMarginMs = 30_000;

/** Failures that happened before the request itself was sent (e.g. opening a session for it). */
const beforeSending = new WeakSet<object>();

/**
 * The one way to the portals for one profile. Holds the parent token and one CAP token per customer
 * in memory only, renews them silently once on `session_expired`, retries reads (never resets), and
 * turns every answer into a parsed schema value or an AppFailure. Nothing from axios escapes it.
 */
const storedRefusalMessage =
  'The portal refused the stored parent-admin credentials, so the console stopped using them to avoid locking the account. Sign in again in Settings.';

export class PortalGateway {
  private readonly opts: Required<Omit<GatewayOptions, 'credentials' | 'log' | 'baseUrl' | 'profileId'>>;
  private readonly pooled: HttpClient;
  private readonly fresh: HttpClient;
  private parent: HeldToken | null = null;
  private parentPending: Promise<string> | null = null;
  /** Set when the portal refused the stored credentials; cleared by an explicit, successful sign-in. */
  private storedRefusal: 'invalid_credentials' | 'account_locked' | null = null;
  // One CAP session per customer of recent calls; older ones are simply opened again when needed.
  private readonly caps = new LRUCache<string, HeldToken>({ max: 50 });
  private readonly capPending = new Map<string, Promise<string>>();

  constructor(private readonly options: GatewayOptions) {
    this.opts = { ...gatewayDefaults, now: Date.now, ...stripUndefined(options) } as typeof this.opts;
    const base = {
      baseUrl: options.baseUrl,
      responseTimeoutMs: this.opts.responseTimeoutMs,
      connectTimeoutMs: this.opts.connectTimeoutMs,
      maxBytes: this.opts.maxBytes,
    };
    this.pooled = createHttpClient({ ...base, keepAlive: true });
    this.fresh = createHttpClient({ ...base, keepAlive: false });
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /**
   * Checks credentials with the portal; on success the session is kept for later calls. Never resent:
   * each try counts towards the portal's lockout, so a lost answer is a failure, not a reason to try again.
   */
  async signIn(credentials: ParentCredentials): Promise<void> {
    const session = await this.execute({
      method: 'POST',
      at: portalPaths.sessions(),
      body: { username: credentials.username, password: credentials.password },
      schema: sessionToken,
      auth: { kind: 'none' },
      retry: false,
    });
    this.parent = { value: session.token, expiresAt: Date.parse(session.expiresAt) };
    this.storedRefusal = null;
  }

  hasParentSession(): boolean {
    return this.parent !== null;
  }

  /** Makes sure a parent session exists, signing in silently with the stored credentials if needed. */
  async ensureSignedIn(): Promise<void> {
    await this.tokenFor({ kind: 'parent' });
  }

  /** Ends the portal session (best effort) and forgets every token. */
  async signOut(): Promise<void> {
    const held = this.parent;
    this.forgetSessions();
    if (!held) return;
    try {
      await this.sendOnce({ method: 'DELETE', at: portalPaths.currentSession(), schema: null, auth: { kind: 'none' }, retry: false, headers: { Authorization: `Bearer ${held.value}` } });
    } catch {
      // The token dies with its expiry anyway; the console has already forgotten it.
    }
  }

  forgetSessions(): void {
    this.parent = null;
    this.caps.clear();
  }

  /** Any HTTP answer at all means the portal is reachable. */
  async probe(): Promise<boolean> {
    try {
      await this.pooled.axios.request({ method: 'GET', url: portalPaths.currentSession().path, timeout: Math.min(this.opts.responseTimeoutMs, 5_000) });
      return true;
    } catch {
      return false;
    }
  }

  async searchCustomers(name: string, limit: number | undefined, signal?: AbortSignal): Promise<CustomerSearchResponse> {
    return this.execute({
      method: 'GET',
      at: portalPaths.customers(),
      params: limit === undefined ? { name } : { name, limit },
      schema: customerSearchResponse,
      auth: { kind: 'parent' },
      retry: true,
      signal,
    });
  }

  async getCustomer(customerId: string, signal?: AbortSignal): Promise<Customer> {
    return this.execute({ method: 'GET', at: portalPaths.customer(customerId), schema: customerSchema, auth: { kind: 'parent' }, retry: true, signal });
  }

  /** "Access CAP": opens (or reuses) this customer's Admin Portal session. */
  async openCap(customerId: string): Promise<void> {
    await this.tokenFor({ kind: 'cap', customerId });
  }

  async searchUsers(customerId: string, q: string, limit: number | undefined, cursor: string | null | undefined, signal?: AbortSignal): Promise<UserSearchResponse> {
    const params: Record<string, string | number> = { q };
    if (limit !== undefined) params.limit = limit;
    if (cursor) params.cursor = cursor;
    return this.execute({ method: 'GET', at: portalPaths.users(), params, schema: userSearchResponse, auth: { kind: 'cap', customerId }, retry: true, signal });
  }

  async getUser(customerId: string, userId: string, signal?: AbortSignal): Promise<User> {
    return this.execute({ method: 'GET', at: portalPaths.user(userId), schema: userSchema, auth: { kind: 'cap', customerId }, retry: true, signal });
  }

  async setEmail(customerId: string, userId: string, email: string | null): Promise<User> {
    return this.execute({ method: 'PATCH', at: portalPaths.user(userId), body: { email }, schema: userSchema, auth: { kind: 'cap', customerId }, retry: false });
  }

  /**
   * Sends one reset. Never sent twice by the console: the only repeat is after a 401 `session_expired`,
   * which the portal answers before doing anything, and it carries the same Idempotency-Key. When the
   * answer is lost or unreadable after the request may have arrived, the outcome is "unknown".
   * Definite refusals (404, user_disabled, no_email, too_many_resets, not sent at all) throw.
   */
  async resetPassword(customerId: string, userId: string, intentId: string): Promise<ResetAttempt> {
    try {
      const body = await this.execute({
        method: 'POST',
        at: portalPaths.passwordResets(userId),
        body: {},
        headers: { 'Idempotency-Key': intentId },
        schema: passwordResetResponse,
        auth: { kind: 'cap', customerId },
        retry: false,
        fresh: true,
      });
      return { kind: 'sent', body };
    } catch (err) {
      if (err instanceof Object && beforeSending.has(err)) throw err;
      if (err instanceof PortalTransportFailure && err.problem.maybeSent) return { kind: 'unknown', reason: err.problem.code };
      if (err instanceof AppFailure && (err.error.code === 'portal_error' || err.error.code === 'portal_bad_response')) {
        // A 5xx or garbled answer does not prove the e-mail was not sent.
        return { kind: 'unknown', reason: err.error.code };
      }
      throw err;
    }
  }

  close(): void {
    this.forgetSessions();
    this.pooled.destroy();
    this.fresh.destroy();
  }

  // ---- sessions ----

  private valid(token: HeldToken | null | undefined): token is HeldToken {
    return !!token && token.expiresAt - expiryMarginMs > this.opts.now();
  }

  private async tokenFor(auth: Auth): Promise<string | null> {
    if (auth.kind === 'none') return null;
    if (auth.kind === 'parent') {
      if (this.valid(this.parent)) return this.parent.value;
      // One silent sign-in shared by every caller waiting for it.
      this.parentPending ??= this.silentSignIn().finally(() => {
        this.parentPending = null;
      });
      return this.parentPending;
    }
    const held = this.caps.get(auth.customerId);
    if (this.valid(held)) return held.value;
    let pending = this.capPending.get(auth.customerId);
    if (!pending) {
      pending = this.createCap(auth.customerId).finally(() => this.capPending.delete(auth.customerId));
      this.capPending.set(auth.customerId, pending);
    }
    return pending;
  }

  /**
   * The one silent sign-in with the stored credentials. Once the portal has refused them (wrong password,
   * or the account locked), they are not tried again until the staffer signs in explicitly: retrying a
   * stale password on every poll would lock the shared parent-admin account for the whole helpdesk.
   */
  private async silentSignIn(): Promise<string> {
    if (this.storedRefusal) throw new AppFailure(this.storedRefusal, { message: storedRefusalMessage });
    const credentials = await this.options.credentials();
    if (!credentials) throw new AppFailure('not_signed_in');
    try {
      await this.signIn(credentials);
    } catch (err) {
      if (err instanceof AppFailure && (err.error.code === 'invalid_credentials' || err.error.code === 'account_locked')) {
        this.storedRefusal = err.error.code;
        throw new AppFailure(err.error.code, { message: storedRefusalMessage, ...(err.error.retryAfterSeconds !== undefined ? { retryAfterSeconds: err.error.retryAfterSeconds } : {}) });
      }
      throw err;
    }
    return this.parent!.value;
  }

  private async createCap(customerId: string): Promise<string> {
    const session = await this.execute({ method: 'POST', at: portalPaths.capSessions(customerId), body: {}, schema: capSession, auth: { kind: 'parent' }, retry: true });
    const held = { value: session.capToken, expiresAt: Date.parse(session.expiresAt) };
    this.caps.set(customerId, held);
    return held.value;
  }

  /** Forgets a token the portal refused, unless a newer one has replaced it meanwhile. */
  private dropToken(auth: Auth, used: string | null): void {
    if (auth.kind === 'parent' && this.parent?.value === used) this.parent = null;
    if (auth.kind === 'cap' && this.caps.get(auth.customerId)?.value === used) this.caps.delete(auth.customerId);
  }

  // ---- requests ----

  private async execute<T>(req: PortalRequest<T>): Promise<T> {
    let retriesLeft = req.retry ? this.opts.maxReadRetries : 0;
    let renewalsLeft = req.auth.kind === 'none' ? 0 : 1;
    for (let attempt = 1; ; attempt++) {
      let token: string | null;
      try {
        token = await this.tokenFor(req.auth);
      } catch (err) {
        if (err instanceof Object) beforeSending.add(err);
        throw err;
      }
      const headers = token ? { ...req.headers, Authorization: `Bearer ${token}` } : req.headers;
      let res: AxiosResponse<string>;
      try {
        res = await this.sendOnce({ ...req, headers }, attempt);
      } catch (err) {
        if (!(err instanceof PortalTransportFailure)) throw err;
        const problem = err.problem;
        const transient = problem.code === 'portal_unreachable' || problem.code === 'portal_timeout';
        if (transient && retriesLeft > 0) {
          retriesLeft--;
          await this.pause(this.backoff(attempt), req.signal);
          continue;
        }
        throw err;
      }
      if (res.status >= 200 && res.status < 300) return this.parse(req, res);
      const refusal = refusalOf(res.status, typeof res.data === 'string' ? res.data : '', res.headers['retry-after']);
      if (res.status === 401 && refusal.portalCode === 'session_expired' && renewalsLeft > 0) {
        renewalsLeft--;
        this.dropToken(req.auth, token);
        continue;
      }
      if (retriesLeft > 0 && isRetryableStatus(res.status)) {
        const waitMs = refusal.retryAfterSeconds !== undefined ? refusal.retryAfterSeconds * 1000 : this.backoff(attempt);
        if (waitMs <= this.opts.maxRetryWaitMs) {
          retriesLeft--;
          await this.pause(waitMs, req.signal);
          continue;
        }
      }
      throw failureOfRefusal(refusal);
    }
  }

  /** One HTTP exchange; logs method, path template, status and error code only. */
  private async sendOnce<T>(req: PortalRequest<T>, attempt = 1): Promise<AxiosResponse<string>> {
    const started = Date.now();
    const client = req.fresh ? this.fresh : this.pooled;
    try {
      const res = await client.axios.request<string>({
        method: req.method,
        url: req.at.path,
        params: req.params,
        data: req.body,
        headers: req.headers,
        signal: req.signal,
      });
      this.options.log.info('portal.call', { profile: this.options.profileId, method: req.method, path: req.at.template, status: res.status, ms: Date.now() - started, attempt });
      return res;
    } catch (err) {
      const problem = transportProblem(err);
      this.options.log.warn('portal.call_failed', { profile: this.options.profileId, method: req.method, path: req.at.template, code: problem.detail, ms: Date.now() - started, attempt });
      throw new PortalTransportFailure(problem);
    }
  }

  private parse<T>(req: PortalRequest<T>, res: AxiosResponse<string>): T {
    if (req.schema === null) return undefined as T;
    let json: unknown;
    try {
      json = JSON.parse(res.data);
    } catch {
      this.options.log.warn('portal.bad_response', { method: req.method, path: req.at.template, status: res.status, reason: 'not_json' });
      throw new AppFailure('portal_bad_response');
    }
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) {
      this.options.log.warn('portal.bad_response', { method: req.method, path: req.at.template, status: res.status, reason: 'schema', fields: parsed.error.issues.map((i) => i.path.join('.')).slice(0, 5) });
      throw new AppFailure('portal_bad_response');
    }
    return parsed.data;
  }

  private backoff(attempt: number): number {
    return this.opts.backoffMs * 2 ** (attempt - 1);
  }

  private pause(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new AppFailure('cancelled'));
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new AppFailure('cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
