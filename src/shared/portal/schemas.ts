import { z } from 'zod';

/**
 * Portal API v1 as zod schemas: the single copy of the contract in code.
 * The simulator answers with these shapes and the gateway parses every answer with them.
 */

export const isoTime = z.string().datetime({ offset: true });

export const portalErrorBody = z.object({
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      changeToken: z.string().optional(),
      violations: z.array(z.object({ rule: z.string(), message: z.string() })).optional(),
    })
    .passthrough(),
});
export type PortalErrorBody = z.infer<typeof portalErrorBody>;

// ---- Parent Admin Portal ----
export const signInRequest = z.object({ username: z.string(), password: z.string() });
export const sessionToken = z.object({ token: z.string().min(1), expiresAt: isoTime });

export const customerStatus = z.enum(['active', 'suspended']);
export const customerSummary = z.object({
  id: z.string(),
  name: z.string(),
  accountNumber: z.string().nullable(),
  status: customerStatus,
  city: z.string().nullable(),
  userCount: z.number().int().nonnegative(),
});
export type CustomerSummary = z.infer<typeof customerSummary>;

export const primaryContact = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export const customer = customerSummary.extend({
  address: z.string().nullable(),
  primaryContact: primaryContact.nullable(),
  createdAt: isoTime,
});
export type Customer = z.infer<typeof customer>;

export const customerSearchResponse = z.object({
  customers: z.array(customerSummary),
  total: z.number().int().nonnegative(),
});
export type CustomerSearchResponse = z.infer<typeof customerSearchResponse>;

export const capSession = z.object({ capToken: z.string().min(1), expiresAt: isoTime });

// ---- Customer Admin Portal ----
export const userStatus = z.enum(['active', 'disabled']);
export const userSummary = z.object({
  userId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  extension: z.string(),
  email: z.string().nullable(),
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
  phoneNumber: z.string().nullable(),
  alternateIds: z.array(z.string()),
  department: z.string().nullable(),
  password: passwordState,
});
export type User = z.infer<typeof user>;

export const userSearchResponse = z.object({
  users: z.array(userSummary),
  nextCursor: z.string().nullable(),
});
export type UserSearchResponse = z.infer<typeof userSearchResponse>;

export const updateEmailRequest = z.object({ email: z.string().nullable() });

export const passwordResetResponse = z.object({
  resetId: z.string(),
  sentTo: z.string(),
  issuedAt: isoTime,
  expiresAt: isoTime,
});
export type PasswordResetResponse = z.infer<typeof passwordResetResponse>;

// ---- My Phone Next ----
export const forgotPasswordRequest = z.object({ username: z.string() });
export const endUserSignInRequest = z.object({ username: z.string(), password: z.string() });
export const endUserSession = z.object({ token: z.string().min(1) });
export const changePasswordRequest = z.object({ changeToken: z.string(), newPassword: z.string() });

// ---- Simulator control ----
export const outboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  sentAt: isoTime,
  kind: z.enum(['password_reset', 'password_forgot']),
  tempPassword: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;
export const outboxResponse = z.object({ messages: z.array(outboxMessage) });

export const faultKind = z.enum(['latency', 'status', 'malformed', 'drop']);
export const faultRequest = z.object({
  path: z.string().min(1),
  method: z.string().optional(),
  kind: faultKind,
  status: z.number().int().min(100).max(599).optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  times: z.number().int().min(1).optional(),
});
export type FaultRequest = z.infer<typeof faultRequest>;

export const clockRequest = z.object({ advanceMs: z.number() });
export const clockResponse = z.object({ now: isoTime });
export const simStats = z.object({
  requests: z.number().int(),
  passwordResets: z.number().int(),
  emailsSent: z.number().int(),
});

/** Error codes the portals answer with (Portal API v1). */
export const portalErrorCodes = [
  'invalid_credentials',
  'account_locked',
  'session_expired',
  'invalid_query',
  'invalid_request',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'customer_suspended',
  'invalid_email',
  'idempotency_key_required',
  'user_disabled',
  'no_email',
  'too_many_resets',
  'password_change_required',
  'temp_password_expired',
  'password_expired',
  'policy_violation',
  'injected_fault',
] as const;
export type PortalErrorCode = (typeof portalErrorCodes)[number];
