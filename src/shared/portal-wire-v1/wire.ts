import { z } from 'zod';
import { callerHit, customerSummary, isoTime, sentReset, userSummary } from '../domain/portal-entities';

/**
 * Portal API v1.1 on the wire: request bodies, answer envelopes, sessions and errors. The gateway
 * (src/main/portal/http-v1) parses every answer with these and the simulator answers with them; the
 * entities inside the envelopes are the console's domain types.
 */

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

export const customerSearchResponse = z.object({
  customers: z.array(customerSummary),
  total: z.number().int().nonnegative(),
});
export type CustomerSearchResponse = z.infer<typeof customerSearchResponse>;

export const capSession = z.object({ capToken: z.string().min(1), expiresAt: isoTime });

/** `GET /pap/v1/users` (v1.1): a caller found across all customers. */
export const callerSearchResponse = z.object({
  users: z.array(callerHit),
  total: z.number().int().nonnegative(),
});
export type CallerSearchResponse = z.infer<typeof callerSearchResponse>;

// ---- Customer Admin Portal ----
export const userSearchResponse = z.object({
  users: z.array(userSummary),
  nextCursor: z.string().nullable(),
});
export type UserSearchResponse = z.infer<typeof userSearchResponse>;

export const updateEmailRequest = z.object({ email: z.string().nullable() });

/** Optional body of a reset (v1.1): the Email the staffer confirmed; a different one answers `email_changed`. */
export const passwordResetRequest = z.object({ expectedEmail: z.string().max(320).optional() });
export const passwordResetResponse = sentReset;
export type PasswordResetResponse = z.infer<typeof passwordResetResponse>;

// ---- My Phone Next ----
export const forgotPasswordRequest = z.object({ username: z.string() });
export const endUserSignInRequest = z.object({ username: z.string(), password: z.string() });
export const endUserSession = z.object({ token: z.string().min(1) });
export const changePasswordRequest = z.object({ changeToken: z.string(), newPassword: z.string() });

/** Error codes the portals answer with (Portal API v1.1). */
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
  'email_changed',
  'too_many_resets',
  'password_change_required',
  'temp_password_expired',
  'password_expired',
  'policy_violation',
  'injected_fault',
] as const;
export type PortalErrorCode = (typeof portalErrorCodes)[number];

// ---- Parameters and answers the sections above leave implicit (used by the OpenAPI document) ----
/** `limit` of every search: a whole number from 1 to 200, 50 when absent. */
export const searchLimit = z.number().int().min(1).max(200).default(50);
/** Search text of the Customer Service Tool and of "Find caller": not blank, at most 100 characters. */
export const searchText = z.string().min(1).max(100);
/** `Idempotency-Key` header of a reset: the same key for the same user answers the first answer again. */
export const idempotencyKey = z.string().min(8).max(128);
/** `POST /mpn/v1/password/forgot` answers 202 with an empty object, whatever happened. */
export const forgotPasswordResponse = z.object({});
