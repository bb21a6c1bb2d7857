/**
 * The users whose Email was changed in this console during this session. Changing the Email and then
 * resetting is the shortest way to take over an account, so the reset dialog asks twice for these users.
 * Kept in memory on purpose: a restart is a new session.
 */
const changed = new Set<string>();
const keyOf = (customerId: string, userId: string) => JSON.stringify([customerId, userId]);

export function markEmailChanged(customerId: string, userId: string): void {
  changed.add(keyOf(customerId, userId));
}

export function emailChangedHere(customerId: string, userId: string): boolean {
  return changed.has(keyOf(customerId, userId));
}
