/** Portal API v1's idea of an e-mail address: a local part, `@`, and a domain with at least one dot. */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u.test(text);
}
