import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import { fail, ReplyError } from './reply';

/** A request as routes see it: decoded path parameters, query and the raw body bytes. */
export interface SimRequest {
  method: string;
  pathname: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function bearerToken(req: SimRequest): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer +(\S+) *$/i.exec(header) : null;
  return match?.[1];
}

/** Parses the JSON body with a schema; malformed JSON, a missing field or a wrong type is 400 invalid_request. */
export function parseBody<T extends z.ZodType>(req: SimRequest, schema: T): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw new ReplyError(fail(400, 'invalid_request', 'The request body is not valid JSON.'));
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    throw new ReplyError(fail(400, 'invalid_request', `The request body is not valid: ${where}: ${issue?.message ?? 'invalid'}.`));
  }
  return result.data;
}

/** A `limit` query parameter: absent → default; otherwise an integer 1–200, or undefined when bad. */
export function parseLimit(raw: string | null, fallback = 50): number | undefined {
  if (raw === null) return fallback;
  if (!/^[0-9]{1,3}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= 200 ? n : undefined;
}
