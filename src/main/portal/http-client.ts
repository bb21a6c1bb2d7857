import axios, { type AxiosInstance } from 'axios';
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
  /** Keep connections open between requests; the reset path turns it off (see portal-gateway). */
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
 * One axios instance per portal profile, locked down: no redirects, no proxy from the environment,
 * size caps, and TLS verification that cannot be switched off by NODE_TLS_REJECT_UNAUTHORIZED because
 * the agent states `rejectUnauthorized: true` explicitly. Answers come back as text with any status so
 * the gateway alone decides what a status means and parses every body with the shared schemas.
 */
export interface HttpClient {
  axios: AxiosInstance;
  /** Closes pooled sockets so nothing keeps the process alive after the core closes. */
  destroy(): void;
}

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
  return {
    axios: instance,
    destroy: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
