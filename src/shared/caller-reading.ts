import type { CallerMatch } from './domain/portal-entities';
import { foldText } from './text/fold';

/**
 * How a "Find caller" query is read (Portal API v1.1, "Finding a caller"), in the order the readings are
 * tried. Shared by the simulator, which answers it, and the console's index of an open customer's users,
 * which answers it at once while the portal call is on its way. Each field is absent when the query
 * cannot be read that way.
 */
export interface CallerQuery {
  /** Digits a user's phone number must end with. */
  phoneSuffix?: string;
  /** Lower-cased address to compare with Email and User ID. */
  address?: string;
  /** Folded name prefix, as the CAP user search reads it. */
  name?: string;
  extension?: string;
}

export const READING_ORDER: readonly CallerMatch[] = ['phone', 'email', 'userId', 'name', 'extension'];

/** Folds a query the way names are folded, with runs of white space made one space. */
export function foldQuery(text: string): string {
  return foldText(text).replace(/\s+/gu, ' ').trim();
}

const PHONE_CHARS = /^[0-9 +\-.()]+$/;

/**
 * The digits a phone-number query stands for: `(0)` after a country code and the leading `00`
 * (international prefix) and `0` (national trunk prefix) are dropped, so every common way of writing
 * a number ends in the same digits. Undefined when the query is not a phone number.
 */
export function phoneSuffixOf(query: string): string | undefined {
  if (!PHONE_CHARS.test(query)) return undefined;
  if ((query.match(/[0-9]/g) ?? []).length < 6) return undefined;
  let digits = query.replace(/\(\s*0\s*\)/g, '').replace(/[^0-9]/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.startsWith('0')) digits = digits.slice(1);
  // A query of only prefixes ("000000") would otherwise match every number.
  return digits.length > 0 ? digits : undefined;
}

export function readCallerQuery(raw: string): CallerQuery {
  const query = raw.trim();
  const reading: CallerQuery = {};
  const phoneSuffix = phoneSuffixOf(query);
  if (phoneSuffix !== undefined) reading.phoneSuffix = phoneSuffix;
  if (query.includes('@')) reading.address = query.toLowerCase();
  const name = foldQuery(query);
  if (name.length > 0) reading.name = name;
  if (/^[0-9]{1,6}$/.test(query)) reading.extension = query;
  return reading;
}

/** An account number as people type it: without spaces and dashes, upper-cased. */
export const accountKey = (text: string): string => text.replace(/[\s\-‐-―]/gu, '').toUpperCase();
