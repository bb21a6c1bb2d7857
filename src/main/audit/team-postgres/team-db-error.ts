import type { TeamDbTarget } from './connection';

export type TeamDbErrorCode =
  | 'bad_url'
  | 'password_needed'
  | 'wrong_password'
  | 'not_allowed'
  | 'unreachable'
  | 'tls_missing'
  | 'tls_untrusted'
  | 'no_database'
  | 'no_schema'
  | 'write_refused'
  | 'bad_entry'
  | 'unknown';

/** Worth trying again later without anyone changing anything (the database may come back). */
const retryableCodes = new Set<TeamDbErrorCode>(['unreachable', 'unknown']);

/** A team-database failure with a message a staffer can act on; never carries a password or the raw URL. */
export class TeamDbError extends Error {
  readonly retryable: boolean;
  constructor(
    readonly code: TeamDbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TeamDbError';
    this.retryable = retryableCodes.has(code);
  }
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE']);
const certificateCodes = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Maps what `pg`, Node's net/tls and the server say onto a short list of causes. The server's SQLSTATE
 * codes are stable; the few message checks cover errors `pg` raises itself without a code.
 */
export function describeConnectionError(error: unknown, target: TeamDbTarget): TeamDbError {
  if (error instanceof TeamDbError) return error;
  const e = error as { code?: string; message?: string; errors?: unknown[] };
  const where = `${target.host}:${target.port}`;
  const code = e?.code ?? '';
  const message = e?.message ?? '';
  if (code === '28P01') return new TeamDbError('wrong_password', `The team database refused the password for ${target.user}. Enter it again in Settings → Team history.`);
  if (code === '28000') return new TeamDbError('not_allowed', `The team database at ${where} does not let ${target.user} connect from this machine (pg_hba.conf). Ask the team lead.`);
  if (code === '3D000') return new TeamDbError('no_database', `The team database "${target.database}" does not exist on ${where}.`);
  if (code === '42P01' || code === '3F000') return new TeamDbError('no_schema', `The team database has no reset history yet. The team lead runs: npm run team-db -- migrate.`);
  if (code === '42501' || code === 'P0001') return new TeamDbError('write_refused', `The team database refused: ${message.slice(0, 200)}`);
  if (/does not support SSL/i.test(message)) {
    return new TeamDbError('tls_missing', `The team database at ${where} does not offer TLS. The console connects to a database on another machine only over verified TLS.`);
  }
  if (certificateCodes.has(code) || /certificate|Hostname\/IP does not match/i.test(message)) {
    return new TeamDbError('tls_untrusted', `The TLS certificate of the team database at ${where} is not trusted or does not match "${target.host}" (${code || 'certificate check failed'}).`);
  }
  if (/no pg_hba\.conf entry/i.test(message)) return new TeamDbError('not_allowed', `The team database at ${where} does not let ${target.user} connect from this machine (pg_hba.conf).`);
  if (unreachableCodes.has(code) || /timeout|terminated|Connection terminated|ECONNREFUSED/i.test(message)) {
    return new TeamDbError('unreachable', `The team database at ${where} cannot be reached (${code || 'connection lost'}).`);
  }
  if (Array.isArray(e?.errors) && e.errors.length > 0) return describeConnectionError(e.errors[0], target);
  if (code === '57P01' || code === '57P03' || code.startsWith('08')) return new TeamDbError('unreachable', `The team database at ${where} is not available right now (${code}).`);
  if (code.startsWith('22') || code.startsWith('23')) return new TeamDbError('bad_entry', `The team database rejected an entry (${code}): ${message.slice(0, 200)}`);
  return new TeamDbError('unknown', `The team database at ${where} failed: ${message.slice(0, 200) || 'unknown error'}`);
}
