import { z } from 'zod';
import { passwordResetRequest, updateEmailRequest } from '../../shared/portal-wire-v1/wire';
import type { DirCustomer, DirUser } from '../directory/model';
import { decodeCursor, encodeCursor, searchUsers } from '../directory/user-search';
import { isEmailAddress } from '../email-address';
import { fail, json, ReplyError } from '../http/reply';
import { parseBody, parseLimit, type SimRequest } from '../http/request';
import { issueTempPassword } from '../issue-temp-password';
import type { Route } from '../router';
import type { SimState } from '../state/sim-state';
import { requireSession } from './auth';
import { userOf, userSummaryOf } from './views';

// `email` must be present (null clears it), so a body without it is a 400, not a silent clear.
const patchBody = updateEmailRequest.extend({ email: z.union([z.string(), z.null()]) });

function capCustomer(req: SimRequest, state: SimState): DirCustomer {
  const session = requireSession(req, state, 'cap');
  const customer = state.directory.customer(session.customerId);
  if (!customer) throw new ReplyError(fail(404, 'not_found', 'The customer no longer exists.'));
  return customer;
}

/** A user of the token's customer; a user of any other customer is as unknown as a missing one. */
function capUser(req: SimRequest, state: SimState): DirUser {
  const customer = capCustomer(req, state);
  const user = req.params.userId === undefined ? undefined : state.directory.userIn(customer.index, req.params.userId);
  if (!user) throw new ReplyError(fail(404, 'not_found', 'This customer has no user with that User ID.'));
  return user;
}

export const capRoutes: Route[] = [
  {
    pattern: '/cap/v1/users',
    methods: {
      GET: (req, state) => {
        const customer = capCustomer(req, state);
        const limit = parseLimit(req.query.get('limit'));
        if (limit === undefined) return fail(400, 'invalid_request', 'limit must be a whole number from 1 to 200.');
        const sorted = state.directory.usersOf(customer.index);
        const rawCursor = req.query.get('cursor');
        const from = rawCursor === null ? 0 : decodeCursor(rawCursor, sorted.length);
        if (from === null) return fail(400, 'invalid_request', 'The cursor is not valid; start the search again.');
        const page = searchUsers(sorted, req.query.get('q') ?? '', limit, from);
        return json(200, { users: page.users.map((u) => userSummaryOf(u, state)), nextCursor: page.next === null ? null : encodeCursor(page.next) });
      },
    },
  },
  {
    pattern: '/cap/v1/users/:userId',
    methods: {
      GET: (req, state) => json(200, userOf(capUser(req, state), state)),
      PATCH: (req, state) => {
        const user = capUser(req, state);
        const { email } = parseBody(req, patchBody);
        if (email !== null && !isEmailAddress(email)) {
          return fail(422, 'invalid_email', 'An e-mail address needs a name, an @ and a domain such as example.com.');
        }
        state.accounts.get(user).email = email;
        return json(200, userOf(user, state));
      },
    },
  },
  {
    pattern: '/cap/v1/users/:userId/password-resets',
    methods: {
      POST: (req, state) => {
        const user = capUser(req, state);
        const key = req.headers['idempotency-key'];
        if (typeof key !== 'string' || key.length < 8 || key.length > 128) {
          return fail(400, 'idempotency_key_required', 'Send an Idempotency-Key header of 8 to 128 characters.');
        }
        // The body is optional (v1.1): no body at all is a reset without an expected Email.
        const { expectedEmail } = req.body.length === 0 ? {} : parseBody(req, passwordResetRequest);
        const account = state.accounts.get(user);
        const earlier = account.replies.get(key);
        if (earlier) return json(202, earlier);
        if (user.status === 'disabled') return fail(409, 'user_disabled', 'This user is disabled; no temporary password can be sent.');
        if (account.email === null) return fail(409, 'no_email', 'This user has no Email to send a temporary password to.');
        if (expectedEmail !== undefined && expectedEmail.toLowerCase() !== account.email.toLowerCase()) {
          return fail(409, 'email_changed', 'The user\'s Email is no longer the address you confirmed; nothing was sent. Read the user again and confirm the new address.');
        }
        const retryAfter = state.accounts.resetRetryAfterSeconds(account);
        if (retryAfter > 0) {
          return fail(429, 'too_many_resets', 'Too many temporary passwords for this user in the last hour.', { headers: { 'Retry-After': String(retryAfter) } });
        }
        const answer = issueTempPassword(state, user, account, account.email, 'password_reset');
        account.replies.set(key, answer);
        return json(202, answer);
      },
    },
  },
];
