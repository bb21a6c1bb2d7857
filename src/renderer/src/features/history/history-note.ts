import type { HistoryEntry } from '../../../../shared/ipc/contract';
import type { User } from '../../../../shared/portal/schemas';
import type { TicketNoteInput } from '../../../../shared/ticket-note';
import { describePasswordState } from '../../../../shared/ticket-note';

export function statusSentence(entry: HistoryEntry): string {
  switch (entry.status) {
    case 'pending':
      return 'Temporary password sent, not used yet.';
    case 'completed':
      return 'The user has signed in and chosen a new password.';
    case 'expired':
      return 'The temporary password expired unused; a new reset is needed.';
    case 'unknown':
      return entry.action === 'reset_unknown' ? 'Outcome unknown: check status before sending again.' : 'Status unknown.';
  }
}

/** The ticket note for a history entry; `user` (when it could be read) adds the details the password must not contain. */
export function noteInputFromEntry(entry: HistoryEntry, user: User | null): TicketNoteInput {
  const checked = entry.statusCheckedAt ? ` (status checked ${new Date(entry.statusCheckedAt).toISOString()})` : '';
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
    status: user ? describePasswordState(user.password) : `${statusSentence(entry)}${checked}`,
    staffName: entry.staffName,
    details: user ? { userId: user.userId, phoneNumber: user.phoneNumber, alternateIds: user.alternateIds } : null,
  };
}
