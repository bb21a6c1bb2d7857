import type { ErrorCode } from '../../shared/errors';
import type { CallerHit, Customer, CustomerSummary, SentReset, User, UserSummary } from '../../shared/domain/portal-entities';
import type { Logger } from '../log/logger';

/**
 * What the console needs from a portal, in the console's own terms: no URLs, no HTTP, no wire shapes.
 * Services, the reset logic and the portal registry depend on this interface only; each implementation
 * lives in its own folder beside it (`http-v1/` for Portal API v1.1, `in-memory/` for tests) and is
 * named by one line in `gateway-registry.ts`.
 *
 * Every method fails with an AppFailure carrying an ErrorCode from src/shared/errors.ts, nothing else.
 */
export interface PortalGateway {
  /** Checks credentials with the portal and keeps the session. Never resent: each try counts towards a lockout. */
  signIn(credentials: ParentCredentials): Promise<void>;
  /** Ends the portal session (best effort) and forgets every token. */
  signOut(): Promise<void>;
  /** Forgets every token without telling the portal. */
  forgetSessions(): void;
  hasParentSession(): boolean;
  /** Makes sure a parent session exists, signing in silently (once) with the stored credentials if needed. */
  ensureSignedIn(): Promise<void>;
  /** True when the portal answers at all. */
  probe(): Promise<boolean>;

  /** The Customer Service Tool. */
  searchCustomers(name: string, limit: number | undefined, signal?: AbortSignal): Promise<CustomerPage>;
  getCustomer(customerId: string, signal?: AbortSignal): Promise<Customer>;
  /** "Access CAP": opens (or reuses) this customer's Admin Portal session. */
  openCustomer(customerId: string): Promise<void>;

  /** The Users tab of one customer, a page at a time. */
  searchUsers(customerId: string, q: string, page: PageRequest, signal?: AbortSignal): Promise<UserPage>;
  getUser(customerId: string, userId: string, signal?: AbortSignal): Promise<User>;
  /** null clears the Email. */
  setEmail(customerId: string, userId: string, email: string | null): Promise<User>;
  /**
   * Sends one temporary password to the user's Email. Never retried blindly; `intentId` is the idempotency
   * key, so a repeat of the same intent sends nothing new. Definite refusals (`email_changed` when the
   * user's Email is no longer `expectedEmail`, `no_email`, `user_disabled`, `too_many_resets`, ...) throw.
   */
  startReset(customerId: string, userId: string, request: ResetRequest): Promise<ResetAttempt>;

  /** Finds a caller across all customers by phone number, Email, User ID, name or extension. */
  findCallers(q: string, limit: number | undefined, signal?: AbortSignal): Promise<CallerPage>;

  /** Releases connections; the gateway is not used afterwards. */
  close(): void;
}

export interface ParentCredentials {
  username: string;
  password: string;
}

export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

export interface CustomerPage {
  customers: CustomerSummary[];
  total: number;
}

export interface UserPage {
  users: UserSummary[];
  nextCursor: string | null;
}

export interface CallerPage {
  hits: CallerHit[];
  total: number;
}

export interface ResetRequest {
  /** One per staff intent (one confirmation dialog): the idempotency key. */
  intentId: string;
  /** The Email the staffer saw and confirmed; the portal refuses with `email_changed` if it is no longer so. */
  expectedEmail: string;
}

/** What a reset came to. `unknown`: the answer was lost after the request may have arrived, so it may have happened. */
export type ResetAttempt = { kind: 'sent'; reset: SentReset } | { kind: 'unknown'; reason: ErrorCode };

/** Timeouts, caps and retry pacing a gateway honours where they apply (tests shorten them). */
export interface GatewayTuning {
  responseTimeoutMs: number;
  connectTimeoutMs: number;
  /** Cap on request and (decompressed) response bodies. */
  maxBytes: number;
  /** Extra tries for reads after a transport failure, 5xx or 429. */
  maxReadRetries: number;
  backoffMs: number;
  /** Longest wait a `Retry-After` may impose before the console gives up and reports it instead. */
  maxRetryWaitMs: number;
  now: () => number;
}

export const gatewayDefaults: Omit<GatewayTuning, 'now'> = {
  responseTimeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  maxBytes: 2 * 1024 * 1024,
  maxReadRetries: 2,
  backoffMs: 300,
  maxRetryWaitMs: 5_000,
};

/** What the registry hands a gateway when it makes one for a profile. */
export interface GatewaySetup {
  /** Where the portal is (the demo simulator's address, or the configured portal URL). */
  baseUrl: string;
  /** Names the profile in logs. */
  profileId: string;
  /** The stored parent-admin credentials, for the one silent sign-in after a session expires. */
  credentials: () => Promise<ParentCredentials | null>;
  log: Logger;
  tuning?: Partial<GatewayTuning>;
}

export type GatewayFactory = (setup: GatewaySetup) => PortalGateway;
