import { AxiosError, isCancel } from 'axios';
import type { ErrorCode } from '../../../shared/errors';
import { connectTimeoutCode } from './http-client';

/**
 * What went wrong below HTTP, reduced to a code and whether the request may have reached the portal.
 * `maybeSent` matters only for resets: when false, the reset certainly did not happen.
 */
export interface TransportProblem {
  code: ErrorCode;
  maybeSent: boolean;
  /** Safe to log: an errno-style code or the error class, never a message (messages can hold URLs). */
  detail: string;
}

const neverSent = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', connectTimeoutCode]);
const tlsCodes = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_|ERR_SSL_|HOSTNAME_|EPROTO$)/;

export function transportProblem(err: unknown): TransportProblem {
  if (isCancel(err) || (err instanceof Error && err.name === 'AbortError')) return { code: 'cancelled', maybeSent: true, detail: 'cancelled' };
  if (!(err instanceof AxiosError)) return { code: 'internal_error', maybeSent: true, detail: err instanceof Error ? err.name : typeof err };
  const causeCode = (err.cause as { code?: unknown } | undefined)?.code;
  const code = typeof causeCode === 'string' ? causeCode : (err.code ?? 'unknown');
  if (tlsCodes.test(code)) return { code: 'portal_insecure', maybeSent: false, detail: code };
  if (neverSent.has(code)) return { code: 'portal_unreachable', maybeSent: false, detail: code };
  if (err.code === AxiosError.ETIMEDOUT || err.code === AxiosError.ECONNABORTED || code === 'ETIMEDOUT') return { code: 'portal_timeout', maybeSent: true, detail: code };
  if (err.code === AxiosError.ERR_BAD_RESPONSE || err.code === AxiosError.ERR_FR_TOO_MANY_REDIRECTS) return { code: 'portal_bad_response', maybeSent: true, detail: err.code };
  if (err.code === AxiosError.ERR_BAD_REQUEST || err.code === AxiosError.ERR_INVALID_URL) return { code: 'internal_error', maybeSent: false, detail: err.code };
  // ECONNRESET, EPIPE, "socket hang up": the connection died after it was opened.
  return { code: 'portal_unreachable', maybeSent: true, detail: code };
}
