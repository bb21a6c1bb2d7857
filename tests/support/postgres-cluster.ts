import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort as freePort } from '../../src/main/core/free-port';

/**
 * A throw-away PostgreSQL cluster in a temp folder on a free loopback port, for tests and benchmarks.
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (runuser).
 */
const binDir = process.env.PG_BIN_DIR || newestDebianBinDir();

function newestDebianBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return path.join(root, versions[0] ?? '15', 'bin');
}

export interface ClusterOptions {
  /** pg_hba lines placed before the default "trust on loopback" ones (e.g. scram for one role). */
  hbaFirst?: string[];
  /** Extra postgresql.conf lines. */
  conf?: string[];
  /** TLS: PEM paths of the server certificate and key (copied into the data folder). */
  tls?: { certFile: string; keyFile: string };
  /** fsync off makes a test cluster fast; benchmarks keep the default (on). */
  durable?: boolean;
}

export interface PgCluster {
  port: number;
  dir: string;
  /** postgres://USER@127.0.0.1:PORT/DB */
  url(user?: string, db?: string): string;
  /** Runs SQL through psql as the superuser `admin` (ON_ERROR_STOP). */
  psql(sql: string, db?: string): string;
  start(): void;
  stop(): void;
  destroy(): void;
}

export function postgresAvailable(): string | null {
  return existsSync(path.join(binDir, 'initdb')) ? null : `PostgreSQL binaries not found in ${binDir} (bash scripts/setup.sh installs Debian's postgresql)`;
}


export { freePort };

const asRoot = process.getuid?.() === 0;

function runAsServer(cmd: string, args: string[]): void {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(binDir, cmd), ...args]] : [path.join(binDir, cmd), args];
  const r = spawnSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
}

function ownByServer(p: string): void {
  if (!asRoot) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(p, uid, gid);
}

export async function startCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  const unavailable = postgresAvailable();
  if (unavailable) throw new Error(unavailable);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reset-console-pg-'));
  chmodSync(dir, 0o755);
  ownByServer(dir);
  const data = path.join(dir, 'data');
  runAsServer('initdb', ['-D', data, '-A', 'trust', '-U', 'admin', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const conf = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${dir}'`,
    'max_connections = 200',
    ...(options.durable ? [] : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']),
    ...(options.conf ?? []),
  ];
  if (options.tls) {
    for (const [from, to] of [[options.tls.certFile, 'server.crt'], [options.tls.keyFile, 'server.key']] as const) {
      const target = path.join(data, to);
      writeFileSync(target, execFileSync('cat', [from]));
      chmodSync(target, 0o600);
      ownByServer(target);
    }
    conf.push('ssl = on', "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'");
  }
  appendFileSync(path.join(data, 'postgresql.conf'), `\n${conf.join('\n')}\n`);
  writeFileSync(
    path.join(data, 'pg_hba.conf'),
    [...(options.hbaFirst ?? []), 'local all all trust', 'host all all 127.0.0.1/32 trust', 'host all all ::1/128 trust', ''].join('\n'),
  );
  ownByServer(path.join(data, 'pg_hba.conf'));
  const cluster: PgCluster = {
    port,
    dir,
    url: (user = 'admin', db = 'postgres') => `postgres://${user}@127.0.0.1:${port}/${db}`,
    psql(sql, db = 'postgres') {
      return execFileSync(path.join(binDir, 'psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', 'admin', '-d', db, '-c', sql], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    },
    start() {
      runAsServer('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    },
    stop() {
      runAsServer('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
    },
    destroy() {
      try {
        cluster.stop();
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
