/** The simulator's clock: wall time plus every advance, so tests can jump past expiries. */
export class Clock {
  private advancedMs = 0;

  now(): number {
    return Date.now() + this.advancedMs;
  }

  advance(ms: number): void {
    this.advancedMs += ms;
  }

  reset(): void {
    this.advancedMs = 0;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const iso = (ms: number): string => new Date(ms).toISOString();
