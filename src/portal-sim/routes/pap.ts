import { timingSafeEqual } from 'node:crypto';
import { signInRequest } from '../../shared/portal-wire-v1/wire';
import { fail, json, noContent, ReplyError } from '../http/reply';
import { bearerToken, parseBody, parseLimit } from '../http/request';
import type { Route } from '../router';
import { iso } from '../state/clock';
import type { SimState } from '../state/sim-state';
import { requireSession } from './auth';
import { readCallerQuery } from '../directory/caller-query';
import { callerHitOf, customerOf, customerSummaryOf } from './views';

const MAX_QUERY_CHARS = 100;

/** The search text of a query parameter, or a 400 invalid_query that says what to type. */
function searchText(raw: string | null, what: string): string {
  if (raw === null || raw.trim().length === 0) throw new ReplyError(fail(400, 'invalid_query', `Type ${what} to search for.`));
  if ([...raw].length > MAX_QUERY_CHARS) throw new ReplyError(fail(400, 'invalid_query', `The search text may have at most ${MAX_QUERY_CHARS} characters.`));
  return raw;
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

function customerOr404(state: SimState, id: string | undefined) {
  const customer = id === undefined ? undefined : state.directory.customer(id);
  if (!customer) throw new ReplyError(fail(404, 'not_found', 'No customer has this id.'));
  return customer;
}

export const papRoutes: Route[] = [
  {
    pattern: '/pap/v1/sessions',
    methods: {
      POST: (req, state) => {
        const { username, password } = parseBody(req, signInRequest);
        const locked = state.lockouts.retryAfterSeconds(username);
        if (locked > 0) {
          return fail(423, 'account_locked', 'Too many failed sign-ins: this account is locked for a while.', { headers: { 'Retry-After': String(locked) } });
        }
        const admin = state.parentAdmins.find((a) => a.username === username);
        if (!admin || !sameText(admin.password, password)) {
          state.lockouts.recordFailure(username);
          return fail(401, 'invalid_credentials', 'The username or password is wrong.');
        }
        state.lockouts.recordSuccess(username);
        const { token, expiresAt } = state.sessions.open({ kind: 'parent', username });
        return json(201, { token, expiresAt: iso(expiresAt) });
      },
    },
  },
  {
    pattern: '/pap/v1/sessions/current',
    methods: {
      DELETE: (req, state) => {
        requireSession(req, state, 'parent');
        const token = bearerToken(req);
        if (token) state.sessions.close(token);
        return noContent();
      },
    },
  },
  {
    pattern: '/pap/v1/customers',
    methods: {
      GET: (req, state) => {
        requireSession(req, state, 'parent');
        const name = req.query.get('name');
        const limit = parseLimit(req.query.get('limit'));
        if (name === null || name.trim().length === 0) return fail(400, 'invalid_query', 'Type a customer name to search for.');
        if ([...name].length > MAX_QUERY_CHARS) return fail(400, 'invalid_query', `The name may have at most ${MAX_QUERY_CHARS} characters.`);
        if (limit === undefined) return fail(400, 'invalid_query', 'limit must be a whole number from 1 to 200.');
        const byName = state.directory.search.search(name, limit);
        // Project extension: a query equal to an account number finds that customer first.
        const byAccount = state.directory.withAccountNumber(name);
        const indexes = [...byAccount, ...byName.indexes.filter((i) => !byAccount.includes(i))].slice(0, limit);
        const total = byName.total + byAccount.filter((i) => !byName.indexes.includes(i)).length;
        const customers = indexes.flatMap((i) => {
          const c = state.directory.customers[i];
          return c ? [customerSummaryOf(c)] : [];
        });
        return json(200, { customers, total });
      },
    },
  },
  {
    // v1.1 "Find caller": one query across every customer's users; the parent token is enough.
    pattern: '/pap/v1/users',
    methods: {
      GET: (req, state) => {
        requireSession(req, state, 'parent');
        const q = searchText(req.query.get('q'), 'a phone number, e-mail address, User ID, name or extension');
        const limit = parseLimit(req.query.get('limit'));
        if (limit === undefined) return fail(400, 'invalid_query', 'limit must be a whole number from 1 to 200.');
        const emails = { emailOf: state.accounts.emailOf.bind(state.accounts), userIdsNowWithEmail: state.accounts.userIdsNowWithEmail.bind(state.accounts) };
        const { hits, total } = state.directory.callers().search(readCallerQuery(q), limit, emails);
        return json(200, { users: hits.map((hit) => callerHitOf(hit, state)), total });
      },
    },
  },
  {
    pattern: '/pap/v1/customers/:customerId',
    methods: {
      GET: (req, state) => {
        requireSession(req, state, 'parent');
        return json(200, customerOf(customerOr404(state, req.params.customerId)));
      },
    },
  },
  {
    pattern: '/pap/v1/customers/:customerId/cap-sessions',
    methods: {
      POST: (req, state) => {
        requireSession(req, state, 'parent');
        const customer = customerOr404(state, req.params.customerId);
        if (customer.status === 'suspended') return fail(403, 'customer_suspended', 'This customer is suspended; its Admin Portal cannot be opened.');
        const { token, expiresAt } = state.sessions.open({ kind: 'cap', customerId: customer.id });
        return json(201, { capToken: token, expiresAt: iso(expiresAt) });
      },
    },
  },
];
