import type { Customer, User } from '../../../../shared/portal/schemas';
import { describePasswordState, type TicketNoteInput } from '../../../../shared/ticket-note';
import type { ResetAttempt } from '../console/console-state';

/** The note for a reset made on this screen, from what the screen knows now. Never holds a secret. */
export function noteInputFromAttempt(attempt: ResetAttempt, customer: Customer, user: User, staffName: string): TicketNoteInput {
  const o = attempt.outcome;
  const latest = attempt.checked?.user ?? user;
  return {
    customerName: customer.name,
    accountNumber: customer.accountNumber,
    userName: `${user.firstName} ${user.lastName}`,
    extension: user.extension,
    userId: user.userId,
    sentTo: o.outcome === 'sent' ? o.sentTo : user.email,
    outcome: o.outcome,
    issuedAt: o.outcome === 'sent' ? o.issuedAt : null,
    expiresAt: o.outcome === 'sent' ? o.expiresAt : null,
    resetId: o.outcome === 'sent' ? o.resetId : null,
    status: describePasswordState(latest.password),
    staffName,
    details: { userId: user.userId, phoneNumber: user.phoneNumber, alternateIds: user.alternateIds },
  };
}
