// The table and its one helper, without zod: the browser shell's main thread answers with them (core-thread.ts)
// and loads no schema library before Chromium is launched. errors.ts adds the schemas.

/**
 * Every failure the console can show, in one table: a code, a sentence that says what happened and
 * what to do next, and whether trying again can help. Services fail with these codes only.
 */
export const errorTable = {
  invalid_input: { message: 'The console sent a request it does not understand. Reload the window and try again.', retryable: false },
  unknown_channel: { message: 'The console asked for something that does not exist. Reload the window.', retryable: false },
  forbidden_sender: { message: 'This request did not come from the console window and was refused.', retryable: false },
  internal_error: { message: 'Something went wrong inside the console. Try again; if it keeps happening, restart the console.', retryable: true },
  cancelled: { message: 'This request was replaced by a newer one.', retryable: false },
  keychain_unavailable: { message: 'The system keychain cannot be used. You can keep the password for this session only.', retryable: true },
  not_signed_in: { message: 'Sign in with the parent-admin credentials first.', retryable: false },
  settings_corrupt: { message: 'The settings file could not be read; it was set aside. Enter the portal details again.', retryable: false },
  invalid_credentials: { message: 'The portal refused the parent-admin username or password. Check them and sign in again.', retryable: false },
  account_locked: { message: 'The parent-admin account is locked after too many failed sign-ins. Wait and try again later.', retryable: true },
  portal_unreachable: { message: 'The portal cannot be reached. Check the network or the portal URL, then try again.', retryable: true },
  portal_timeout: { message: 'The portal did not answer in time. Try again.', retryable: true },
  portal_error: { message: 'The portal had a problem answering. Try again in a moment.', retryable: true },
  portal_bad_response: { message: 'The portal answered with something the console does not understand. Try again; if it persists, report it.', retryable: true },
  portal_insecure: { message: 'The portal’s security certificate is not trusted, so the console will not talk to it. Check the portal URL.', retryable: false },
  session_expired: { message: 'The portal session ended and could not be renewed. Sign in again.', retryable: true },
  invalid_query: { message: 'Type a name of 1 to 100 characters to search.', retryable: false },
  not_found: { message: 'The portal does not know this item any more. Search again.', retryable: false },
  customer_suspended: { message: 'This customer is suspended; its Admin Portal cannot be opened. Refer the caller to their account manager.', retryable: false },
  customer_not_open: { message: 'Open the customer first.', retryable: false },
  invalid_email: { message: 'That is not a valid e-mail address. It needs a name, an @ and a domain such as example.com.', retryable: false },
  user_disabled: { message: 'This user is disabled, so no temporary password can be sent. The customer’s administrator must enable the user first.', retryable: false },
  no_email: { message: 'This user has no Email, so the temporary password has nowhere to go. Add the Email first.', retryable: false },
  email_changed: { message: 'The Email changed since you confirmed it: nothing was sent. Check the new address and confirm again.', retryable: false },
  too_many_resets: { message: 'This user has had too many temporary passwords in the last hour. Wait before sending another.', retryable: true },
  outcome_unknown: { message: 'The connection was lost after the reset was sent: the outcome is unknown. Check status before sending again.', retryable: false },
} as const satisfies Record<string, { message: string; retryable: boolean }>;

export type ErrorCode = keyof typeof errorTable;

export interface AppError {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  /** Seconds to wait before retrying, where the portal said so. */
  retryAfterSeconds?: number | undefined;
}

export function appErrorOf(code: ErrorCode, extra: Partial<Omit<AppError, 'code'>> = {}): AppError {
  const row = errorTable[code];
  return { code, message: extra.message ?? row.message, retryable: extra.retryable ?? row.retryable, ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}) };
}
