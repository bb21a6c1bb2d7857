import { describeCallerVerification, type CallerVerification } from '../recipient/caller-verification';
import { renderNote, type NoteParts, type TicketNote } from './note-render';
import { formatNoteInstant, type TimeOptions } from './note-time';

/**
 * The short note for a reset that could not be sent: what happened, what to tell the caller, and
 * whether "Forgot Password?" in My Phone Next would help. That self-service path e-mails a temporary
 * password only to an active user with an Email, and counts against the same hourly limit as resets
 * (Portal API v1.1: `POST /mpn/v1/password/forgot`), so the note can say when it would not work.
 */

export type BlockedReason = 'no_email' | 'user_disabled' | 'customer_suspended' | 'too_many_resets';

export interface BlockedNoteInput {
  reason: BlockedReason;
  customerName: string;
  accountNumber: string | null;
  /** The user, when known (a suspended customer's users may not be readable). */
  userName: string | null;
  extension: string | null;
  userId: string | null;
  /** The user's Email: null when the user has none, undefined when the console does not know. */
  email?: string | null;
  /** Whether the user is active; undefined when the console does not know. */
  userActive?: boolean;
  /** When the reset was tried. */
  at: string;
  /** For `too_many_resets`: when the portal allows the next temporary password, if it said. */
  retryAt?: string | null;
  verification?: CallerVerification | null;
  staffName: string;
  timeZone?: string;
  locale?: string;
}

const titles: Record<BlockedReason, string> = {
  no_email: 'Password reset: not sent (the user has no Email)',
  user_disabled: 'Password reset: not sent (the user is disabled)',
  customer_suspended: 'Password reset: not sent (the customer is suspended)',
  too_many_resets: 'Password reset: not sent (too many temporary passwords in the last hour)',
};

function whatHappened(input: BlockedNoteInput, fmt: TimeOptions): string {
  switch (input.reason) {
    case 'no_email':
      return 'The user has no Email, so a temporary password has nowhere to go. Nothing was sent.';
    case 'user_disabled':
      return 'The user is disabled on the portal, so no temporary password can be sent. Nothing was sent.';
    case 'customer_suspended':
      return "The customer's account is suspended: its Admin Portal cannot be opened, so no reset can be sent from here. Nothing was sent.";
    case 'too_many_resets':
      return `The portal refused: this user has had too many temporary passwords in the last hour (resets and "Forgot Password?" count together). Nothing was sent.${input.retryAt ? ` The next one is allowed from ${formatNoteInstant(input.retryAt, fmt)}.` : ''}`;
  }
}

/** Whether "Forgot Password?" would e-mail a temporary password, from what the console knows. */
export function forgotPasswordVerdict(input: Pick<BlockedNoteInput, 'reason' | 'email' | 'userActive' | 'retryAt'>, fmt: TimeOptions = {}): string {
  if (input.reason === 'too_many_resets') {
    return `Would not work either: it counts against the same hourly limit${input.retryAt ? `, until ${formatNoteInstant(input.retryAt, fmt)}` : ''}.`;
  }
  if (input.reason === 'user_disabled' || input.userActive === false) return 'Would not work: it sends nothing to a disabled user.';
  if (input.reason === 'no_email' || input.email === null) return 'Would not work: it sends to the Email, and the user has none.';
  if (input.userActive === true && input.email) {
    return `Would e-mail a temporary password to ${input.email} (the user is active and has an Email), unless the hourly limit has been reached.`;
  }
  return 'Works only for an active user with an Email, within the hourly limit; the console could not check this user.';
}

function tellTheCaller(input: BlockedNoteInput, fmt: TimeOptions): string[] {
  switch (input.reason) {
    case 'no_email':
      return [
        'Your user has no e-mail address on file, so we cannot send a temporary password, and "Forgot Password?" will not work either.',
        'Once an e-mail address is added (by us, after confirming it with you, or by your company\'s administrator), we can send the reset.',
      ];
    case 'user_disabled':
      return ['Your user is disabled. Your company\'s administrator must enable it before the password can be reset; "Forgot Password?" will not work until then.'];
    case 'customer_suspended':
      return [
        "Your company's account is suspended, so we cannot reset passwords on it. Please contact your account manager.",
        ...(input.userActive === true && input.email ? ['"Forgot Password?" in My Phone Next sends to the e-mail address on file, if the account allows sign-in.'] : []),
      ];
    case 'too_many_resets':
      return [
        'Too many temporary passwords were sent in the last hour. If you have the newest e-mail, use the temporary password in it: it still works.',
        `Otherwise we can send a new one ${input.retryAt ? `from ${formatNoteInstant(input.retryAt, fmt)}` : 'in an hour'}; "Forgot Password?" is limited in the same way.`,
      ];
  }
}

export function blockedNoteParts(input: BlockedNoteInput): NoteParts {
  const fmt: TimeOptions = { timeZone: input.timeZone, locale: input.locale };
  const rows: [string, string][] = [
    ['Customer', input.accountNumber ? `${input.customerName} (account ${input.accountNumber})` : input.customerName],
  ];
  if (input.userName || input.userId) {
    rows.push(['User', [input.userName, input.extension ? `extension ${input.extension}` : null].filter(Boolean).join(', ') || '(name not known)']);
    if (input.userId) rows.push(['User ID (username)', input.userId]);
  }
  if (input.email !== undefined) rows.push(['Email', input.email ?? 'none']);
  rows.push(['Caller verified by', describeCallerVerification(input.verification)]);
  rows.push(['Tried', formatNoteInstant(input.at, fmt)]);
  rows.push(['What happened', whatHappened(input, fmt)]);
  rows.push(['"Forgot Password?"', forgotPasswordVerdict(input, fmt)]);
  rows.push(['Handled by', input.staffName.trim() || '(staff name not set)']);
  return { title: titles[input.reason], rows, stepsTitle: 'Tell the caller', steps: tellTheCaller(input, fmt) };
}

export function buildBlockedNote(input: BlockedNoteInput): TicketNote {
  return renderNote(blockedNoteParts(input));
}
