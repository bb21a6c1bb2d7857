import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Fault } from './faults';
import { readBody } from './http/read-body';
import { fail, ReplyError, type Reply } from './http/reply';
import type { SimRequest } from './http/request';
import { Router } from './router';
import { capRoutes } from './routes/cap';
import { mpnRoutes } from './routes/mpn';
import { papRoutes } from './routes/pap';
import { simControlRoutes } from './routes/sim-control';
import type { SimState } from './state/sim-state';

const router = new Router([...papRoutes, ...capRoutes, ...mpnRoutes, ...simControlRoutes]);

const MALFORMED_BODY = '{"this is": not JSON <html>';

/** The simulator's HTTP server. It logs nothing: request bodies and e-mails carry passwords. */
export function createSimServer(state: SimState): { server: Server; abort: AbortController } {
  const abort = new AbortController();
  const server = createServer((req, res) => {
    handle(req, res, state, abort.signal).catch(() => {
      if (!res.headersSent && !res.destroyed) write(res, fail(500, 'internal_error', 'The simulator failed to answer.'));
    });
  });
  server.on('clientError', (_err, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify({ error: { code: 'invalid_request', message: 'The request could not be read as HTTP.' } });
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  return { server, abort };
}

async function handle(req: IncomingMessage, res: ServerResponse, state: SimState, signal: AbortSignal): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const rawUrl = req.url ?? '/';
  const queryAt = rawUrl.indexOf('?');
  const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1));
  const isSim = pathname === '/_sim' || pathname.startsWith('/_sim/');

  let fault: Fault | undefined;
  if (!isSim) {
    state.stats.requests++;
    fault = state.faults.take(method, [pathname, safeDecode(pathname)]);
  }
  const { body, tooLarge } = await readBody(req);

  if (fault?.kind === 'status') return write(res, fail(fault.status, 'injected_fault', 'A fault was injected by the simulator.'));
  if (fault?.kind === 'malformed') return write(res, { status: 200, rawBody: MALFORMED_BODY });
  if (fault?.kind === 'latency') {
    try {
      await sleep(fault.latencyMs, undefined, { signal });
    } catch {
      return void res.destroy();
    }
  }

  const reply = await route({ method, pathname, query, headers: req.headers, body, params: {} }, tooLarge, state);
  if (fault?.kind === 'drop') return void req.socket.destroy();
  write(res, reply);
}

async function route(req: SimRequest, tooLarge: boolean, state: SimState): Promise<Reply> {
  const match = router.match(req.method, req.pathname);
  switch (match.kind) {
    case 'not_found':
      return fail(404, 'not_found', `There is no ${req.pathname}.`);
    case 'bad_encoding':
      return fail(400, 'invalid_request', 'The path is not correctly URL-encoded.');
    case 'method_not_allowed':
      return fail(405, 'method_not_allowed', `${req.method} is not allowed here; use ${match.allow.join(' or ')}.`, { headers: { Allow: match.allow.join(', ') } });
    case 'found':
      break;
  }
  if (tooLarge) return fail(413, 'payload_too_large', 'The request body is larger than 64 KiB.');
  try {
    return await match.handler({ ...req, params: match.params }, state);
  } catch (error) {
    if (error instanceof ReplyError) return error.reply;
    return fail(500, 'internal_error', 'The simulator failed to answer.');
  }
}

function write(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string | number> = { ...(reply.headers ?? {}) };
  let payload: string | undefined;
  if (reply.rawBody !== undefined) payload = reply.rawBody;
  else if (reply.body !== undefined && reply.status !== 204) payload = JSON.stringify(reply.body);
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    headers['Content-Length'] = Buffer.byteLength(payload);
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
