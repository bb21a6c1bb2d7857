import { forbiddenDetails, passwordRules, type UserPasswordDetails } from './password-rules';
import type { PasswordState } from './domain/portal-entities';

/**
 * The ticket note a staffer pastes into the helpdesk ticket after a reset: plain text and HTML built
 * from the same lines. Pure (no DOM, no Node), so the renderer and tests share it.
 *
 * It never contains the temporary password or any portal credential: its input has no field for them.
 */

export interface TicketNoteInput {
  customerName: string;
  accountNumber: string | null;
  userName: string;
  extension: string;
  userId: string;
  /** The address the temporary password was sent to (the user's Email), when known. */
  sentTo: string | null;
  /**
   * `sent`: the portal confirmed; `unknown`: the connection dropped after sending; `confirmed`: it dropped,
   * but a status check since shows the temporary password was issued (no reset reference came back);
   * `not_sent`: it dropped, and a status check since shows no temporary password was issued.
   */
  outcome: 'sent' | 'unknown' | 'confirmed' | 'not_sent';
  issuedAt: string | null;
  expiresAt: string | null;
  resetId: string | null;
  /** One sentence on the current state, e.g. from `describePasswordState`. */
  status: string;
  staffName: string;
  /**
   * The user's details the new password must not contain. `null` when they are not at hand (e.g. a
   * history entry for a customer that is not open): the note then names the kinds of detail only.
   */
  details: UserPasswordDetails | null;
  /** Formatting: the staffer's time zone and locale; defaults are the runtime's. */
  timeZone?: string;
  locale?: string;
}

export interface TicketNote {
  text: string;
  html: string;
}

type TimeOptions = { timeZone?: string; locale?: string };

