import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type PgCluster } from '../../support/postgres-cluster';

/** The team lead's command, run as a user would: `npm run team-db -- migrate …` (tsx scripts/team-db.ts). */
const repo = path.resolve(__dirname, '../../..');
let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startCluster();
  cluster.psql('CREATE DATABASE helpdesk');
});
afterAll(() => cluster?.destroy());

function teamDb(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'scripts/team-db.ts'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, PGPASSWORD: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run team-db -- migrate', () => {
  it('creates the schema and the app role, and a second run changes nothing', () => {
    const first = teamDb('migrate', '--url', cluster.url('admin', 'helpdesk'), '--app-role', 'helpdesk_app');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/schema reset_history at version 2 \(applied now: 1, 2\)/);
    const second = teamDb('migrate', '--url', cluster.url('admin', 'helpdesk'), '--app-role', 'helpdesk_app');
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/already up to date/);
    expect(cluster.psql("SELECT string_agg(table_name || ':' || privilege_type, ',' ORDER BY table_name, privilege_type) FROM information_schema.role_table_grants WHERE grantee = 'helpdesk_app'", 'helpdesk').trim()).toBe(
      'entries:SELECT,reset_state:SELECT,schema_migrations:SELECT',
    );
    expect(cluster.psql("SELECT count(DISTINCT column_name) FROM information_schema.column_privileges WHERE grantee = 'helpdesk_app' AND privilege_type = 'INSERT'", 'helpdesk').trim()).toBe('19');
  });

  it('refuses a URL with a password, without printing it, and a bad role name', () => {
    const withPassword = teamDb('migrate', '--url', `postgres://admin:Hunter2-Secret@127.0.0.1:${cluster.port}/helpdesk`, '--app-role', 'helpdesk_app');
    expect(withPassword.code).toBe(1);
    expect(withPassword.err).toMatch(/contains a password/);
    expect(withPassword.err + withPassword.out).not.toContain('Hunter2');
    const badRole = teamDb('migrate', '--url', cluster.url('admin', 'helpdesk'), '--app-role', 'x; DROP TABLE y');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/lower-case PostgreSQL name/);
  });
});
