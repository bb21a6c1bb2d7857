import { fail, ReplyError } from '../http/reply';
import { bearerToken, type SimRequest } from '../http/request';
import type { Session } from '../state/sessions';
import type { SimState } from '../state/sim-state';

/** The live session of the given kind behind the request's bearer token, or a 401 session_expired. */
export function requireSession<K extends Session['kind']>(req: SimRequest, state: SimState, kind: K): Extract<Session, { kind: K }> {
  const session = state.sessions.use(bearerToken(req), kind);
  if (!session) throw new ReplyError(fail(401, 'session_expired', 'The session is missing, unknown or expired. Sign in again.'));
  return session;
}
