import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamDbError, type EntryNotice } from '../../../src/main/audit/team-postgres';
import type { PgCluster } from '../../support/postgres-cluster';
import { count, migrateAs, resetEntry, startTeamCluster, storeFor, teamDb } from './team-fixture';

/** The team store against a real PostgreSQL 15 cluster: two desks, their own logins, one history. */
let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startTeamCluster();
});
afterAll(() => cluster?.destroy());

async function asLogin(login: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: cluster.url(login, teamDb) });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('team store on PostgreSQL', () => {
  it('migrating again changes nothing and applies no migration twice', async () => {
    const before = cluster.psql("SELECT count(*) FROM pg_class WHERE relnamespace = 'reset_history'::regnamespace", teamDb);
    const again = await migrateAs(cluster);
    expect(again.applied).toEqual([]);
    expect(cluster.psql("SELECT count(*) FROM pg_class WHERE relnamespace = 'reset_history'::regnamespace", teamDb)).toBe(before);
    expect(cluster.psql('SELECT version FROM reset_history.schema_migrations ORDER BY 1', teamDb).trim()).toBe('1\n2');
  });

  it('two desks writing at once: every entry once, each row naming the login that wrote it', async () => {
    const a = storeFor(cluster, 'desk_a');
    const b = storeFor(cluster, 'desk_b');
    try {
      const fromA = Array.from({ length: 300 }, () => resetEntry({ customerId: 'c-two-desks' }));
      const fromB = Array.from({ length: 300 }, () => resetEntry({ customerId: 'c-two-desks' }));
      const batches = (xs: typeof fromA) => Array.from({ length: 30 }, (_, i) => xs.slice(i * 10, i * 10 + 10));
      // Each desk also re-sends some of its batches (a retry after a lost answer): no row may double.
      await Promise.all([
        ...batches(fromA).map((x) => a.insert(x)),
        ...batches(fromB).map((x) => b.insert(x)),
        a.insert(fromA.slice(0, 50)),
        b.insert(fromB.slice(100, 150)),
      ]);
      expect(await a.insert(fromA.slice(0, 10))).toBe(0);
      expect(count(cluster, "customer_id = 'c-two-desks'")).toBe(600);
      expect(count(cluster, "customer_id = 'c-two-desks' AND staffer = 'desk_a'")).toBe(300);
      expect(count(cluster, "customer_id = 'c-two-desks' AND staffer = 'desk_b'")).toBe(300);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('the staffer column is the login: a client cannot write it, and an owner-side value is overwritten', async () => {
    await expect(asLogin('desk_a', `INSERT INTO reset_history.entries (id, at, action, staff_name, profile, outcome, staffer)
      VALUES ('forged-1', now(), 'reset_sent', 'x', 'demo', 'sent', 'desk_b')`)).rejects.toThrow(/permission denied/);
    await asLogin('desk_a', "SET ROLE helpdesk_app; INSERT INTO reset_history.entries (id, at, action, staff_name, profile, outcome) VALUES ('via-set-role', now(), 'reset_sent', 'x', 'demo', 'sent')");
    expect(cluster.psql("SELECT staffer FROM reset_history.entries WHERE id = 'via-set-role'", teamDb).trim()).toBe('desk_a');
    cluster.psql("INSERT INTO reset_history.entries (id, at, action, staff_name, profile, outcome, staffer) VALUES ('owner-forged', now(), 'reset_sent', 'x', 'demo', 'sent', 'desk_b')", teamDb);
    expect(cluster.psql("SELECT staffer FROM reset_history.entries WHERE id = 'owner-forged'", teamDb).trim()).toBe('admin');
  });

  it('the app role cannot UPDATE, DELETE or TRUNCATE; the owner is stopped by the triggers', async () => {
    const store = storeFor(cluster, 'desk_a');
    await store.insert([resetEntry({ id: 'keep-me' })]);
    await store.close();
    for (const sql of [
      "UPDATE reset_history.entries SET outcome = 'refused' WHERE id = 'keep-me'",
      "DELETE FROM reset_history.entries WHERE id = 'keep-me'",
      'TRUNCATE reset_history.entries',
      'DELETE FROM reset_history.schema_migrations',
      "UPDATE reset_history.reset_state SET status = 'completed'",
      'DELETE FROM reset_history.reset_state',
      'SELECT reset_history.rebuild_reset_state()',
    ]) {
      await expect(asLogin('desk_a', sql), sql).rejects.toThrow(/permission denied/);
    }
    for (const sql of ["UPDATE reset_history.entries SET outcome = 'x'", 'DELETE FROM reset_history.entries', 'TRUNCATE reset_history.entries']) {
      expect(() => cluster.psql(sql, teamDb), sql).toThrow(/append-only/);
    }
    expect(cluster.psql("SELECT outcome FROM reset_history.entries WHERE id = 'keep-me'", teamDb).trim()).toBe('sent');
  });

  it('History pages by keyset with filters run in SQL; the status comes from the latest check by any desk', async () => {
    const a = storeFor(cluster, 'desk_a');
    const b = storeFor(cluster, 'desk_b');
    try {
      const mine = Array.from({ length: 7 }, () => resetEntry({ customerId: 'c-pages' }));
      await a.insert(mine);
      await b.insert([resetEntry({ customerId: 'c-pages', action: 'status_checked', refersTo: mine[2]!.id, status: 'completed', outcome: 'completed' })]);
      const seen: string[] = [];
      let after = null;
      do {
        const page: Awaited<ReturnType<typeof a.list>> = await b.list({ customerId: 'c-pages' }, after, 3);
        seen.push(...page.rows.map((r) => r.id));
        after = page.next;
      } while (after);
      expect(seen).toEqual(mine.map((e) => e.id).reverse());
      // A check that reaches the database before the reset it is about (another desk's outbox was faster).
      const late = resetEntry({ customerId: 'c-pages' });
      await b.insert([resetEntry({ customerId: 'c-pages', action: 'status_checked', refersTo: late.id, status: 'expired', outcome: 'expired' })]);
      await a.insert([late]);
      expect((await b.list({ customerId: 'c-pages', status: 'expired' }, null, 50)).rows.map((r) => r.id)).toEqual([late.id]);
      const pending: string[] = [];
      let afterPending = null;
      do {
        const page: Awaited<ReturnType<typeof a.list>> = await b.list({ customerId: 'c-pages', status: 'pending' }, afterPending, 2);
        pending.push(...page.rows.map((r) => r.id));
        afterPending = page.next;
      } while (afterPending);
      expect(pending).toEqual(mine.filter((_, i) => i !== 2).map((e) => e.id).reverse());
      const completed = await b.list({ customerId: 'c-pages', status: 'completed' }, null, 50);
      expect(completed.rows.map((r) => [r.id, r.staffer, r.status])).toEqual([[mine[2]!.id, 'desk_a', 'completed']]);
      expect((await b.list({ customerId: 'c-pages', staffer: 'desk_b' }, null, 50)).rows).toEqual([]);
      const window = await b.list({ customerId: 'c-pages', from: mine[1]!.at, to: mine[3]!.at }, null, 50);
      expect(window.rows.map((r) => r.id)).toEqual([mine[3]!.id, mine[2]!.id, mine[1]!.id]);
      await expect(b.list({ customerId: 'c-pages', from: 'yesterday' }, null, 10)).rejects.toThrow();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("warns about another desk's reset of the same user: count in 24 h, who, when, whether used", async () => {
    const a = storeFor(cluster, 'desk_a');
    const b = storeFor(cluster, 'desk_b');
    try {
      const subject = { profile: 'demo', customerId: 'c-warn', userId: 'u-warn' };
      const now = new Date('2026-11-29T12:00:00.000Z');
      const since = new Date(now.getTime() - 24 * 3600_000);
      expect(await b.warnings(subject, since)).toEqual({ recentResets: 0, latest: null });
      const old = resetEntry({ ...subject, at: '2026-11-28T10:00:00.000Z' });
      const first = resetEntry({ ...subject, at: '2026-11-29T09:00:00.000Z' });
      const latest = resetEntry({ ...subject, at: '2026-11-29T11:50:00.000Z' });
      await a.insert([old, first, latest, resetEntry({ ...subject, userId: 'u-other', at: '2026-11-29T11:55:00.000Z' })]);
      expect(await b.warnings(subject, since)).toEqual({
        recentResets: 2,
        latest: { id: latest.id, at: latest.at, staffer: 'desk_a', status: 'pending', used: false },
      });
      await b.insert([resetEntry({ ...subject, at: '2026-11-29T11:58:00.000Z', action: 'status_checked', refersTo: latest.id, status: 'completed', outcome: 'completed' })]);
      expect((await b.warnings(subject, since)).latest).toMatchObject({ staffer: 'desk_a', status: 'completed', used: true });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("another desk's reset reaches a subscriber within 2 s (LISTEN/NOTIFY, no polling)", async () => {
    const a = storeFor(cluster, 'desk_a');
    const b = storeFor(cluster, 'desk_b');
    let t0 = 0;
    let resolveArrival: (v: { notice: EntryNotice; ms: number }) => void = () => {};
    const arrival = new Promise<{ notice: EntryNotice; ms: number }>((resolve) => (resolveArrival = resolve));
    const sub = b.subscribe((notice) => resolveArrival({ notice, ms: performance.now() - t0 }));
    try {
      await sub.ready;
      t0 = performance.now();
      await a.insert([resetEntry({ id: 'notify-me', customerId: 'c-live', userId: 'u-live' })]);
      const got = await arrival;
      expect(got.notice).toMatchObject({ id: 'notify-me', staffer: 'desk_a', customerId: 'c-live', userId: 'u-live', action: 'reset_sent' });
      expect(got.ms).toBeLessThan(2000);
    } finally {
      await sub.close();
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('exports the filtered History as CSV in batches', async () => {
    const a = storeFor(cluster, 'desk_a');
    try {
      await a.insert([resetEntry({ customerId: 'c-csv', customerName: '=HYPERLINK("x")' }), resetEntry({ customerId: 'c-csv' }), resetEntry({ customerId: 'c-csv' })]);
      const chunks: string[] = [];
      for await (const chunk of a.exportCsv({ customerId: 'c-csv' }, 2)) chunks.push(chunk);
      expect(chunks.length).toBe(3); // header, a page of 2, a page of 1
      const rows = parse(chunks.join(''), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r['Staffer (login)'] === 'desk_a')).toBe(true);
      expect(rows[2]!.Customer).toBe(`'=HYPERLINK("x")`);
    } finally {
      await a.close();
    }
  });

  it('reading before the schema exists says the team lead must migrate', async () => {
    cluster.psql('CREATE DATABASE empty_team');
    cluster.psql('CREATE ROLE desk_c LOGIN');
    const store = (await import('../../../src/main/audit/team-postgres')).openTeamStore(
      (await import('../../../src/main/audit/team-postgres')).parseTeamDbUrl(cluster.url('desk_c', 'empty_team')),
    );
    try {
      const failure = await store.check().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(TeamDbError);
      expect((failure as TeamDbError).code).toBe('no_schema');
      expect((failure as TeamDbError).message).toMatch(/team-db -- migrate/);
    } finally {
      await store.close();
    }
  });
});
