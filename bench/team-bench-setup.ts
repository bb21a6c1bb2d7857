/**
 * Helpers for the team-history benchmark: a durable throw-away cluster with the schema, desk logins,
 * and a bulk load of synthetic history rows written by the server itself (generate_series).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AuditEntry } from '../src/main/audit/audit-entry';
import { migrate, openTeamStore, parseTeamDbUrl, type TeamStore } from '../src/main/audit/team-postgres';
import { startCluster, type PgCluster } from '../tests/support/postgres-cluster';

export const appRole = 'helpdesk_app';
export const db = 'helpdesk';
export const desks = Array.from({ length: 20 }, (_, i) => `desk_${String(i + 1).padStart(2, '0')}`);
export const customers = 2_000;
export const usersPerCustomer = 25;

export async function startBenchCluster(): Promise<PgCluster> {
  // Durable (fsync on) so append times include a real commit; shared_buffers sized for a 1 M-row table.
  const cluster = await startCluster({ durable: true, conf: ['shared_buffers = 256MB', 'max_wal_size = 2GB'] });
  cluster.psql(`CREATE DATABASE ${db}`);
  const client = new pg.Client({ connectionString: cluster.url('admin', db) });
  await client.connect();
  try {
    await migrate(client, appRole);
  } finally {
    await client.end();
  }
  cluster.psql(desks.map((d) => `CREATE ROLE ${d} LOGIN IN ROLE ${appRole};`).join(' '), db);
  return cluster;
}

export function deskStore(cluster: PgCluster, desk: string, poolSize = 2): TeamStore {
  return openTeamStore(parseTeamDbUrl(cluster.url(desk, db)), { poolSize });
}

export function benchEntry(desk: string, i: number, at = new Date()): AuditEntry {
  return {
    id: randomUUID(),
    at: at.toISOString(),
    action: 'reset_sent',
    staffName: desk,
    profile: 'demo',
    username: null,
    customerId: `C${1000 + (i % customers)}`,
    customerName: `Customer ${i % customers}`,
    accountNumber: null,
    userId: `U${i % usersPerCustomer}`,
    userName: `User ${i % usersPerCustomer}`,
    extension: String(1000 + (i % usersPerCustomer)),
    email: `user${i % usersPerCustomer}@example.net`,
    resetId: `R${i}`,
    issuedAt: null,
    expiresAt: null,
    outcome: 'sent',
    refersTo: null,
    status: 'pending',
  };
}

/**
 * `rows` history rows over the past year: 90 % resets spread over 2,000 customers × 25 users and 20
 * staffers (every customer gets every kind of row), 10 % status checks of an earlier reset of the same
 * customer. Triggers are off for the load only (session_replication_role, superuser), so the server-set
 * staffer is written explicitly here and reset_state is rebuilt after.
 */
export function bulkLoad(cluster: PgCluster, rows: number): void {
  cluster.psql(
    `SET session_replication_role = replica;
     INSERT INTO reset_history.entries (id, at, action, staffer, staff_name, profile, customer_id, customer_name, user_id, user_name, extension, email, reset_id, outcome, refers_to, status)
     SELECT 'bulk-' || g,
            now() - make_interval(secs => (${rows} - g) * (31536000.0 / ${rows})),
            CASE WHEN g % 10 = 9 THEN 'status_checked' WHEN g % 10 = 1 THEN 'reset_unknown' ELSE 'reset_sent' END,
            'desk_' || lpad(((g % 20) + 1)::text, 2, '0'), 'Staff ' || (g % 20), 'demo',
            'C' || (1000 + ((g / 10) * 7) % ${customers}), 'Customer ' || (((g / 10) * 7) % ${customers}),
            'U' || (g % ${usersPerCustomer}), 'User ' || (g % ${usersPerCustomer}), (1000 + g % ${usersPerCustomer})::text,
            'user' || (g % ${usersPerCustomer}) || '@example.net', 'R' || g,
            CASE WHEN g % 10 = 9 THEN 'completed' ELSE 'sent' END,
            CASE WHEN g % 10 = 9 THEN 'bulk-' || (g - 6) END,
            CASE WHEN g % 10 = 9 THEN 'completed' WHEN g % 10 = 1 THEN 'unknown' ELSE 'pending' END
     FROM generate_series(1, ${rows}) g;
     SET session_replication_role = origin;
     SELECT reset_history.rebuild_reset_state();
     ANALYZE reset_history.entries;
     ANALYZE reset_history.reset_state;`,
    db,
  );
}
