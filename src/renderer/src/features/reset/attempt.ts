import type { User } from '../../../../shared/domain/portal-entities';
import type { ResetAttempt } from '../../state/console-state';

/**
 * For an attempt whose outcome was unknown: the user as read by "Check status" when that check found a
 * temporary password issued for this attempt (the reset went through); otherwise null. Whether it went
 * through is decided in main (reset:status), with the same clock-skew allowance as History.
 */
export function confirmedByCheck(attempt: ResetAttempt): User | null {
  if (attempt.outcome.outcome !== 'unknown' || !attempt.checked) return null;
  return attempt.checked.wentThrough ? attempt.checked.user : null;
}
