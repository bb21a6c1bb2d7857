import type { AxiosResponse } from 'axios';
import type { z } from 'zod';
import { AppFailure } from '../../../shared/errors';
import type { Logger } from '../../log/logger';
import type { GatewayTuning } from '../gateway';
import { createHttpClient, type HttpClient } from './http-client';
import type { PortalPath } from './paths';
import { failureOfRefusal, isRetryableStatus, refusalOf } from './refusals';
import type { Auth } from './session-keeper';
import { transportProblem, type TransportProblem } from './transport-error';

/** A transport failure that remembers whether the request may have reached the portal. */
export class PortalTransportFailure extends AppFailure {
  constructor(readonly problem: TransportProblem) {
    super(problem.code);
  }
}

export interface PortalRequest<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  at: PortalPath;
  params?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
  /** null: the answer has no body (204). */
  schema: z.ZodType<T> | null;
  auth: Auth;
  /** Only requests that change nothing (or only open a session) may be sent again. */
  retry: boolean;
  signal?: AbortSignal;
  /** A fresh connection: a stale pooled socket must never make a reset's outcome ambiguous. */
  fresh?: boolean;
  /** Told the portal's clock (its `Date` header, null if absent or unreadable) and ours when the answer arrived. */
  onClock?: (portalNow: number | null, localNow: number) => void;
}

/** Where the runner gets the token a request needs, and where it reports one the portal refused. */
export interface TokenSource {
  tokenFor(auth: Auth): Promise<string | null>;
  dropToken(auth: Auth, used: string | null): void;
  /** Aborted when the session the request belongs to ends (sign-out). */
  signal(): AbortSignal;
}

export interface RequestRunnerSetup {
  baseUrl: string;
  profileId: string;
  log: Logger;
  tuning: GatewayTuning;
}

/** Failures that happened before the request itself was sent (e.g. opening a session for it). */
const beforeSending = new WeakSet<object>();

/** True when the request never left: e.g. the session it needed could not be opened. */
export function failedBeforeSending(err: unknown): boolean {
  return err instanceof Object && beforeSending.has(err);
}

/**
 * Sends Portal API v1 requests: renews a refused session once, retries reads (never anything else) after
 * transport failures, 5xx and 429 within the `Retry-After` cap, and turns every answer into a parsed
 * schema value or an AppFailure. Nothing from axios escapes it.
 */
export class RequestRunner {
  private readonly pooled: HttpClient;
  private readonly fresh: HttpClient;

  constructor(private readonly setup: RequestRunnerSetup, private readonly tokens: TokenSource) {
    const t = setup.tuning;
    const base = { baseUrl: setup.baseUrl, responseTimeoutMs: t.responseTimeoutMs, connectTimeoutMs: t.connectTimeoutMs, maxBytes: t.maxBytes };
    this.pooled = createHttpClient({ ...base, keepAlive: true });
    this.fresh = createHttpClient({ ...base, keepAlive: false });
  }

  async execute<T>(request: PortalRequest<T>): Promise<T> {
    // Sign-out aborts every call of the session it ends, whoever else may also cancel it.
    const session = this.tokens.signal();
    const req = { ...request, signal: request.signal ? AbortSignal.any([request.signal, session]) : session };
    try {
      return await this.run(req);
    } catch (err) {
      if (session.aborted && !request.signal?.aborted && err instanceof AppFailure && (err.error.code === 'cancelled' || err.error.code === 'not_signed_in')) {
        // Still a transport failure that may have reached the portal: a reset in flight stays "unknown".
        throw new PortalTransportFailure({ code: 'not_signed_in', maybeSent: !failedBeforeSending(err), detail: 'signed_out' });
      }
      throw err;
    }
  }

