/**
 * How the staffer made sure the caller is who they say: a required choice in the reset dialog
 * (`Caller verified by`), kept in the audit entry and the ticket note so "verified" is a fact someone
 * can check, not a ticked box. Plain TypeScript, so the renderer needs no schema library for it; the
 * contract's schema (caller-verification-schema.ts) is built from the same limits.
 */
export const callerVerificationMethods = ['callback', 'known_contact', 'other'] as const;
export type CallerVerificationMethod = (typeof callerVerificationMethods)[number];

export type CallerVerification = { method: 'callback' } | { method: 'known_contact' } | { method: 'other'; text: string };

/** "Other": what was done instead, in a few words ("asked the account PIN"), trimmed. */
export const otherVerificationText = { min: 3, max: 200, tooShort: 'Say in a few words how the caller was verified.' } as const;

/** The choices as the dialog shows them. */
export const callerVerificationLabels: Record<CallerVerificationMethod, string> = {
  callback: 'call-back to the number on file',
  known_contact: 'known contact at the customer',
  other: 'other',
};

/** The choice as the dialog holds it, checked by the contract's rules; null while it is incomplete. */
export function verificationFrom(method: CallerVerificationMethod | null, text: string): CallerVerification | null {
  if (!method) return null;
  if (method !== 'other') return { method };
  const words = text.trim();
  return words.length >= otherVerificationText.min && words.length <= otherVerificationText.max ? { method, text: words } : null;
}

/** `call-back to the number on file`, or `other: asked the account PIN`. */
export function describeCallerVerification(v: CallerVerification | null | undefined): string {
  if (!v) return 'not recorded';
  return v.method === 'other' ? `other: ${v.text.trim()}` : callerVerificationLabels[v.method];
}
