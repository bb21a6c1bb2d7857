import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';

/**
 * Local "portals" that misbehave on purpose, all on 127.0.0.1 with a free port. Each one counts what it
 * saw so a test can tell "refused before sending" from "sent and then refused".
 */
export interface HostileServer {
  url: string;
  /** HTTP requests that reached the handler (for TLS: after a successful handshake). */
  requests: number;
  /** TCP connections accepted. */
  connections: number;
  close(): Promise<void>;
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function track(server: net.Server, state: { connections: number }): Set<net.Socket> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

function closer(server: net.Server, sockets: Set<net.Socket>): () => Promise<void> {
  return async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

/** An HTTP server whose every answer is `handler`'s; counts requests and connections. */
export async function startHttpServer(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<HostileServer> {
  const state = { requests: 0, connections: 0 };
  const server = http.createServer((req, res) => {
    state.requests++;
    handler(req, res);
  });
  const sockets = track(server, state);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get connections() {
      return state.connections;
    },
    close: closer(server, sockets),
  };
}

/** Accepts TCP connections and never writes a byte back. */
export async function startStalledServer(): Promise<HostileServer> {
  const state = { requests: 0, connections: 0 };
  const server = net.createServer(() => {});
  const sockets = track(server, state);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests: 0,
    get connections() {
      return state.connections;
    },
    close: closer(server, sockets),
  };
}

export interface SelfSignedCert {
  key: string;
  cert: string;
}

/** A throw-away self-signed certificate for 127.0.0.1, made with the machine's openssl. */
export async function makeSelfSignedCert(): Promise<SelfSignedCert> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'self-signed-'));
  try {
    const keyPath = path.join(dir, 'key.pem');
    const certPath = path.join(dir, 'cert.pem');
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1', '-keyout', keyPath, '-out', certPath],
        { stdio: 'pipe' },
      );
    } catch (err) {
      // Failing, not skipping: without a certificate the TLS checks would prove nothing.
      throw new Error(`The TLS tests need the openssl command to make a self-signed certificate (apt-get install openssl): ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
    }
    return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An HTTPS server with a self-signed certificate; answers every request that gets through with a valid session. */
export async function startSelfSignedHttpsServer(cert: SelfSignedCert): Promise<HostileServer> {
  const state = { requests: 0, connections: 0 };
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    state.requests++;
    req.resume();
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token: 'x'.repeat(32), expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
  });
  const sockets = track(server, state);
  const port = await listen(server);
  return {
    url: `https://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get connections() {
      return state.connections;
    },
    close: closer(server, sockets),
  };
}

/**
 * A gzip stream of `inflatedBytes` zeros: about 1 KB of gzip per MB inflated. Built chunk by chunk so
 * the test process itself never holds the inflated bytes.
 */
export async function gzipBomb(inflatedBytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  const chunk = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < inflatedBytes; written += chunk.length) {
    if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(parts);
}

/** Samples the process's memory while `action` runs; answers the largest growth seen, in bytes. */
export async function peakMemoryGrowth<T>(action: () => Promise<T>): Promise<{ result: T; rssGrowth: number; heapGrowth: number }> {
  globalThis.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed + base.arrayBuffers;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await action();
    sample();
    return { result, rssGrowth: peakRss - base.rss, heapGrowth: peakHeap - (base.heapUsed + base.arrayBuffers) };
  } finally {
    clearInterval(timer);
  }
}
