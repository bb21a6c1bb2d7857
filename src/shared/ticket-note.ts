import { forbiddenDetails, passwordRules, type UserPasswordDetails } from './password-rules';
import type { PasswordState } from './domain/portal-entities';
import { formatInstant, formatNoteInstant, type TimeOptions } from './notes/note-time';
import { joinList, renderNote, type NoteParts, type TicketNote } from './notes/note-render';
import { describeCallerVerification, type CallerVerification } from './recipient/caller-verification';
import { inspectRecipient } from './recipient/inspect-recipient';

export { formatDay, formatInstant, formatNoteInstant } from './notes/note-time';
export { escapeHtml, type TicketNote } from './notes/note-render';

/**
 * The ticket note a staffer pastes into the helpdesk ticket after a reset: plain text and HTML built
 * from the same lines. Pure (no DOM, no Node), so the renderer and tests share it.
 *
 * It never contains the temporary password or any portal credential: its input has no field for them.
 * Every value passes through `portalText` (src/shared/notes/note-render.ts): a name with a line break
 * cannot forge a line. Blocked resets have their own short note: src/shared/notes/blocked-note.ts.
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
  /** One sentence on the current state, e.g. from `describePasswordState`. Not used for a replaced reset. */
  status: string;
  staffName: string;
  /**
   * The user's details the new password must not contain. `null` when they are not at hand (e.g. a
   * history entry for a customer that is not open): the note then names the kinds of detail only.
   */
  details: UserPasswordDetails | null;
  /** How the caller was verified, as chosen in the reset dialog; absent for resets recorded before it was asked. */
  verification?: CallerVerification | null;
  /**
   * Whether the staffer acknowledged the unusual characters of the Email or the name before sending.
   * Absent when not known (e.g. History): the note then lists the characters without saying either way.
   */
  unusualCharactersAcknowledged?: boolean;
  /** This reset was sent while an earlier temporary password was still in force: the earlier one stops working. */
  replacesEarlier?: boolean;
  /** A later reset of the same user replaced this one at this time: the note describes this reset only. */
  replacedAt?: string | null;
  /** The staffer's time zone (default UTC; UTC is added in brackets) and locale. */
  timeZone?: string;
  locale?: string;
}

