import axios, { AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';

export interface HttpClientOptions {
  baseUrl: string;
  /** Time allowed from sending to the whole answer arriving. */
  responseTimeoutMs: number;
  /** Time allowed to open the TCP connection; a portal that never accepts is "unreachable", not "slow". */
  connectTimeoutMs: number;
  /** Cap on request and (decompressed) response bodies. */
  maxBytes: number;
  /** Keep connections open between requests; the reset path turns it off (see request-runner). */
  keepAlive: boolean;
}

/** Marks a socket destroyed because it never connected, so the error mapper knows nothing was sent. */
export const connectTimeoutCode = 'ERR_PORTAL_CONNECT_TIMEOUT';

type CreateConnection = (options: unknown, callback?: unknown) => Socket;

function withConnectTimeout<A extends http.Agent>(agent: A, timeoutMs: number): A {
  const target = agent as unknown as { createConnection: CreateConnection };
  const original = target.createConnection.bind(agent);
  target.createConnection = (options, callback) => {
    const socket = original(options, callback);
    const timer = setTimeout(() => {
      socket.destroy(Object.assign(new Error('connect timeout'), { code: connectTimeoutCode }));
    }, timeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    socket.once('connect', clear);
    socket.once('close', clear);
    return socket;
  };
  return agent;
}

/**
 * axios's `timeout` is an idle timer once the answer's headers have arrived: a portal that trickles its
 * body a byte at a time would never time out. Every request gets a wall-clock deadline (its own
 * `timeout`, else the client's) from sending to the whole answer; when it passes, the request is aborted
 * and fails like any other timeout (ETIMEDOUT → portal_timeout).
 */
function withDeadline(instance: AxiosInstance, defaultMs: number): void {
  const deadlines = new WeakMap<object, { timer: NodeJS.Timeout; ms: number; fired: boolean }>();
  const finish = (config: unknown) => {
    if (!config || typeof config !== 'object') return undefined;
    const state = deadlines.get(config);
    if (state) clearTimeout(state.timer);
    deadlines.delete(config);
    return state;
  };
  instance.interceptors.request.use((config: InternalAxiosRequestConfig) => {
    const ms = typeof config.timeout === 'number' && config.timeout > 0 ? config.timeout : defaultMs;
    const controller = new AbortController();
    const state = { ms, fired: false, timer: setTimeout(() => { state.fired = true; controller.abort(); }, ms) };
    const callerSignal = config.signal as AbortSignal | undefined;
    config.signal = callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal;
    deadlines.set(config, state);
    return config;
  });
  instance.interceptors.response.use(
    (res) => {
      finish(res.config);
      return res;
    },
    (err: unknown) => {
      const config = (err as { config?: InternalAxiosRequestConfig } | null)?.config;
      const state = finish(config);
      if (state?.fired) return Promise.reject(new AxiosError(`timeout of ${state.ms}ms exceeded`, AxiosError.ETIMEDOUT, config));
      return Promise.reject(err);
    },
  );
}

export interface HttpClient {
  axios: AxiosInstance;
  /** Closes pooled sockets so nothing keeps the process alive after the core closes. */
  destroy(): void;
}

/**
 * One axios instance per portal profile, locked down: no redirects, no proxy from the environment,
 * size caps, and TLS verification that cannot be switched off by NODE_TLS_REJECT_UNAUTHORIZED because
 * the agent states `rejectUnauthorized: true` explicitly. Answers come back as text with any status so
 * the gateway alone decides what a status means and parses every body with the shared schemas.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const httpAgent = withConnectTimeout(new http.Agent({ keepAlive: options.keepAlive }), options.connectTimeoutMs);
  const httpsAgent = withConnectTimeout(
    new https.Agent({ keepAlive: options.keepAlive, rejectUnauthorized: true, minVersion: 'TLSv1.2' }),
    options.connectTimeoutMs,
  );
  const instance = axios.create({
    baseURL: options.baseUrl,
    allowAbsoluteUrls: false,
    timeout: options.responseTimeoutMs,
    maxContentLength: options.maxBytes,
    maxBodyLength: options.maxBytes,
    maxRedirects: 0,
    decompress: true,
    proxy: false,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: false, forcedJSONParsing: false },
    httpAgent,
    httpsAgent,
    headers: { Accept: 'application/json' },
  });
  withDeadline(instance, options.responseTimeoutMs);
  return {
    axios: instance,
    destroy: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
