import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTeamStore, parseTeamDbUrl, TeamDbError, type PasswordSource } from '../../../src/main/audit/team-postgres';
import { freePort, type PgCluster } from '../../support/postgres-cluster';
import { startTeamCluster, teamDb } from './team-fixture';

/**
 * What a staffer sees when the connection cannot be made: wrong password, nothing listening, TLS
 * missing or untrusted. One real cluster with TLS on (a throw-away certificate for "localhost") and a
 * scram password for one login; no traffic leaves loopback.
 */
let cluster: PgCluster;
let certDir: string;
let certFile: string;

beforeAll(async () => {
  certDir = mkdtempSync(path.join(os.tmpdir(), 'reset-console-cert-'));
  certFile = path.join(certDir, 'server.crt');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost',
    '-keyout', path.join(certDir, 'server.key'), '-out', certFile], { stdio: 'ignore' });
  cluster = await startTeamCluster({
    tls: { certFile, keyFile: path.join(certDir, 'server.key') },
    hbaFirst: ['host all desk_pw 127.0.0.1/32 scram-sha-256', 'host all desk_pw ::1/128 scram-sha-256'],
  });
  cluster.psql("CREATE ROLE desk_pw LOGIN PASSWORD 'right-horse-battery' IN ROLE helpdesk_app", teamDb);
});
afterAll(() => {
  cluster?.destroy();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

async function checkFails(url: string, password?: PasswordSource): Promise<TeamDbError> {
  const store = openTeamStore(parseTeamDbUrl(url), { password });
  try {
    await store.check();
  } catch (error) {
    return error as TeamDbError;
  } finally {
    await store.close();
  }
  throw new Error('connected');
}

describe('team database connection', () => {
  it('asks the password source only when the server wants one, and a wrong password says so without echoing it', async () => {
    const asked: string[] = [];
    const wrong = await checkFails(cluster.url('desk_pw', teamDb), async (who) => {
      asked.push(who.user);
      return 'wrong-horse';
    });
    expect(wrong).toBeInstanceOf(TeamDbError);
    expect(wrong.code).toBe('wrong_password');
    expect(wrong.message).toMatch(/refused the password for desk_pw/);
    expect(wrong.message).not.toContain('wrong-horse');
    expect(asked).toEqual(['desk_pw']);

    const right = openTeamStore(parseTeamDbUrl(cluster.url('desk_pw', teamDb)), { password: async () => 'right-horse-battery' });
    await right.check();
    await right.close();

    let trustAsked = false;
    const trusted = openTeamStore(parseTeamDbUrl(cluster.url('desk_a', teamDb)), { password: async () => ((trustAsked = true), 'x') });
    await trusted.check();
    await trusted.close();
    expect(trustAsked).toBe(false);
  });

  it('a server asking for a password when none is stored says so', async () => {
    const error = await checkFails(cluster.url('desk_pw', teamDb));
    expect(error.code).toBe('password_needed');
  });

  it('an unreachable host gives a clear message', async () => {
    const port = await freePort();
    const error = await checkFails(`postgres://desk_a@127.0.0.1:${port}/${teamDb}`);
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(`The team database at 127.0.0.1:${port} cannot be reached (ECONNREFUSED).`);
    expect(error.retryable).toBe(true);
  });

  it('with TLS required, an untrusted or mismatched certificate is refused and a trusted one connects', async () => {
    const untrusted = await checkFails(`postgres://desk_a@localhost:${cluster.port}/${teamDb}?sslmode=verify-full`);
    expect(untrusted.code).toBe('tls_untrusted');
    // The certificate names "localhost"; reached as 127.0.0.1 the name does not match.
    const mismatch = await checkFails(`postgres://desk_a@127.0.0.1:${cluster.port}/${teamDb}?sslmode=verify-full&sslrootcert=${certFile}`);
    expect(mismatch.code).toBe('tls_untrusted');
    const store = openTeamStore(parseTeamDbUrl(`postgres://desk_a@localhost:${cluster.port}/${teamDb}?sslmode=verify-full&sslrootcert=${certFile}`));
    await store.check();
    await store.close();
  });

  it('with TLS required, a server without TLS is refused with "does not offer TLS"', async () => {
    const plain = await startTeamCluster();
    try {
      const error = await checkFails(`postgres://desk_a@localhost:${plain.port}/${teamDb}?sslmode=verify-full`);
      expect(error.code).toBe('tls_missing');
      expect(error.message).toMatch(/does not offer TLS/);
    } finally {
      plain.destroy();
    }
  });
});