/** A one-line description of a user's password state, for the panel and the note. */
export function describePasswordState(password: PasswordState, options: TimeOptions = {}): string {
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

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

const timeOptions = (input: TicketNoteInput): TimeOptions => ({ timeZone: input.timeZone, locale: input.locale });

/** The newest e-mail, for a second reset: which one to use and that earlier ones are dead. */
function newestEmailSentence(input: TicketNoteInput): string | null {
  if (!input.replacesEarlier || input.outcome === 'unknown' || input.outcome === 'not_sent') return null;
  const when = input.issuedAt ? `the one sent ${formatNoteInstant(input.issuedAt, timeOptions(input))}` : 'the newest one';
  return `Use only ${when}: the temporary passwords in earlier e-mails no longer work.`;
}

/**
 * What the staffer tells the caller after a reset, in one paragraph (the result box's "Tell the caller").
 * Names the address, the newest e-mail's time after a second reset, the username and the deadline.
 */
export function callerInstructions(input: TicketNoteInput): string {
  const fmt = timeOptions(input);
  const inbox = input.sentTo ? `Check the inbox (and Spam) at ${input.sentTo}` : 'Check your inbox (and Spam)';
  const newest = newestEmailSentence(input);
  const deadline = input.expiresAt ? ` before ${formatNoteInstant(input.expiresAt, fmt)}` : ' within 24 hours';
  return `${inbox} for the e-mail with the temporary password.${newest ? ` ${newest}` : ''} Sign in to My Phone Next${deadline} with the username ${input.userId} and that temporary password, then choose a new password.`;
}

function recipientRows(input: TicketNoteInput): [string, string][] {
  if (!input.sentTo) return [];
  const inspection = inspectRecipient({ email: input.sentTo, name: input.userName, userId: input.userId });
  const differs = !sameAddress(input.sentTo, input.userId);
  const asSent = inspection.domainDiffers && inspection.asciiAddress ? `; the mail system's form: ${inspection.asciiAddress}` : '';
  const rows: [string, string][] = [
    [
      input.outcome === 'unknown' || input.outcome === 'not_sent' ? 'Temporary password requested for' : 'Temporary password sent to',
      `${input.sentTo} (${differs ? "the user's Email, not the User ID" : "the user's Email"}${asSent})`,
    ],
  ];
  if (inspection.needsAcknowledgement || inspection.mixedScripts.length > 0) {
    const ack =
      input.unusualCharactersAcknowledged === true
        ? ' The staffer saw these characters and confirmed the address with the caller before sending.'
        : input.unusualCharactersAcknowledged === false
          ? ' They were not acknowledged before sending.'
          : '';
    rows.push(['Unusual characters', `${inspection.characterWarnings.join(' ')}${ack}`]);
  }
  return rows;
}

function commonRows(input: TicketNoteInput): [string, string][] {
  return [
    ['Customer', input.accountNumber ? `${input.customerName} (account ${input.accountNumber})` : input.customerName],
    ['User', `${input.userName}, extension ${input.extension}`],
    ['User ID (username)', input.userId],
    ['Caller verified by', describeCallerVerification(input.verification)],
    ...recipientRows(input),
  ];
}

/** A reset a later one replaced: this reset's facts, and that its temporary password is dead. Nothing of the later reset but its time. */
function replacedParts(input: TicketNoteInput, replacedAt: string): NoteParts {
  const fmt = timeOptions(input);
  const replaced = formatNoteInstant(replacedAt, fmt);
  const rows = commonRows(input);
  if (input.issuedAt) rows.push(['Sent', formatNoteInstant(input.issuedAt, fmt)]);
  rows.push(['Replaced', `${replaced}, by a later reset of this user; this reset's temporary password stopped working then.`]);
  rows.push(['Reset reference', input.resetId ?? 'none']);
  rows.push(['Current status', `Replaced at ${replaced}. The later reset has its own note.`]);
  rows.push(['Handled by', input.staffName.trim() || '(staff name not set)']);
  return {
    title: 'Password reset: replaced by a later reset',
    rows,
    stepsTitle: 'For the user',
    steps: [`The temporary password from this reset no longer works. Use only the newest e-mail, from the reset at ${replaced}; that reset's note has the next steps.`],
  };
}

/** The note's facts as label/value rows, then the user's next steps; both renderings use these. */
export function ticketNoteParts(input: TicketNoteInput): NoteParts {
  if (input.replacedAt) return replacedParts(input, input.replacedAt);
  const fmt = timeOptions(input);
  const rows = commonRows(input);
  if (input.outcome === 'unknown') {
    rows.push(['Outcome', 'Unknown: the connection to the portal was lost after the reset was sent. Check status before sending again.']);
  }
  if (input.outcome === 'confirmed') {
    rows.push(['Outcome', 'Confirmed by status check: the connection to the portal was lost after the reset was sent, and the portal shows the temporary password was issued.']);
  }
  if (input.outcome === 'not_sent') {
    rows.push(['Outcome', 'Not sent: the connection to the portal was lost, and a status check shows no temporary password was issued. The reset must be sent again.']);
  }
  if (input.issuedAt) rows.push(['Sent', formatNoteInstant(input.issuedAt, fmt)]);
  if (input.expiresAt) rows.push(['Expires', `${formatNoteInstant(input.expiresAt, fmt)} (24 hours after sending)`]);
  const newest = newestEmailSentence(input);
  if (newest) rows.push(['Earlier resets', `This reset replaced an earlier one. ${newest}`]);
  const noReference = { unknown: 'none (outcome unknown)', not_sent: 'none (not sent)', confirmed: 'not returned — the connection dropped', sent: 'none' } as const;
  rows.push(['Reset reference', input.resetId ?? noReference[input.outcome]]);
  rows.push(['Current status', input.status]);
  rows.push(['Handled by', input.staffName.trim() || '(staff name not set)']);

  const within = input.expiresAt ? `within 24 hours (before ${formatNoteInstant(input.expiresAt, fmt)})` : 'within 24 hours of the e-mail';
  const mustNot = input.details
    ? forbiddenDetails(input.details).map((d) => `the ${d.label} (${d.value})`)
    : ['the username', 'the telephone number', 'any alternate ID'];
  const ruleSentences = passwordRules
    .filter((r) => !r.name.startsWith('contains_'))
    .map((r) => r.description.replace(/\.$/, ''));
  const look = newest
    ? `Look for the newest e-mail with a temporary password${input.sentTo ? ` at ${input.sentTo}` : ''}. ${newest} If it is not in the inbox, check the Spam or Junk folder.`
    : `Look for the e-mail with the temporary password${input.sentTo ? ` at ${input.sentTo}` : ''}; if it is not in the inbox, check the Spam or Junk folder.`;
  const steps = [
    look,
    `Sign in to My Phone Next ${within} with the username ${input.userId} and the temporary password from the e-mail. After 24 hours the temporary password no longer works and the reset must be done again.`,
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

export function buildTicketNote(input: TicketNoteInput): TicketNote {
  return renderNote(ticketNoteParts(input));
}
