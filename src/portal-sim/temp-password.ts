import { randomInt } from 'node:crypto';
import { checkPassword, type UserPasswordDetails } from '../shared/password-rules';

// No look-alikes (0/O, 1/l/I) so a caller can read it out over the phone.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!#%+=?@^_-';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;
export const TEMP_PASSWORD_LENGTH = 14;

const pick = (chars: string): string => chars.charAt(randomInt(chars.length));

/** A random temporary password from node:crypto that satisfies every rule for this user. */
export function generateTempPassword(details: UserPasswordDetails): string {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < TEMP_PASSWORD_LENGTH) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
    }
    const candidate = chars.join('');
    // Rejection keeps the rules the single authority, even for a user with a one-letter alternate ID.
    if (checkPassword(candidate, details).length === 0) return candidate;
  }
  throw new Error('No temporary password can satisfy the rules for this user');
}
