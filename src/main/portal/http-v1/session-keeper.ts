import { LRUCache } from 'lru-cache';
import { AppFailure } from '../../../shared/errors';
import type { ParentCredentials } from '../gateway';

/** Which token a request needs. */
export type Auth = { kind: 'none' } | { kind: 'parent' } | { kind: 'cap'; customerId: string };

export interface HeldToken {
  value: string;
  expiresAt: number;
}

/** Tokens are renewed this long before the portal's stated expiry, to avoid racing it. */
const expiryMarginMs = 30_000;

const storedRefusalMessage =
  'The portal refused the stored parent-admin credentials, so the console stopped using them to avoid locking the account. Sign in again in Settings.';

export interface SessionKeeperOptions {
  /** The stored parent-admin credentials, for the one silent sign-in. */
  credentials: () => Promise<ParentCredentials | null>;
  /** Asks the portal for a parent token (one request, never resent). */
  signIn: (credentials: ParentCredentials) => Promise<HeldToken>;
  /** Asks the portal for a CAP token for one customer ("Access CAP"). */
  openCap: (customerId: string) => Promise<HeldToken>;
  now: () => number;
}

/**
 * The parent token and one CAP token per customer, in memory only. One silent sign-in (or CAP opening)
 * is shared by every caller waiting for it; stored credentials the portal refused are not tried again
 * until the staffer signs in explicitly.
 */
export class SessionKeeper {
  /**
   * Bumped by every sign-out: a token won by a call that started in an earlier generation is never
   * stored, and the calls of that generation still in flight are aborted through `signal`.
   */
  private generation = 0;
  private session = new AbortController();
  private parent: HeldToken | null = null;
  private parentPending: Promise<string> | null = null;
  /** Set when the portal refused the stored credentials; cleared by an explicit, successful sign-in. */
  private storedRefusal: 'invalid_credentials' | 'account_locked' | null = null;
  // One CAP session per customer of recent calls; older ones are simply opened again when needed.
  private readonly caps = new LRUCache<string, HeldToken>({ max: 50 });
  private readonly capPending = new Map<string, Promise<string>>();

  constructor(private readonly o: SessionKeeperOptions) {}

  /** The current generation, to hand back to `acceptSignIn` with the token it won. */
  current(): number {
    return this.generation;
  }

  /** Aborted when this generation's session ends (sign-out): every call in flight stops. */
  signal(): AbortSignal {
    return this.session.signal;
  }

  /** A sign-in that started in `generation` succeeded: its token is the session, unless a sign-out came in between. */
  acceptSignIn(token: HeldToken, generation: number): void {
    if (generation !== this.generation) throw new AppFailure('not_signed_in');
    this.parent = token;
    this.storedRefusal = null;
  }

  hasParent(): boolean {
    return this.parent !== null;
  }

  /** Forgets every token; returns the parent token that was held, so the caller may end it at the portal. */
  forget(): HeldToken | null {
    const held = this.parent;
    this.generation++;
    this.session.abort();
    this.session = new AbortController();
    this.parent = null;
    this.parentPending = null;
    this.caps.clear();
    this.capPending.clear();
    return held;
  }

  async tokenFor(auth: Auth): Promise<string | null> {
    if (auth.kind === 'none') return null;
    if (auth.kind === 'parent') {
      if (this.valid(this.parent)) return this.parent.value;
      if (!this.parentPending) {
        const pending = this.silentSignIn().finally(() => {
          if (this.parentPending === pending) this.parentPending = null;
        });
        this.parentPending = pending;
      }
      return this.parentPending;
    }
    const held = this.caps.get(auth.customerId);
    if (this.valid(held)) return held.value;
    let pending = this.capPending.get(auth.customerId);
    if (!pending) {
      const opening = this.createCap(auth.customerId).finally(() => {
        if (this.capPending.get(auth.customerId) === opening) this.capPending.delete(auth.customerId);
      });
      this.capPending.set(auth.customerId, opening);
      pending = opening;
    }
    return pending;
  }

  /** Forgets a token the portal refused, unless a newer one has replaced it meanwhile. */
  dropToken(auth: Auth, used: string | null): void {
    if (auth.kind === 'parent' && this.parent?.value === used) this.parent = null;
    if (auth.kind === 'cap' && this.caps.get(auth.customerId)?.value === used) this.caps.delete(auth.customerId);
  }

  private valid(token: HeldToken | null | undefined): token is HeldToken {
    return !!token && token.expiresAt - expiryMarginMs > this.o.now();
  }

  /**
   * The one silent sign-in with the stored credentials. Once the portal has refused them (wrong password,
   * or the account locked), they are not tried again until the staffer signs in explicitly: retrying a
   * stale password on every poll would lock the shared parent-admin account for the whole helpdesk.
   */
  private async silentSignIn(): Promise<string> {
    if (this.storedRefusal) throw new AppFailure(this.storedRefusal, { message: storedRefusalMessage });
    const generation = this.generation;
    const credentials = await this.o.credentials();
    if (!credentials || generation !== this.generation) throw new AppFailure('not_signed_in');
    try {
      const token = await this.o.signIn(credentials);
      this.acceptSignIn(token, generation);
      return token.value;
    } catch (err) {
      if (err instanceof AppFailure && (err.error.code === 'invalid_credentials' || err.error.code === 'account_locked')) {
        this.storedRefusal = err.error.code;
        throw new AppFailure(err.error.code, { message: storedRefusalMessage, ...(err.error.retryAfterSeconds !== undefined ? { retryAfterSeconds: err.error.retryAfterSeconds } : {}) });
      }
      throw err;
    }
  }

  private async createCap(customerId: string): Promise<string> {
    const generation = this.generation;
    const held = await this.o.openCap(customerId);
    if (generation !== this.generation) throw new AppFailure('not_signed_in');
    this.caps.set(customerId, held);
    return held.value;
  }
}
