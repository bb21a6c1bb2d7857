export { phoneSuffixOf, readCallerQuery, READING_ORDER, type CallerQuery } from '../../shared/caller-reading';

/** The digits of a stored phone number, reversed, so "ends with" becomes a prefix search. */
export const reversedDigits = (phoneNumber: string | null): string =>
  phoneNumber === null ? '' : [...phoneNumber.replace(/[^0-9]/g, '')].reverse().join('');
