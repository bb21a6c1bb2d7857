import type { PasswordState } from '../../shared/domain/portal-entities';
import type { PasswordResetResponse } from '../../shared/portal-wire-v1/wire';
import type { DirUser } from '../directory/model';
import { DAY, HOUR, iso, type Clock } from './clock';

export const TEMP_PASSWORD_MS = DAY;
export const PASSWORD_LIFETIME_MS = 90 * DAY;
export const RESETS_PER_HOUR = 5;

/** What changes about a user while the simulator runs; the loaded directory itself stays untouched. */
export interface Account {
  email: string | null;
  password: string | null;
  changedAt: number | null;
  temp: { password: string; issuedAt: number } | null;
  /** When each temporary password was issued, for the rolling-hour limit. */
  issuedTimes: number[];
  /** Idempotency-Key → the answer given for it. */
  replies: Map<string, PasswordResetResponse>;
}

export class Accounts {
  private readonly accounts = new Map<string, Account>();
  constructor(
    private readonly clock: Clock,
    private readonly loadedAt: number,
  ) {}

  get(user: DirUser): Account {
    const key = user.userId.toLowerCase();
    let account = this.accounts.get(key);
    if (!account) {
      account = {
        email: user.email,
        password: user.password === null ? null : user.password.normalize('NFC'),
        changedAt: user.passwordChangedAt ?? this.loadedAt,
        temp: null,
        issuedTimes: [],
        replies: new Map(),
      };
      this.accounts.set(key, account);
    }
    return account;
  }

  emailOf(user: DirUser): string | null {
    const account = this.accounts.get(user.userId.toLowerCase());
    return account ? account.email : user.email;
  }

  /** Lower-case User IDs of users whose Email was set to this lower-case address while running. */
  userIdsNowWithEmail(address: string): string[] {
    const found: string[] = [];
    for (const [userId, account] of this.accounts) if (account.email?.toLowerCase() === address) found.push(userId);
    return found;
  }

  passwordState(user: DirUser): PasswordState {
    const account = this.get(user);
    const now = this.clock.now();
    const changedAt = account.changedAt;
    const expiresAt = changedAt === null ? null : changedAt + PASSWORD_LIFETIME_MS;
    const base = {
      changedAt: changedAt === null ? null : iso(changedAt),
      expiresAt: expiresAt === null ? null : iso(expiresAt),
      tempIssuedAt: account.temp ? iso(account.temp.issuedAt) : null,
      tempExpiresAt: account.temp ? iso(account.temp.issuedAt + TEMP_PASSWORD_MS) : null,
    };
    if (account.temp) return { state: now < account.temp.issuedAt + TEMP_PASSWORD_MS ? 'temp_issued' : 'temp_expired', ...base };
    return { state: expiresAt !== null && now >= expiresAt ? 'expired' : 'active', ...base };
  }

  /** Seconds until another temporary password may be issued, or 0 when one may be issued now. */
  resetRetryAfterSeconds(account: Account): number {
    const now = this.clock.now();
    account.issuedTimes = account.issuedTimes.filter((t) => now - t < HOUR);
    if (account.issuedTimes.length < RESETS_PER_HOUR) return 0;
    const oldest = account.issuedTimes[0] ?? now;
    return Math.max(1, Math.ceil((oldest + HOUR - now) / 1000));
  }

  clear(): void {
    this.accounts.clear();
  }
}
