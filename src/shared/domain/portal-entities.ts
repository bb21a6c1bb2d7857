import { z } from 'zod';

/**
 * The things the console speaks about, whatever portal is behind the gateway: customers, users and
 * their password state. Portal API v1 happens to send these shapes as they are, so its wire module
 * reuses them. Strings are capped: a portal answer longer than a person could read is refused as a
 * bad response instead of flowing into the screen, the audit trail and the ticket note.
 */

export const isoTime = z.string().datetime({ offset: true });
const id = z.string().max(200);
const shortText = z.string().max(500);
const longText = z.string().max(2000);
const emailText = z.string().max(320);

export const customerStatus = z.enum(['active', 'suspended']);
export const customerSummary = z.object({
  id,
  name: shortText,
  accountNumber: shortText.nullable(),
  status: customerStatus,
  city: shortText.nullable(),
  userCount: z.number().int().nonnegative(),
});
export type CustomerSummary = z.infer<typeof customerSummary>;

export const primaryContact = z.object({
  name: shortText.nullable(),
  email: emailText.nullable(),
  phone: shortText.nullable(),
});
export const customer = customerSummary.extend({
  address: longText.nullable(),
  primaryContact: primaryContact.nullable(),
  createdAt: isoTime,
});
export type Customer = z.infer<typeof customer>;

export const userStatus = z.enum(['active', 'disabled']);
export const userSummary = z.object({
  userId: emailText,
  firstName: shortText,
  lastName: shortText,
  extension: shortText,
  email: emailText.nullable(),
  status: userStatus,
});
export type UserSummary = z.infer<typeof userSummary>;

export const passwordStateName = z.enum(['active', 'temp_issued', 'temp_expired', 'expired']);
export type PasswordStateName = z.infer<typeof passwordStateName>;
export const passwordState = z.object({
  state: passwordStateName,
  tempIssuedAt: isoTime.nullable(),
  tempExpiresAt: isoTime.nullable(),
  changedAt: isoTime.nullable(),
  expiresAt: isoTime.nullable(),
});
export type PasswordState = z.infer<typeof passwordState>;

export const user = userSummary.extend({
  phoneNumber: shortText.nullable(),
  alternateIds: z.array(shortText).max(100),
  department: shortText.nullable(),
  password: passwordState,
});
export type User = z.infer<typeof user>;

/** What a caller search matched on, in the order the portal tries the readings. */
export const callerMatch = z.enum(['phone', 'email', 'userId', 'name', 'extension']);
export type CallerMatch = z.infer<typeof callerMatch>;

/** A user found across all customers, with the customer they belong to. */
export const callerHit = userSummary.extend({
  phoneNumber: shortText.nullable(),
  customer: customerSummary,
  matchedOn: callerMatch,
});
export type CallerHit = z.infer<typeof callerHit>;

/** A temporary password that the portal says it e-mailed. */
export const sentReset = z.object({
  resetId: id,
  sentTo: emailText,
  issuedAt: isoTime,
  expiresAt: isoTime,
});
export type SentReset = z.infer<typeof sentReset>;
