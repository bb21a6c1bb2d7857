import { isIP } from 'node:net';
import { z } from 'zod';
import { TeamDbError } from './team-db-error';

/**
 * `--team-db=postgres://USER@HOST:PORT/DB`. The password never travels in the URL (it would end up in
 * shell history, settings and logs): the caller supplies it on demand, backed by the OS keychain.
 * TLS with full verification is mandatory for any host that is not this machine.
 */
export interface TeamDbTarget {
  user: string;
  host: string;
  port: number;
  database: string;
  /** verify-full: certificate chain and host name checked. Always true off loopback. */
  tls: boolean;
  /** Optional PEM file with the CA that signed the server certificate (else the system CAs). */
  caFile: string | null;
  loopback: boolean;
}

/** Asked only when the server requests a password; the lead backs it with the keychain vault. */
export type PasswordSource = (who: { user: string; host: string; port: number; database: string }) => Promise<string>;

const identifier = /^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/;
const allowedParams = new Set(['sslmode', 'sslrootcert']);

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

const teamDbUrl = z.string().transform((text, ctx): TeamDbTarget => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return fail('The team database address is not a valid URL. Expected postgres://USER@HOST:PORT/DB.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return fail('The team database address must start with postgres://.');
  // Checked before anything else is reported, and never echoed: the message must not repeat the secret.
  if (url.password) return fail('The team database address contains a password. Remove it: the console asks for the password and keeps it in the OS keychain.');
  const user = decodeURIComponent(url.username);
  if (!identifier.test(user)) return fail('The team database address needs your database login before the host: postgres://USER@HOST:PORT/DB.');
  const host = url.hostname;
  if (!host) return fail('The team database address has no host.');
  const port = url.port ? Number(url.port) : 5432;
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!identifier.test(database)) return fail('The team database address needs the database name at the end: postgres://USER@HOST:PORT/DB.');
  for (const key of url.searchParams.keys()) {
    if (!allowedParams.has(key)) return fail(`The team database address has an unsupported option "${key.slice(0, 40)}" (allowed: sslmode=verify-full, sslrootcert=FILE).`);
  }
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode !== null && sslmode !== 'verify-full') return fail('Only sslmode=verify-full is accepted: the console never connects with weaker TLS.');
  const loopback = isLoopbackHost(host);
  return {
    user,
    host: host.replace(/^\[|\]$/g, ''),
    port,
    database,
    tls: !loopback || sslmode === 'verify-full',
    caFile: url.searchParams.get('sslrootcert'),
    loopback,
  };
});

/** Parses and checks the address; throws TeamDbError('bad_url') with a message safe to show. */
export function parseTeamDbUrl(text: string): TeamDbTarget {
  const parsed = teamDbUrl.safeParse(text);
  if (!parsed.success) throw new TeamDbError('bad_url', parsed.error.issues[0]?.message ?? 'The team database address is not valid.');
  return parsed.data;
}

/** host:port/db of a target, for messages and the outbox cursor (no secret in it). */
export function describeTarget(t: TeamDbTarget): string {
  return `${t.user}@${t.host}:${t.port}/${t.database}`;
}
