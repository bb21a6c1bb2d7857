/**
 * Relative times and countdowns for the screen. Absolute instants (with time zone) come from
 * `formatInstant` in src/shared/ticket-note.ts so the screen and the note say the same thing.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `in 23 h 59 min`, `5 min ago`, `just now`, `in 3 days`. */
export function formatRelative(targetMs: number, nowMs: number): string {
  const diff = targetMs - nowMs;
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  let span: string;
  if (abs < HOUR) span = `${Math.round(abs / MINUTE)} min`;
  else if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    span = m === 0 ? `${h} h` : `${h} h ${m} min`;
  } else {
    const d = Math.round(abs / DAY);
    span = d === 1 ? '1 day' : `${d} days`;
  }
  return diff > 0 ? `in ${span}` : `${span} ago`;
}

/** A live countdown: `23:59:07` (h:mm:ss), or `0:00:00` once it is over. */
export function formatCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.floor(remainingMs / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The countdown in words, for screen readers and the status line: `23 hours 59 minutes left`. */
export function describeRemaining(remainingMs: number): string {
  if (remainingMs <= 0) return 'expired';
  const totalMin = Math.floor(remainingMs / MINUTE);
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  if (h === 0 && m === 0) return 'less than a minute left';
  const parts = [h > 0 ? `${h} ${h === 1 ? 'hour' : 'hours'}` : '', m > 0 ? `${m} ${m === 1 ? 'minute' : 'minutes'}` : ''].filter(Boolean);
  return `${parts.join(' ')} left`;
}
