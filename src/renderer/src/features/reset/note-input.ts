import type { Customer, PasswordState, User } from '../../../../shared/domain/portal-entities';
import { describePasswordState, type TicketNoteInput } from '../../../../shared/ticket-note';
import type { ResetAttempt } from '../../state/console-state';
import { confirmedByCheck } from './attempt';
import { extrasOf } from './attempt-extras';

const at = (iso: string | null) => (iso ? Date.parse(iso) : NaN);

/**
 * The user's password state as it stands after a sent reset. A user read before the reset (or a re-read
 * still on its way) knows nothing of it: then the reset's own result says what the portal now holds.
 * A state read at or after the reset (the temporary password itself, or a change made since) wins.
 */
export function passwordAfterSentReset(password: PasswordState, sent: { issuedAt: string; expiresAt: string }): PasswordState {
  const issued = at(sent.issuedAt);
  if (at(password.tempIssuedAt) >= issued || at(password.changedAt) >= issued) return password;
  return { ...password, state: 'temp_issued', tempIssuedAt: sent.issuedAt, tempExpiresAt: sent.expiresAt };
}

/** The note for a reset made on this screen, from what the screen knows now. Never holds a secret. */
export function noteInputFromAttempt(attempt: ResetAttempt, customer: Customer, user: User, staffName: string, time: { timeZone?: string; locale?: string } = {}): TicketNoteInput {
  const o = attempt.outcome;
  const latest = attempt.checked?.user ?? user;
  const extras = extrasOf(o);
  const common = {
    verification: extras?.verification ?? null,
    ...(extras ? { unusualCharactersAcknowledged: extras.acknowledged, replacesEarlier: extras.replacesEarlier } : {}),
    customerName: customer.name,
    accountNumber: customer.accountNumber,
    userName: `${user.firstName} ${user.lastName}`,
    extension: user.extension,
    userId: user.userId,
    staffName,
    details: { userId: user.userId, phoneNumber: user.phoneNumber, alternateIds: user.alternateIds },
  };
  if (o.outcome === 'sent') {
    return {
      ...common,
      sentTo: o.sentTo,
      outcome: 'sent',
      issuedAt: o.issuedAt,
      expiresAt: o.expiresAt,
      resetId: o.resetId,
      status: describePasswordState(passwordAfterSentReset(latest.password, o), time),
    };
  }
  // The connection dropped; "Check status" may since have shown whether the temporary password was issued.
  const confirmed = confirmedByCheck(attempt);
  return {
    ...common,
    sentTo: user.email,
    outcome: confirmed ? 'confirmed' : attempt.checked ? 'not_sent' : 'unknown',
    issuedAt: confirmed?.password.tempIssuedAt ?? null,
    expiresAt: confirmed?.password.tempExpiresAt ?? null,
    resetId: null,
    status: describePasswordState(latest.password, time),
  };
}
