import { z } from 'zod';
import { resetStatus } from '../../shared/ipc/contract';
import { callerVerification } from '../../shared/recipient/caller-verification-schema';

export const auditAction = z.enum([
  'sign_in_ok',
  'sign_in_failed',
  'credentials_saved',
  'credentials_forgotten',
  'customer_opened',
  'email_changed',
  'reset_sent',
  'reset_refused',
  'reset_unknown',
  'status_checked',
  'note_copied',
]);
export type AuditAction = z.infer<typeof auditAction>;

/**
 * One line of `audit.log`. Everything a reviewer needs to reconstruct who did what to whom, and
 * nothing secret: no password, no token, no temporary password.
 */
export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: auditAction,
  staffName: z.string(),
  profile: z.string(),
  /** The parent-admin username for sign-in and credential entries. */
  username: z.string().nullable().default(null),
  customerId: z.string().nullable().default(null),
  customerName: z.string().nullable().default(null),
  accountNumber: z.string().nullable().default(null),
  userId: z.string().nullable().default(null),
  userName: z.string().nullable().default(null),
  extension: z.string().nullable().default(null),
  /** The address the action concerns: where a reset went, or the new Email. */
  email: z.string().nullable().default(null),
  resetId: z.string().nullable().default(null),
  issuedAt: z.string().nullable().default(null),
  expiresAt: z.string().nullable().default(null),
  /** `sent`, an error code, `unknown`, or for status checks the status found. */
  outcome: z.string(),
  /** For `status_checked` and `note_copied`: the entry it is about. */
  refersTo: z.string().nullable().default(null),
  status: resetStatus.nullable().default(null),
  // The fields below are optional, not defaulted: an entry written before they existed must re-serialise
  // exactly as it was sealed, so a default would break every older seal.
  /** For resets: how the staffer verified the caller (the dialog's `Caller verified by`). */
  verification: callerVerification.optional(),
  /** For resets: the unusual characters (`U+0430`, …) of the Email or name the staffer acknowledged before sending. */
  acknowledged: z.array(z.string()).optional(),
  /** For resets: false when the staffer sent without the earlier-resets check (it failed), true when it ran. */
  warningsChecked: z.boolean().optional(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditDraft = Omit<z.input<typeof auditEntry>, 'id' | 'at'>;
