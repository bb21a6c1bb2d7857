import type { User } from '../../../../shared/domain/portal-entities';
import type { ResetAttempt } from '../../state/console-state';

/** Did a temporary password appear at or after the attempt? (A minute of slack for clock differences.) */
export function issuedSince(user: User, startedAt: number): boolean {
  const issued = user.password.tempIssuedAt ? Date.parse(user.password.tempIssuedAt) : NaN;
  return (user.password.state === 'temp_issued' || user.password.state === 'temp_expired') && issued >= startedAt - 60_000;
}

/**
 * For an attempt whose outcome was unknown: the user as read by "Check status" when that check found a
 * temporary password issued for this attempt (the reset went through); otherwise null.
 */
export function confirmedByCheck(attempt: ResetAttempt): User | null {
  if (attempt.outcome.outcome !== 'unknown' || !attempt.checked) return null;
  return issuedSince(attempt.checked.user, attempt.startedAt) ? attempt.checked.user : null;
}
