import { AppFailure } from '../../../shared/errors';

/**
 * Every Portal API v1 path the console calls (nothing outside http-v1 knows them), built from templates. Identifiers are URL-encoded so a User ID
 * like `jsmith@acme.voip` (or anything hostile) can only ever be one path segment; no absolute URL is
 * ever built from input. `template` is what gets logged, never the identifiers.
 */
export interface PortalPath {
  path: string;
  template: string;
}

/**
 * `.` and `..` survive encodeURIComponent and URL parsing would resolve them (even as %2E), climbing
 * out of the intended route; no portal identifier is ever one of them, so they are refused.
 */
function seg(identifier: string): string {
  if (identifier === '.' || identifier === '..') throw new AppFailure('invalid_input');
  return encodeURIComponent(identifier);
}

export const portalPaths = {
  sessions: (): PortalPath => ({ path: '/pap/v1/sessions', template: '/pap/v1/sessions' }),
  currentSession: (): PortalPath => ({ path: '/pap/v1/sessions/current', template: '/pap/v1/sessions/current' }),
  customers: (): PortalPath => ({ path: '/pap/v1/customers', template: '/pap/v1/customers' }),
  customer: (customerId: string): PortalPath => ({ path: `/pap/v1/customers/${seg(customerId)}`, template: '/pap/v1/customers/{customerId}' }),
  capSessions: (customerId: string): PortalPath => ({
    path: `/pap/v1/customers/${seg(customerId)}/cap-sessions`,
    template: '/pap/v1/customers/{customerId}/cap-sessions',
  }),
  callers: (): PortalPath => ({ path: '/pap/v1/users', template: '/pap/v1/users' }),
  users: (): PortalPath => ({ path: '/cap/v1/users', template: '/cap/v1/users' }),
  user: (userId: string): PortalPath => ({ path: `/cap/v1/users/${seg(userId)}`, template: '/cap/v1/users/{userId}' }),
  passwordResets: (userId: string): PortalPath => ({
    path: `/cap/v1/users/${seg(userId)}/password-resets`,
    template: '/cap/v1/users/{userId}/password-resets',
  }),
};
