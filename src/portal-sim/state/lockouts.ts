import { MINUTE, type Clock } from './clock';

export const FAILURES_BEFORE_LOCK = 5;
export const LOCK_MS = 15 * MINUTE;

/** Parent-admin sign-in lockout, per username: the 5th failure in a row locks it for 15 minutes. */
export class Lockouts {
  private readonly failures = new Map<string, number>();
  private readonly lockedUntil = new Map<string, number>();
  constructor(private readonly clock: Clock) {}

  /** Seconds left on the lock, or 0 when the username may try. */
  retryAfterSeconds(username: string): number {
    const until = this.lockedUntil.get(username);
    if (until === undefined) return 0;
    const left = until - this.clock.now();
    if (left <= 0) {
      this.lockedUntil.delete(username);
      return 0;
    }
    return Math.ceil(left / 1000);
  }

  recordFailure(username: string): void {
    const count = (this.failures.get(username) ?? 0) + 1;
    if (count >= FAILURES_BEFORE_LOCK) {
      this.failures.delete(username);
      this.lockedUntil.set(username, this.clock.now() + LOCK_MS);
    } else this.failures.set(username, count);
  }

  recordSuccess(username: string): void {
    this.failures.delete(username);
  }

  clear(): void {
    this.failures.clear();
    this.lockedUntil.clear();
  }
}
