import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AuditEntry } from '../../../src/main/audit/audit-entry';
import { migrate, openTeamStore, parseTeamDbUrl, type TeamStore } from '../../../src/main/audit/team-postgres';
import { startCluster, type ClusterOptions, type PgCluster } from '../../support/postgres-cluster';

export const appRole = 'helpdesk_app';
export const teamDb = 'helpdesk';

/** A fresh cluster with the team schema migrated and logins desk_a and desk_b in the app role. */
export async function startTeamCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  const cluster = await startCluster(options);
  cluster.psql(`CREATE DATABASE ${teamDb}`);
  await migrateAs(cluster);
  cluster.psql(`CREATE ROLE desk_a LOGIN IN ROLE ${appRole}; CREATE ROLE desk_b LOGIN IN ROLE ${appRole};`, teamDb);
  return cluster;
}

export async function migrateAs(cluster: PgCluster, user = 'admin') {
  const client = new pg.Client({ connectionString: cluster.url(user, teamDb) });
  await client.connect();
  try {
    return await migrate(client, appRole);
  } finally {
    await client.end();
  }
}

export function storeFor(cluster: PgCluster, login: string): TeamStore {
  return openTeamStore(parseTeamDbUrl(cluster.url(login, teamDb)));
}

export function count(cluster: PgCluster, where = 'true'): number {
  return Number(cluster.psql(`SELECT count(*) FROM reset_history.entries WHERE ${where}`, teamDb).trim());
}

let clock = Date.parse('2026-11-28T09:00:00.000Z');

/** A reset entry as the console writes it; each call one second later than the last. */
export function resetEntry(over: Partial<AuditEntry> = {}): AuditEntry {
  clock += 1000;
  return {
    id: randomUUID(),
    at: new Date(clock).toISOString(),
    action: 'reset_sent',
    staffName: 'Typed Name',
    profile: 'demo',
    username: null,
    customerId: 'c-acme',
    customerName: 'Acme Dental',
    accountNumber: 'A-100',
    userId: 'u-jane',
    userName: 'Jane Doe',
    extension: '1042',
    email: 'jane@acme.example',
    resetId: `r-${randomUUID().slice(0, 8)}`,
    issuedAt: null,
    expiresAt: null,
    outcome: 'sent',
    refersTo: null,
    status: 'pending',
    ...over,
  };
}