function format(iso: string, options: TimeOptions, parts: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...parts,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

/** `Thu 27 Nov 2026, 14:05 GMT`: an instant in local time, always with its time zone. */
export function formatInstant(iso: string, options: TimeOptions = {}): string {
  return format(iso, options, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
}

/** `Thu 27 Nov 2026`: a date without time, for the 90-day expiry and "last changed". */
export function formatDay(iso: string, options: TimeOptions = {}): string {
  return format(iso, options, {});
}

/** A one-line description of a user's password state, for the panel and the note. */
export function describePasswordState(password: PasswordState, options: { timeZone?: string; locale?: string } = {}): string {
  const at = (iso: string | null) => (iso ? formatInstant(iso, options) : 'an unknown time');
  switch (password.state) {
    case 'temp_issued':
      return `Temporary password issued ${at(password.tempIssuedAt)}, not used yet; it expires ${at(password.tempExpiresAt)}.`;
    case 'temp_expired':
      return `The temporary password issued ${at(password.tempIssuedAt)} expired unused at ${at(password.tempExpiresAt)}; a new reset is needed.`;
    case 'expired':
      return `The password expired ${at(password.expiresAt)} (90 days after it was last changed); the user must choose a new one.`;
    case 'active':
      return password.changedAt
        ? `Password active: last changed ${at(password.changedAt)}${password.expiresAt ? `, expires ${at(password.expiresAt)}` : ''}.`
        : 'Password active.';
  }
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The note's facts as label/value rows, then the user's next steps; both renderings use these. */
export function ticketNoteParts(input: TicketNoteInput): { title: string; rows: [string, string][]; stepsTitle: string; steps: string[] } {
  const fmt = { timeZone: input.timeZone, locale: input.locale };
  const rows: [string, string][] = [];
  rows.push(['Customer', input.accountNumber ? `${input.customerName} (account ${input.accountNumber})` : input.customerName]);
  rows.push(['User', `${input.userName}, extension ${input.extension}`]);
  rows.push(['User ID (username)', input.userId]);
  if (input.sentTo) {
    const differs = !sameAddress(input.sentTo, input.userId);
    rows.push([
      input.outcome === 'unknown' || input.outcome === 'not_sent' ? 'Temporary password requested for' : 'Temporary password sent to',
      differs ? `${input.sentTo} (the user's Email, not the User ID)` : `${input.sentTo} (the user's Email)`,
    ]);
  }
  if (input.outcome === 'unknown') {
    rows.push(['Outcome', 'Unknown: the connection to the portal was lost after the reset was sent. Check status before sending again.']);
  }
  if (input.outcome === 'confirmed') {
    rows.push(['Outcome', 'Confirmed by status check: the connection to the portal was lost after the reset was sent, and the portal shows the temporary password was issued.']);
  }
  if (input.outcome === 'not_sent') {
    rows.push(['Outcome', 'Not sent: the connection to the portal was lost, and a status check shows no temporary password was issued. The reset must be sent again.']);
  }
  if (input.issuedAt) rows.push(['Sent', formatInstant(input.issuedAt, fmt)]);
  if (input.expiresAt) rows.push(['Expires', `${formatInstant(input.expiresAt, fmt)} (24 hours after sending)`]);
  const noReference = { unknown: 'none (outcome unknown)', not_sent: 'none (not sent)', confirmed: 'not returned — the connection dropped', sent: 'none' } as const;
  rows.push(['Reset reference', input.resetId ?? noReference[input.outcome]]);
  rows.push(['Current status', input.status]);
  rows.push(['Handled by', input.staffName.trim() || '(staff name not set)']);

  const username = input.userId;
  const within = input.expiresAt ? `within 24 hours (before ${formatInstant(input.expiresAt, fmt)})` : 'within 24 hours of the e-mail';
  const mustNot = input.details
    ? forbiddenDetails(input.details).map((d) => `the ${d.label} (${d.value})`)
    : ['the username', 'the telephone number', 'any alternate ID'];
  const ruleSentences = passwordRules
    .filter((r) => !r.name.startsWith('contains_'))
    .map((r) => r.description.replace(/\.$/, ''));
  const steps = [
    `Look for the e-mail with the temporary password${input.sentTo ? ` at ${input.sentTo}` : ''}; if it is not in the inbox, check the Spam or Junk folder.`,
    `Sign in to My Phone Next ${within} with the username ${username} and the temporary password from the e-mail. After 24 hours the temporary password no longer works and the reset must be done again.`,
    `Choose a new password when asked. ${ruleSentences.join('. ')}. It must not contain ${joinList(mustNot)}.`,
    'Remember that the password must be changed every 90 days.',
    'Confirm the new password works by signing in to My Phone Next or the UC-One app.',
  ];
  return {
    title:
      input.outcome === 'sent'
        ? 'Password reset: temporary password sent'
        : input.outcome === 'confirmed'
          ? 'Password reset: temporary password sent (confirmed by status check)'
          : input.outcome === 'not_sent'
            ? 'Password reset: not sent (status check found no temporary password)'
            : 'Password reset: outcome unknown',
    rows,
    stepsTitle:
      input.outcome === 'unknown'
        ? 'Next steps for the user, once the e-mail has arrived'
        : input.outcome === 'not_sent'
          ? 'Next steps for the user, once a temporary password has been sent'
          : 'Next steps for the user',
    steps,
  };
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function buildTicketNote(input: TicketNoteInput): TicketNote {
  const { title, rows, stepsTitle, steps } = ticketNoteParts(input);
  const text = [
    title,
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    `${stepsTitle}:`,
    ...steps.map((s, i) => `${i + 1}. ${s}`),
  ].join('\n');
  const html = [
    `<p><strong>${escapeHtml(title)}</strong></p>`,
    '<table>',
    ...rows.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    '</table>',
    `<p><strong>${escapeHtml(stepsTitle)}</strong></p>`,
    '<ol>',
    ...steps.map((s) => `<li>${escapeHtml(s)}</li>`),
    '</ol>',
  ].join('\n');
  return { text, html };
}
