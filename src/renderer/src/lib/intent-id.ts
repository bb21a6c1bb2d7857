/** One id per staff intent (one confirmation dialog): the portal's Idempotency-Key. 32 chars of [0-9a-f]. */
export function newIntentId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
