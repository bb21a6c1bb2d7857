import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import pg from 'pg';
import { TeamDbError, describeConnectionError } from './team-db-error';
import type { PasswordSource, TeamDbTarget } from './team-db-url';

export { parseTeamDbUrl, describeTarget, isLoopbackHost, type TeamDbTarget, type PasswordSource } from './team-db-url';

export interface TeamPoolOptions {
  password?: PasswordSource;
  max?: number;
  connectTimeoutMs?: number;
}

export function poolConfig(target: TeamDbTarget, options: TeamPoolOptions = {}): pg.PoolConfig {
  const who = { user: target.user, host: target.host, port: target.port, database: target.database };
  return {
    host: target.host,
    port: target.port,
    user: target.user,
    database: target.database,
    // pg calls this only when the server asks; no password source means "this server must not ask".
    password: async () => {
      if (!options.password) throw new TeamDbError('password_needed', `The team database asks for a password for ${target.user}, and none is stored.`);
      return options.password(who);
    },
    ssl: target.tls
      ? {
          // verify-full: Node checks the chain and the host name (servername) by default.
          rejectUnauthorized: true,
          servername: isIP(target.host) ? undefined : target.host,
          ...(target.caFile ? { ca: readFileSync(target.caFile, 'utf8') } : {}),
        }
      : false,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'reset-console',
  };
}

/**
 * A pool whose idle-connection errors (database restarted, network gone) are absorbed: the next query
 * reconnects or fails with a clear TeamDbError instead of crashing the main process.
 */
export function openTeamPool(target: TeamDbTarget, options: TeamPoolOptions = {}): pg.Pool {
  const pool = new pg.Pool(poolConfig(target, options));
  pool.on('error', () => {
    // An idle client died; the pool drops it and the next checkout opens a fresh one.
  });
  return pool;
}

/** Runs fn with a pooled client, turning driver errors into TeamDbError with a message for the staffer. */
export async function withClient<T>(pool: pg.Pool, target: TeamDbTarget, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw describeConnectionError(error, target);
  }
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (error) {
    if (!(error instanceof TeamDbError) && !isServerError(error)) broken = error as Error;
    throw describeConnectionError(error, target);
  } finally {
    client.release(broken);
  }
}

function isServerError(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
}
