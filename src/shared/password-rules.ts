/**
 * The My Phone Next password rules (Portal API v1), in one place: the simulator enforces them, the
 * console explains them to the caller and writes them into ticket notes. Letters, digits and case are
 * Unicode's, so `É` is upper-case and `٣` is a digit; length counts code points.
 *
 * The candidate is taken as typed, code point by code point, as the contract says: a letter followed by a
 * combining accent is two code points, and the accent (neither a letter nor a digit) counts as a symbol.
 * Only the "contains" comparisons fold both sides to NFC, so an accented username matches however typed.
 */

export type PasswordRuleName =
  | 'min_length'
  | 'needs_upper'
  | 'needs_lower'
  | 'needs_digit'
  | 'needs_symbol'
  | 'contains_username'
  | 'contains_phone_number'
  | 'contains_alternate_id';

export interface UserPasswordDetails {
  userId: string;
  phoneNumber: string | null;
  alternateIds: readonly string[];
}

export interface PasswordViolation {
  rule: PasswordRuleName;
  message: string;
}

export const MIN_PASSWORD_LENGTH = 10;
/** A phone number is recognised by its last digits as well as in full. */
export const PHONE_TAIL_DIGITS = 7;

export const passwordRules: readonly { name: PasswordRuleName; description: string }[] = [
  { name: 'min_length', description: `It must be at least ${MIN_PASSWORD_LENGTH} characters long.` },
  { name: 'needs_upper', description: 'It must contain at least one capital letter (A–Z, or an accented capital such as É).' },
  { name: 'needs_lower', description: 'It must contain at least one small letter (a–z, or an accented one such as é).' },
  { name: 'needs_digit', description: 'It must contain at least one digit (0–9).' },
  { name: 'needs_symbol', description: 'It must contain at least one character that is neither a letter nor a digit, such as ! # % or a space.' },
  { name: 'contains_username', description: 'It must not contain the username (the User ID, or its part before the @), in any mix of capitals and small letters.' },
  { name: 'contains_phone_number', description: `It must not contain the user’s telephone number, nor its last ${PHONE_TAIL_DIGITS} digits.` },
  { name: 'contains_alternate_id', description: 'It must not contain any of the user’s alternate IDs, in any mix of capitals and small letters.' },
];

const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
// The contract's words: any code point that is neither a letter nor a digit (a combining mark included).
const SYMBOL = /[^\p{L}\p{Nd}]/u;

/** The local part of a User ID (before the last `@`), or the whole ID when it has no `@`. */
export function usernameOf(userId: string): string {
  const at = userId.lastIndexOf('@');
  return at > 0 ? userId.slice(0, at) : userId;
}

/** ASCII digits of a telephone number, e.g. `+44 113 555 1042` → `441135551042`. */
export function phoneDigits(phoneNumber: string | null): string {
  return (phoneNumber ?? '').replace(/[^0-9]/g, '');
}

function phoneRuns(phoneNumber: string | null): string[] {
  const digits = phoneDigits(phoneNumber);
  if (digits.length === 0) return [];
  const tail = digits.slice(-PHONE_TAIL_DIGITS);
  return tail === digits ? [digits] : [digits, tail];
}

/** Every rule the candidate breaks, in the order of `passwordRules`. An empty list means it is acceptable. */
export function checkPassword(candidate: string, details: UserPasswordDetails): PasswordViolation[] {
  const text = candidate;
  const lower = candidate.normalize('NFC').toLowerCase();
  const out: PasswordViolation[] = [];
  const length = [...text].length;
  if (length < MIN_PASSWORD_LENGTH) {
    out.push({ rule: 'min_length', message: `The password has ${length} characters; it needs at least ${MIN_PASSWORD_LENGTH}.` });
  }
  if (!UPPER.test(text)) out.push({ rule: 'needs_upper', message: 'The password needs at least one capital letter.' });
  if (!LOWER.test(text)) out.push({ rule: 'needs_lower', message: 'The password needs at least one small letter.' });
  if (!DIGIT.test(text)) out.push({ rule: 'needs_digit', message: 'The password needs at least one digit.' });
  if (!SYMBOL.test(text)) {
    out.push({ rule: 'needs_symbol', message: 'The password needs at least one character that is neither a letter nor a digit, such as ! or #.' });
  }
  const names = [details.userId, usernameOf(details.userId)].map((n) => n.normalize('NFC').toLowerCase()).filter((n) => n.length > 0);
  if (names.some((n) => lower.includes(n))) {
    out.push({ rule: 'contains_username', message: 'The password must not contain the username.' });
  }
  if (phoneRuns(details.phoneNumber).some((run) => text.includes(run))) {
    out.push({ rule: 'contains_phone_number', message: 'The password must not contain the telephone number or its last 7 digits.' });
  }
  const alternates = details.alternateIds.map((a) => a.normalize('NFC').toLowerCase()).filter((a) => a.length > 0);
  if (alternates.some((a) => lower.includes(a))) {
    out.push({ rule: 'contains_alternate_id', message: 'The password must not contain an alternate ID of the user.' });
  }
  return out;
}

/** What this user's password must not contain, for reading out to the caller or writing in a ticket. */
export function forbiddenDetails(details: UserPasswordDetails): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const username = usernameOf(details.userId);
  if (username.length > 0) out.push({ label: 'username', value: username });
  if (details.phoneNumber && phoneDigits(details.phoneNumber).length > 0) {
    out.push({ label: 'telephone number', value: details.phoneNumber });
    const digits = phoneDigits(details.phoneNumber);
    if (digits.length > PHONE_TAIL_DIGITS) {
      out.push({ label: `last ${PHONE_TAIL_DIGITS} digits of the telephone number`, value: digits.slice(-PHONE_TAIL_DIGITS) });
    }
  }
  for (const alternate of details.alternateIds) {
    if (alternate.length > 0) out.push({ label: 'alternate ID', value: alternate });
  }
  return out;
}
