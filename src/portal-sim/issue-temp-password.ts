import { randomUUID } from 'node:crypto';
import type { PasswordResetResponse } from '../shared/portal-wire-v1/wire';
import type { OutboxMessage } from './sim-schemas';
import type { DirUser } from './directory/model';
import { iso } from './state/clock';
import { TEMP_PASSWORD_MS, type Account } from './state/accounts';
import type { SimState } from './state/sim-state';
import { generateTempPassword } from './temp-password';

/**
 * Issues a temporary password and e-mails it to the user's Email (never the User ID). It voids the
 * current password and any earlier temporary one. Callers have checked status, Email and the hourly limit.
 */
export function issueTempPassword(state: SimState, user: DirUser, account: Account, sentTo: string, kind: OutboxMessage['kind']): PasswordResetResponse {
  const now = state.clock.now();
  const tempPassword = generateTempPassword({ userId: user.userId, phoneNumber: user.phoneNumber, alternateIds: user.alternateIds });
  account.temp = { password: tempPassword, issuedAt: now };
  account.password = null;
  account.issuedTimes.push(now);
  const expiresAt = iso(now + TEMP_PASSWORD_MS);
  state.outbox.send({
    to: sentTo,
    subject: 'Your temporary My Phone Next password',
    body: [
      `Hello ${user.firstName},`,
      '',
      kind === 'password_reset'
        ? 'Your helpdesk has reset your My Phone Next and UC-One password. Your temporary password is:'
        : 'You asked for a new My Phone Next and UC-One password. Your temporary password is:',
      '',
      tempPassword,
      '',
      `Sign in at My Phone Next with your username ${user.userId} and this temporary password, then choose a new password.`,
      `The temporary password expires at ${expiresAt} (24 hours after it was sent).`,
    ].join('\n'),
    sentAt: iso(now),
    kind,
    tempPassword,
  });
  state.stats.passwordResets++;
  state.stats.emailsSent++;
  return { resetId: `rst_${randomUUID()}`, sentTo, issuedAt: iso(now), expiresAt };
}
