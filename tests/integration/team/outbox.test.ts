import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditStore } from '../../../src/main/audit/audit-store';
import { openLocalAuditStore } from '../../../src/main/audit/local/local-audit-store';
import { createOutbox, describeTarget, jsonlTrail, type Outbox, type OutboxStatus, type TeamStore } from '../../../src/main/audit/team-postgres';
import type { PgCluster } from '../../support/postgres-cluster';
import { count, startTeamCluster, storeFor } from './team-fixture';

/**
 * A desk's shift with the team database going away: every entry is first durable in the real local
 * audit log, the outbox ships it, the database is stopped mid-shift and started again, the console
 * restarts in between. Nothing lost, nothing doubled.
 */
let cluster: PgCluster;
let dir: string;
beforeAll(async () => {
  cluster = await startTeamCluster();
  dir = await mkdtemp(path.join(os.tmpdir(), 'reset-console-outbox-'));
});
afterAll(async () => {
  cluster?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function draft(i: number) {
  return { action: 'reset_sent' as const, staffName: 'Ann', profile: 'demo', customerId: 'c-shift', userId: `u-${i}`, outcome: 'sent', status: 'pending' as const };
}

function openDesk(log: string, store: TeamStore, statuses: OutboxStatus[] = []): Outbox {
  const outbox = createOutbox({
    trail: jsonlTrail(path.join(log, 'audit.log')),
    store,
    cursorFile: path.join(log, 'audit.log.team-cursor.json'),
    databaseKey: describeTarget(store.target),
    batchSize: 20,
    idleCheckMs: 200,
    minBackoffMs: 100,
    maxBackoffMs: 400,
    onStatus: (s) => statuses.push(s),
  });
  outbox.start();
  return outbox;
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('outbox from the local audit trail to the team database', () => {
  it('survives the database stopping mid-shift and the console restarting: nothing lost, nothing doubled', async () => {
    const desk = path.join(dir, 'desk-a');
    let log: AuditStore = await openLocalAuditStore(desk, { key: null });
    let store = storeFor(cluster, 'desk_a');
    const statuses: OutboxStatus[] = [];
    let outbox = openDesk(desk, store, statuses);
    const ids: string[] = [];
    const append = async (n: number) => {
      for (let i = 0; i < n; i++) {
        ids.push((await log.append(draft(ids.length))).id);
        outbox.kick();
      }
    };

    await append(50);
    await outbox.drained(10_000);
    expect(count(cluster, "customer_id = 'c-shift'")).toBe(50);

    cluster.stop();
    await append(30); // the console keeps working: each entry is durable locally
    await until(() => outbox.status().state === 'unavailable' && outbox.status().pending === 30);
    expect(outbox.status().problem?.message).toMatch(/cannot be reached|not available/);

    // The console is closed while the database is still down, and opened again.
    await outbox.stop();
    await log.close();
    await store.close();
    log = await openLocalAuditStore(desk, { key: null });
    store = storeFor(cluster, 'desk_a');
    outbox = openDesk(desk, store, statuses);
    await append(5);
    await until(() => outbox.status().state === 'unavailable' && outbox.status().pending === 35);

    cluster.start();
    await outbox.drained(15_000); // the queue drains by itself with backoff
    expect(outbox.status()).toEqual({ state: 'idle', pending: 0, problem: null });
    const rows = cluster.psql("SELECT id FROM reset_history.entries WHERE customer_id = 'c-shift' ORDER BY at, id", 'helpdesk').trim().split('\n');
    expect(rows.length).toBe(85);
    expect(new Set(rows)).toEqual(new Set(ids));
    expect(count(cluster, "customer_id = 'c-shift' AND staffer = 'desk_a'")).toBe(85);
    await outbox.stop();
    await log.close();
    await store.close();
  });

  it('a crash after the insert but before the cursor was saved re-sends that batch without doubling it', async () => {
    const desk = path.join(dir, 'desk-b');
    const log = await openLocalAuditStore(desk, { key: null });
    for (let i = 0; i < 45; i++) await log.append({ ...draft(i), customerId: 'c-crash' });
    const store = storeFor(cluster, 'desk_b');
    let outbox = openDesk(desk, store);
    await outbox.drained(10_000);
    await outbox.stop();
    const cursorFile = path.join(desk, 'audit.log.team-cursor.json');
    expect(JSON.parse(await readFile(cursorFile, 'utf8'))).toMatchObject({ databaseKey: describeTarget(store.target) });
    // Roll the cursor back to the start, as if every insert had committed but no cursor write had.
    await writeFile(cursorFile, JSON.stringify({ version: 1, databaseKey: describeTarget(store.target), position: null }));
    outbox = openDesk(desk, store);
    await outbox.drained(10_000);
    expect(count(cluster, "customer_id = 'c-crash'")).toBe(45);
    await outbox.stop();
    await log.close();
    await store.close();
  });
});
