import type { PortalErrorCode } from '../../shared/portal-wire-v1/wire';

/** What a route answers; the server decides whether to write it, delay it or drop it. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as-is instead of JSON (the `malformed` fault). */
  rawBody?: string;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, ...(headers ? { headers } : {}) });

export const noContent = (): Reply => ({ status: 204 });

export type ErrorCode = PortalErrorCode | 'internal_error';

export function fail(
  status: number,
  code: ErrorCode,
  message: string,
  extra: { changeToken?: string; violations?: { rule: string; message: string }[]; headers?: Record<string, string> } = {},
): Reply {
  const { headers, ...fields } = extra;
  return { status, body: { error: { code, message, ...fields } }, ...(headers ? { headers } : {}) };
}

/** Thrown inside a route to answer an error without threading it through every return. */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super('reply');
  }
}
