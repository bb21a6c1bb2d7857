import type { ResetStatus } from '../../shared/ipc/contract';
import type { PasswordState } from '../../shared/domain/portal-entities';

/** Portal clocks and ours differ a little; a temporary password issued this close before the attempt counts as its own. */
export const clockSkewMs = 2 * 60 * 1000;

/**
 * The one rule for "did the attempt that started at `since` go through": the portal shows a temporary
 * password (in force or already run out) issued at or after it, give or take the clock skew.
 */
export function issuedSince(password: PasswordState, since: string): string | null {
  if (!password.tempIssuedAt) return null;
  return Date.parse(password.tempIssuedAt) >= Date.parse(since) - clockSkewMs ? password.tempIssuedAt : null;
}

export function wentThrough(password: PasswordState, since: string): boolean {
  return (password.state === 'temp_issued' || password.state === 'temp_expired') && issuedSince(password, since) !== null;
}


/**
 * The live state of one reset, from the user's password state now:
 * completed — the password was changed after the reset (and before any later reset);
 * replaced — a later reset of the same user was issued while this one was in force (`replacedAt`);
 * pending — the reset's temporary password is still the one in force;
 * expired — it ran out unused.
 */
export function statusOfReset(
  reset: { at: string; issuedAt: string | null; replacedAt?: string | null },
  password: PasswordState,
): { status: ResetStatus; issuedAt: string | null } {
  const replacedAt = reset.replacedAt ? Date.parse(reset.replacedAt) : Infinity;
  let issuedAt = reset.issuedAt;
  // An "outcome unknown" entry learns its issue time when the portal shows a temporary password from
  // then — but not the later reset's, which is the one the portal shows once this one was replaced.
  if (!issuedAt) {
    const temp = issuedSince(password, reset.at);
    if (temp && Date.parse(temp) < replacedAt) issuedAt = temp;
  }
  if (!issuedAt) return { status: reset.replacedAt ? 'replaced' : 'unknown', issuedAt: null };
  const issued = Date.parse(issuedAt);
  const changed = password.changedAt ? Date.parse(password.changedAt) : NaN;
  if (changed > issued && changed < replacedAt) return { status: 'completed', issuedAt };
  if (reset.replacedAt) return { status: 'replaced', issuedAt };
  const ours = password.tempIssuedAt !== null && Date.parse(password.tempIssuedAt) === issued;
  if (password.state === 'temp_issued') return { status: ours ? 'pending' : 'expired', issuedAt };
  if (password.state === 'temp_expired') return { status: 'expired', issuedAt };
  return { status: 'unknown', issuedAt };
}
