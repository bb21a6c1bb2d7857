import { AppFailure, type ErrorCode } from '../../../shared/errors';
import { portalErrorBody } from '../../../shared/portal-wire-v1/wire';

/** Portal error codes that mean the same thing to the staffer; everything else is mapped below. */
const sameCode: ReadonlySet<string> = new Set<ErrorCode>([
  'invalid_credentials',
  'account_locked',
  'session_expired',
  'invalid_query',
  'not_found',
  'customer_suspended',
  'invalid_email',
  'user_disabled',
  'no_email',
  'email_changed',
  'too_many_resets',
]);

export interface PortalRefusal {
  status: number;
  /** The portal's own error code, or null when the body was not a Portal API error. */
  portalCode: string | null;
  retryAfterSeconds: number | undefined;
}

/** Reads `Retry-After` as seconds (number or HTTP date); absent or nonsense → undefined. */
export function retryAfterSeconds(header: unknown, now: number = Date.now()): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const n = Number(header);
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export function refusalOf(status: number, bodyText: string, retryAfterHeader: unknown): PortalRefusal {
  let portalCode: string | null = null;
  try {
    const parsed = portalErrorBody.safeParse(JSON.parse(bodyText));
    if (parsed.success) portalCode = parsed.data.error.code;
  } catch {
    // Not JSON: the status alone decides.
  }
  return { status, portalCode, retryAfterSeconds: retryAfterSeconds(retryAfterHeader) };
}

/** The portal's message text is never passed on: it is not ours to show and may echo input. */
export function failureOfRefusal(r: PortalRefusal): AppFailure {
  const extra = r.retryAfterSeconds !== undefined ? { retryAfterSeconds: r.retryAfterSeconds } : {};
  if (r.status >= 500) return new AppFailure('portal_error', extra);
  if (r.portalCode && sameCode.has(r.portalCode)) return new AppFailure(r.portalCode as ErrorCode, extra);
  if (r.status === 401) return new AppFailure('session_expired');
  if (r.status === 404) return new AppFailure('not_found');
  if (r.portalCode === 'invalid_request') return new AppFailure('invalid_input');
  if (r.status === 429 || r.status === 503) return new AppFailure('portal_error', extra);
  return new AppFailure('portal_bad_response');
}

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429;
}
