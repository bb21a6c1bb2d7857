import { timingSafeEqual } from 'node:crypto';
import { checkPassword } from '../../shared/password-rules';
import { changePasswordRequest, endUserSignInRequest, forgotPasswordRequest } from '../../shared/portal-wire-v1/wire';
import { fail, json, noContent } from '../http/reply';
import { parseBody } from '../http/request';
import { issueTempPassword } from '../issue-temp-password';
import type { Route } from '../router';
import { PASSWORD_LIFETIME_MS, TEMP_PASSWORD_MS } from '../state/accounts';

const samePassword = (stored: string, given: string): boolean => {
  const x = Buffer.from(stored, 'utf8');
  const y = Buffer.from(given.normalize('NFC'), 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

const invalidCredentials = () => fail(401, 'invalid_credentials', 'The username or password is wrong.');

export const mpnRoutes: Route[] = [
  {
    pattern: '/mpn/v1/password/forgot',
    methods: {
      POST: (req, state) => {
        const { username } = parseBody(req, forgotPasswordRequest);
        const found = state.directory.findUser(username);
        // The answer never depends on what happened, so nobody can probe which usernames exist.
        if (found && found.user.status === 'active') {
          const account = state.accounts.get(found.user);
          if (account.email !== null && state.accounts.resetRetryAfterSeconds(account) === 0) {
            issueTempPassword(state, found.user, account, account.email, 'password_forgot');
          }
        }
        return json(202, {});
      },
    },
  },
  {
    pattern: '/mpn/v1/sessions',
    methods: {
      POST: (req, state) => {
        const { username, password } = parseBody(req, endUserSignInRequest);
        const found = state.directory.findUser(username);
        if (!found || found.user.status === 'disabled') return invalidCredentials();
        const { user } = found;
        const account = state.accounts.get(user);
        const now = state.clock.now();
        if (account.temp && samePassword(account.temp.password, password)) {
          if (now >= account.temp.issuedAt + TEMP_PASSWORD_MS) {
            return fail(401, 'temp_password_expired', 'The temporary password has expired. Ask for a new one.');
          }
          const { token } = state.sessions.open({ kind: 'change', userId: user.userId });
          return fail(403, 'password_change_required', 'Choose a new password to finish signing in.', { changeToken: token });
        }
        if (account.password !== null && samePassword(account.password, password)) {
          if (account.changedAt !== null && now >= account.changedAt + PASSWORD_LIFETIME_MS) {
            const { token } = state.sessions.open({ kind: 'change', userId: user.userId });
            return fail(403, 'password_expired', 'The password is older than 90 days. Choose a new one.', { changeToken: token });
          }
          const { token } = state.sessions.open({ kind: 'end_user', userId: user.userId });
          return json(201, { token });
        }
        return invalidCredentials();
      },
    },
  },
  {
    pattern: '/mpn/v1/password/change',
    methods: {
      POST: (req, state) => {
        const { changeToken, newPassword } = parseBody(req, changePasswordRequest);
        const session = state.sessions.use(changeToken, 'change');
        const found = session ? state.directory.findUser(session.userId) : undefined;
        if (!session || !found) return fail(401, 'session_expired', 'The change token is unknown or expired. Sign in again.');
        const { user } = found;
        const violations = checkPassword(newPassword, { userId: user.userId, phoneNumber: user.phoneNumber, alternateIds: user.alternateIds });
        if (violations.length > 0) {
          return fail(422, 'policy_violation', 'The new password breaks the password rules.', { violations });
        }
        const account = state.accounts.get(user);
        account.password = newPassword.normalize('NFC');
        account.changedAt = state.clock.now();
        account.temp = null;
        state.sessions.close(changeToken);
        return noContent();
      },
    },
  },
];
