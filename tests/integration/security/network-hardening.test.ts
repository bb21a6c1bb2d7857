import https from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../../src/main/core/create-core';
import { createLogger } from '../../../src/main/log/logger';
import { createMemoryVault } from '../../../src/main/vault/memory-vault';
import { startSimulator } from '../../../src/portal-sim/index';
import type { Result } from '../../../src/shared/errors';
import {
  gzipBomb,
  makeSelfSignedCert,
  peakMemoryGrowth,
  startHttpServer,
  startSelfSignedHttpsServer,
  startStalledServer,
  type HostileServer,
} from './hostile-servers';

/**
 * The portal gateway against local servers that misbehave on purpose, driven the way the renderer drives
 * it: `auth:signIn` through the core's dispatcher, from the allowed origin's top frame. Every server is on
 * 127.0.0.1; nothing here leaves the machine. Measurements are printed with a `[network-hardening]` prefix.
 */

const origin = 'app://console';
const canary = 'Canary-7f3a9-Pw!';
const responseTimeoutMs = 1_000;
const connectTimeoutMs = 500;

interface TestCore {
  core: Core;
  logs: string[];
  signIn(url: string): Promise<Result<unknown>>;
  close(): Promise<void>;
}

const allLogs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

async function openCore(gateway: CoreOptions['gateway'] = {}): Promise<TestCore> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'network-hardening-'));
  const logs: string[] = [];
  const core = await createCore({
    host: 'browser',
    version: '0.0.0-test',
    userDataDir: dir,
    portalOverride: null,
    allowedOrigin: origin,
    log: createLogger((line) => {
      logs.push(line);
      allLogs.push(line);
    }),
    startDemoPortal: async () => {
      throw new Error('no demo portal in this test');
    },
    keychain: Object.assign(createMemoryVault(), { probe: async () => {} }),
    gateway: { responseTimeoutMs, connectTimeoutMs, backoffMs: 20, maxRetryWaitMs: 500, ...gateway },
  });
  const t: TestCore = {
    core,
    logs,
    signIn: (url) =>
      core.dispatcher.dispatch('auth:signIn', { portal: { mode: 'url', url }, username: 'helpdesk', password: canary, storage: 'session' }, { origin, isTopFrame: true }),
    close: async () => {
      await core.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  cleanups.push(t.close);
  return t;
}

function serve(server: HostileServer): HostileServer {
  cleanups.push(() => server.close());
  return server;
}

const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
const report = (what: string, value: unknown) => console.log(`[network-hardening] ${what}: ${JSON.stringify(value)}`);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(() => {
  // Whatever failed above, no log line carried the password (plain, URL-encoded or base64).
  const text = allLogs.join('\n');
  for (const form of [canary, encodeURIComponent(canary), Buffer.from(canary).toString('base64')]) expect(text).not.toContain(form);
});

describe('TLS: a self-signed portal certificate is never trusted (the only TLS tests; they fail, never skip, without openssl)', () => {
  it('refuses a self-signed HTTPS portal on 127.0.0.1 with portal_insecure, before any request (or password) is sent', async () => {
    const cert = await makeSelfSignedCert();
    const server = serve(await startSelfSignedHttpsServer(cert));
    // Control: the server works for a client that trusts this exact certificate.
    const control = await new Promise<number>((resolve, reject) => {
      https.get(`${server.url}/pap/v1/session`, { ca: cert.cert }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(control).toBe(201);
    const before = server.requests;

    const t = await openCore();
    const r = await t.signIn(server.url);
    expect(codeOf(r)).toBe('portal_insecure');
    expect(server.connections).toBeGreaterThan(1); // it did try: the refusal is the certificate's, not a dead port
    expect(server.requests - before).toBe(0); // the handshake failed, so no HTTP request (and no password) got through
    report('self-signed', { code: codeOf(r), connections: server.connections, requestsAfterHandshake: server.requests - before });
  });

  /* eslint-disable no-restricted-syntax -- this test sets the variable on purpose, to prove the gateway ignores it */
  it('NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment does not switch verification off', async () => {
    const cert = await makeSelfSignedCert();
    const server = serve(await startSelfSignedHttpsServer(cert));
    const saved = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    const emitWarning = process.emitWarning;
    // Node warns once about this variable; the warning is expected here and kept out of the output.
    process.emitWarning = (() => {}) as typeof process.emitWarning;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      // Control: with the variable set, a plain Node client does accept the self-signed certificate…
      const plain = await new Promise<number>((resolve, reject) => {
        https.get(`${server.url}/`, { agent: new https.Agent() }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
      expect(plain).toBe(201);
      const before = server.requests;
      // …but the console's gateway still refuses it.
      const t = await openCore();
      const r = await t.signIn(server.url);
      expect(codeOf(r)).toBe('portal_insecure');
      expect(server.requests - before).toBe(0);
      report('self-signed with NODE_TLS_REJECT_UNAUTHORIZED=0', { code: codeOf(r), requestsAfterHandshake: server.requests - before });
    } finally {
      if (saved === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = saved;
      process.emitWarning = emitWarning;
    }
  });
  /* eslint-enable no-restricted-syntax */
});

describe('timeouts: a portal that stops answering cannot hang the console', () => {
  it('a stalled server (accepts, never answers) fails with portal_timeout within the timeout plus a second', async () => {
    const server = serve(await startStalledServer());
    const t = await openCore({ maxReadRetries: 0 });
    const started = performance.now();
    const r = await t.signIn(server.url);
    const elapsed = performance.now() - started;
    expect(codeOf(r)).toBe('portal_timeout');
    expect(server.connections).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(responseTimeoutMs - 50);
    expect(elapsed).toBeLessThan(responseTimeoutMs + 1_000);
    report('stalled, no retries', { code: codeOf(r), elapsedMs: Math.round(elapsed), boundMs: responseTimeoutMs + 1_000 });
  });

  it('with read retries allowed, a sign-in to a stalled server is still sent once (each try counts towards the lockout) and fails within the timeout plus a second', async () => {
    const server = serve(await startStalledServer());
    const t = await openCore({ maxReadRetries: 2 });
    const started = performance.now();
    const r = await t.signIn(server.url);
    const elapsed = performance.now() - started;
    const bound = responseTimeoutMs + 1_000;
    expect(codeOf(r)).toBe('portal_timeout');
    expect(server.connections).toBe(1);
    expect(elapsed).toBeLessThan(bound);
    report('stalled, retries allowed', { code: codeOf(r), elapsedMs: Math.round(elapsed), attempts: server.connections, boundMs: bound });
  });

  it('a server that trickles its answer one byte at a time fails within the timeout plus a second', async () => {
    const server = serve(
      await startHttpServer((req, res) => {
        req.resume();
        res.writeHead(201, { 'content-type': 'application/json' });
        res.write(' ');
        const drip = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(drip));
      }),
    );
    const t = await openCore({ maxReadRetries: 0 });
    const started = performance.now();
    const r = await t.signIn(server.url);
    const elapsed = performance.now() - started;
    expect(codeOf(r)).toBe('portal_timeout');
    expect(elapsed).toBeLessThan(responseTimeoutMs + 1_000);
    report('trickle', { code: codeOf(r), elapsedMs: Math.round(elapsed), boundMs: responseTimeoutMs + 1_000 });
  });
});

describe('size caps: an oversized or inflating answer is refused without exhausting memory', () => {
  const mb = 1024 * 1024;

  it.each([
    ['with content-length', true],
    ['chunked, without content-length', false],
  ])('a 10 MB body (%s) is refused with portal_bad_response', async (_label, withLength) => {
    const body = Buffer.alloc(10 * mb, 0x20);
    const server = serve(
      await startHttpServer((req, res) => {
        req.resume();
        res.writeHead(201, { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(body.length) } : {}) });
        res.end(body);
      }),
    );
    const t = await openCore({ maxReadRetries: 0 });
    const { result, rssGrowth, heapGrowth } = await peakMemoryGrowth(() => t.signIn(server.url));
    expect(codeOf(result)).toBe('portal_bad_response');
    expect(heapGrowth).toBeLessThan(32 * mb);
    report(`10 MB body ${withLength ? 'with' : 'without'} content-length`, { code: codeOf(result), rssGrowthMB: +(rssGrowth / mb).toFixed(1), heapGrowthMB: +(heapGrowth / mb).toFixed(1) });
  });

  it('a gzip bomb (about 1 MB on the wire, 1 GB inflated) is refused with portal_bad_response, memory stays flat', async () => {
    const inflated = 1024 * mb;
    const bomb = await gzipBomb(inflated);
    expect(bomb.length).toBeLessThan(1.5 * mb);
    const server = serve(
      await startHttpServer((req, res) => {
        req.resume();
        res.writeHead(201, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
        res.end(bomb);
      }),
    );
    const t = await openCore({ maxReadRetries: 0 });
    const started = performance.now();
    const { result, rssGrowth, heapGrowth } = await peakMemoryGrowth(() => t.signIn(server.url));
    const elapsed = performance.now() - started;
    expect(codeOf(result)).toBe('portal_bad_response');
    expect(heapGrowth).toBeLessThan(32 * mb);
    expect(rssGrowth).toBeLessThan(128 * mb);
    report('gzip bomb', { code: codeOf(result), gzipBytes: bomb.length, inflatedMB: inflated / mb, elapsedMs: Math.round(elapsed), rssGrowthMB: +(rssGrowth / mb).toFixed(1), heapGrowthMB: +(heapGrowth / mb).toFixed(1) });
  });
});

describe('redirects and proxies: the password goes to the configured portal and nowhere else', () => {
  it.each([302, 307, 308])('a %i to another origin is not followed: the other server sees zero requests', async (status) => {
    const elsewhere = serve(
      await startHttpServer((req, res) => {
        req.resume();
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ token: 'stolen', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
      }),
    );
    const portal = serve(
      await startHttpServer((req, res) => {
        req.resume();
        res.writeHead(status, { location: `${elsewhere.url}${req.url ?? '/'}` });
        res.end();
      }),
    );
    const t = await openCore();
    const r = await t.signIn(portal.url);
    // An unfollowed redirect is an answer the console does not understand, not a success or a crash.
    expect(codeOf(r)).toBe('portal_bad_response');
    expect(portal.requests).toBeGreaterThanOrEqual(1);
    expect(elsewhere.requests).toBe(0);
    expect(elsewhere.connections).toBe(0);
    report(`redirect ${status}`, { code: codeOf(r), portalRequests: portal.requests, otherOriginRequests: elsewhere.requests });
  });

  it('HTTP_PROXY / HTTPS_PROXY in the environment are ignored: the proxy sees zero requests', async () => {
    const proxy = serve(
      await startHttpServer((req, res) => {
        req.resume();
        res.writeHead(502);
        res.end();
      }),
    );
    const sim = await startSimulator({ port: 0, data: { parentAdmins: [{ username: 'helpdesk', password: canary }], customers: [] } });
    cleanups.push(() => sim.close());
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, HTTPS_PROXY: process.env.HTTPS_PROXY, http_proxy: process.env.http_proxy, NO_PROXY: process.env.NO_PROXY, no_proxy: process.env.no_proxy };
    Object.assign(process.env, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, http_proxy: proxy.url });
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    try {
      const t = await openCore();
      const r = await t.signIn(sim.url);
      expect(codeOf(r)).toBe('ok');
      expect(proxy.requests).toBe(0);
      expect(proxy.connections).toBe(0);
      report('proxy env', { code: codeOf(r), proxyRequests: proxy.requests });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