  private async run<T>(req: PortalRequest<T>): Promise<T> {
    let retriesLeft = req.retry ? this.setup.tuning.maxReadRetries : 0;
    let renewalsLeft = req.auth.kind === 'none' ? 0 : 1;
    for (let attempt = 1; ; attempt++) {
      let token: string | null;
      try {
        token = await this.tokens.tokenFor(req.auth);
      } catch (err) {
        if (err instanceof Object) beforeSending.add(err);
        throw err;
      }
      const headers = token ? { ...req.headers, Authorization: `Bearer ${token}` } : req.headers;
      let res: AxiosResponse<string>;
      try {
        res = await this.sendOnce({ ...req, ...(headers ? { headers } : {}) }, attempt);
      } catch (err) {
        if (!(err instanceof PortalTransportFailure)) throw err;
        const transient = err.problem.code === 'portal_unreachable' || err.problem.code === 'portal_timeout';
        if (transient && retriesLeft > 0) {
          retriesLeft--;
          await this.pause(this.backoff(attempt), req.signal);
          continue;
        }
        throw err;
      }
      if (res.status >= 200 && res.status < 300) {
        const value = this.parse(req, res);
        const date = typeof res.headers.date === 'string' ? Date.parse(res.headers.date) : NaN;
        req.onClock?.(Number.isNaN(date) ? null : date, this.setup.tuning.now());
        return value;
      }
      const refusal = refusalOf(res.status, typeof res.data === 'string' ? res.data : '', res.headers['retry-after']);
      if (res.status === 401 && refusal.portalCode === 'session_expired' && renewalsLeft > 0) {
        renewalsLeft--;
        this.tokens.dropToken(req.auth, token);
        continue;
      }
      if (retriesLeft > 0 && isRetryableStatus(res.status)) {
        const waitMs = refusal.retryAfterSeconds !== undefined ? refusal.retryAfterSeconds * 1000 : this.backoff(attempt);
        if (waitMs <= this.setup.tuning.maxRetryWaitMs) {
          retriesLeft--;
          await this.pause(waitMs, req.signal);
          continue;
        }
      }
      throw failureOfRefusal(refusal);
    }
  }

  /** One HTTP exchange; logs method, path template, status and error code only. */
  async sendOnce<T>(req: PortalRequest<T>, attempt = 1): Promise<AxiosResponse<string>> {
    const started = Date.now();
    const client = req.fresh ? this.fresh : this.pooled;
    const where = { profile: this.setup.profileId, method: req.method, path: req.at.template };
    try {
      const res = await client.axios.request<string>({ method: req.method, url: req.at.path, params: req.params, data: req.body, headers: req.headers, signal: req.signal });
      this.setup.log.info('portal.call', { ...where, status: res.status, ms: Date.now() - started, attempt });
      return res;
    } catch (err) {
      const problem = transportProblem(err);
      this.setup.log.warn('portal.call_failed', { ...where, code: problem.detail, ms: Date.now() - started, attempt });
      throw new PortalTransportFailure(problem);
    }
  }

  /** Any HTTP answer at all means the portal is reachable. */
  async probe(path: string): Promise<boolean> {
    try {
      await this.pooled.axios.request({ method: 'GET', url: path, timeout: Math.min(this.setup.tuning.responseTimeoutMs, 5_000) });
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    this.pooled.destroy();
    this.fresh.destroy();
  }

  private parse<T>(req: PortalRequest<T>, res: AxiosResponse<string>): T {
    if (req.schema === null) return undefined as T;
    let json: unknown;
    try {
      json = JSON.parse(res.data);
    } catch {
      this.setup.log.warn('portal.bad_response', { method: req.method, path: req.at.template, status: res.status, reason: 'not_json' });
      throw new AppFailure('portal_bad_response');
    }
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) {
      this.setup.log.warn('portal.bad_response', { method: req.method, path: req.at.template, status: res.status, reason: 'schema', fields: parsed.error.issues.map((i) => i.path.join('.')).slice(0, 5) });
      throw new AppFailure('portal_bad_response');
    }
    return parsed.data;
  }

  private backoff(attempt: number): number {
    return this.setup.tuning.backoffMs * 2 ** (attempt - 1);
  }

  private pause(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new AppFailure('cancelled'));
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new AppFailure('cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
