import type { HistoryEntry } from '../../../../shared/ipc/contract';
import type { User } from '../../../../shared/domain/portal-entities';
import type { TicketNoteInput } from '../../../../shared/ticket-note';
import { describePasswordState, formatInstant } from '../../../../shared/ticket-note';

export function statusSentence(entry: HistoryEntry): string {
  switch (entry.status) {
    case 'pending':
      return 'Temporary password sent, not used yet.';
    case 'completed':
      return 'The user has signed in and chosen a new password.';
    case 'expired':
      return 'The temporary password expired unused; a new reset is needed.';
    case 'replaced':
      return 'A later reset replaced this one; its temporary password no longer works.';
    case 'unknown':
      return entry.action === 'reset_unknown' ? 'Outcome unknown: check status before sending again.' : 'Status unknown.';
  }
}

/** `14:38 UTC`: the time of day with its zone. */
export function formatClock(iso: string, options: { timeZone?: string; locale?: string } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', { hour: '2-digit', minute: '2-digit', timeZoneName: 'short', ...(options.timeZone ? { timeZone: options.timeZone } : {}) }).format(date);
}

/** `14:38 UTC` today, `27 Nov, 14:38 UTC` this year, `27 Nov 2025, 14:38 UTC` before: short enough for a table cell. */
export function shortInstant(iso: string, nowMs: number, options: { timeZone?: string; locale?: string } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const tz = options.timeZone ? { timeZone: options.timeZone } : {};
  const locale = options.locale ?? 'en-GB';
  const dayKey = (d: Date) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...tz }).format(d);
  const yearOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', ...tz }).format(d);
  const now = new Date(Number.isFinite(nowMs) ? nowMs : Date.now());
  const time = formatClock(iso, options);
  if (dayKey(date) === dayKey(now)) return time;
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(yearOf(date) === yearOf(now) ? {} : { year: 'numeric' }), ...tz }).format(date);
  return `${day}, ${time}`;
}

/** When the status shown was last read from the portal: `last known at …`, or that it was never checked. */
export function lastKnown(entry: HistoryEntry, options: { timeZone?: string; locale?: string } = {}): string {
  return entry.statusCheckedAt
    ? `last known at ${formatInstant(entry.statusCheckedAt, options)}`
    : `as recorded when sent, ${formatInstant(entry.at, options)}; not checked since`;
}

/**
 * The ticket note for a history entry, with its current status. `user` (read from the portal just now)
 * gives the live password state and the details the new password must not contain; without it (portal
 * down) the note says the last known status and when it was known.
 */
export function noteInputFromEntry(entry: HistoryEntry, user: User | null, options: { timeZone?: string; locale?: string } = {}): TicketNoteInput {
  return {
    customerName: entry.customerName,
    accountNumber: entry.accountNumber,
    userName: entry.userName,
    extension: entry.extension,
    userId: entry.userId,
    sentTo: entry.email,
    outcome: entry.action === 'reset_sent' ? 'sent' : 'unknown',
    issuedAt: entry.issuedAt,
    expiresAt: entry.expiresAt,
    resetId: entry.resetId,
    status: user ? describePasswordState(user.password, options) : `${statusSentence(entry)} (${lastKnown(entry, options)})`,
    staffName: entry.staffName,
    details: user ? { userId: user.userId, phoneNumber: user.phoneNumber, alternateIds: user.alternateIds } : null,
    replacedAt: entry.replacedAt,
    ...options,
  };
}
