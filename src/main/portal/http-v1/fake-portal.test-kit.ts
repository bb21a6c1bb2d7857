import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import { silentLogger } from '../../log/logger';
import type { GatewayTuning } from '../gateway';
import { HttpV1Gateway } from './http-v1-gateway';

/** Shared by the http-v1 tests: tiny fake portals on 127.0.0.1 and a gateway with short timeouts. */

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

export const future = () => new Date(Date.now() + 30 * 60_000).toISOString();
export const customerJson = { id: 'C1', name: 'Acme', accountNumber: null, status: 'active', city: null, userCount: 1, address: null, primaryContact: null, createdAt: new Date().toISOString() };

export const closers: (() => void)[] = [];
afterEach(() => {
  while (closers.length) closers.pop()!();
});

/** A tiny fake portal: records every request and answers with `handler`. */
export async function fakePortal(handler: Handler, server: http.Server = http.createServer()) {
  const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  server.on('request', (req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url === '/pap/v1/sessions' && req.method === 'POST') {
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `t${seen.length}`, expiresAt: future() }));
        return;
      }
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  const port = (server.address() as AddressInfo).port;
  return { seen, port, url: `http://127.0.0.1:${port}` };
}

export function gateway(baseUrl: string, extra: Partial<GatewayTuning> & { credentials?: () => Promise<{ username: string; password: string } | null> } = {}) {
  const { credentials, ...tuning } = extra;
  const g = new HttpV1Gateway({
    baseUrl,
    profileId: 'test',
    credentials: credentials ?? (async () => ({ username: 'u', password: 'p' })),
    log: silentLogger,
    tuning: { responseTimeoutMs: 1_000, connectTimeoutMs: 500, backoffMs: 10, ...tuning },
  });
  closers.push(() => g.close());
  return g;
}

export async function failureCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(AppFailure);
    return (err as AppFailure).error.code;
  }
}

export const json = (res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

