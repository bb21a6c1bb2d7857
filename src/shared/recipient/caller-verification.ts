import { z } from 'zod';

/**
 * How the staffer made sure the caller is who they say: a required choice in the reset dialog
 * (`Caller verified by`), kept in the audit entry and the ticket note so "verified" is a fact someone
 * can check, not a ticked box.
 */
export const callerVerificationMethod = z.enum(['callback', 'known_contact', 'other']);
export type CallerVerificationMethod = z.infer<typeof callerVerificationMethod>;

export const callerVerification = z.discriminatedUnion('method', [
  z.object({ method: z.literal('callback') }).strict(),
  z.object({ method: z.literal('known_contact') }).strict(),
  z
    .object({
      method: z.literal('other'),
      /** What was done instead, in a few words ("asked the account PIN"). */
      text: z.string().trim().min(3, 'Say in a few words how the caller was verified.').max(200),
    })
    .strict(),
]);
export type CallerVerification = z.infer<typeof callerVerification>;

/** The choices as the dialog shows them. */
export const callerVerificationLabels: Record<CallerVerificationMethod, string> = {
  callback: 'call-back to the number on file',
  known_contact: 'known contact at the customer',
  other: 'other',
};

/** `call-back to the number on file`, or `other: asked the account PIN`. */
export function describeCallerVerification(v: CallerVerification | null | undefined): string {
  if (!v) return 'not recorded';
  return v.method === 'other' ? `other: ${v.text.trim()}` : callerVerificationLabels[v.method];
}
