/** What a portal answered, or why it did not. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body; undefined when there is none or it is not JSON. */
  json: unknown;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as-is (malformed JSON, oversized bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
}

const TIMEOUT_MS = 20_000;

export class NoAnswer extends Error {}

/**
 * A thin HTTP client over Node's fetch. Certificates are verified (fetch's default, never turned
 * off); redirects are not followed, because a portal that redirects an API call breaks the contract.
 */
export class PortalClient {
  constructor(readonly baseUrl: string) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new NoAnswer(`no answer to ${method} ${path}: ${causeOf(error)}`);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return (error as Error).message;
}

const SECRET_KEYS = /^(token|capToken|changeToken|password|newPassword|tempPassword)$/;

/** A short, secret-free description of an answer for a FAIL line: status and body with tokens blanked. */
export function describe(answer: Answer): string {
  let body: string;
  if (answer.json !== undefined) body = JSON.stringify(answer.json, (key, value: unknown) => (SECRET_KEYS.test(key) && typeof value === 'string' ? '…' : value));
  else body = answer.text.length === 0 ? '(no body)' : `not JSON: ${JSON.stringify(answer.text.slice(0, 80))}`;
  return `${answer.status} ${body.length > 240 ? `${body.slice(0, 240)}…` : body}`;
}
