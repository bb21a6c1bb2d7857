/**
 * Team history on PostgreSQL (issue 15), on a durable throw-away PostgreSQL 15 cluster on loopback:
 *  a. 20 desks × 500 entries written at once, each desk its own login and pool: lost, doubled, append p95;
 *  b. History's first page and the per-user warnings at 1,000,000 rows: p95 < 50 ms each;
 *  c. 10,000 entries queued in a local audit log while the database was down: drain time once it is back.
 *
 *   npx tsx bench/team-bench.ts
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createOutbox, describeTarget, jsonlTrail, type TeamHistoryFilter } from '../src/main/audit/team-postgres';
import { historyPageQuery, warningsQuery } from '../src/main/audit/team-postgres/history-query';
import type { PgCluster } from '../tests/support/postgres-cluster';
import { atMost, fmt, type FigureResult } from './figure';
import { summarize } from './stats';
import { benchEntry, bulkLoad, customers, db, deskStore, desks, startBenchCluster, usersPerCustomer } from './team-bench-setup';

const perDesk = 500;
// TEAM_BENCH_ROWS: a smaller table for a quick look; the figure is measured at 1,000,000.
const bulkRows = Number(process.env.TEAM_BENCH_ROWS ?? 1_000_000);
const queued = 10_000;
const runs = 200;

/** Planning + execution time inside the server, the slowest over the History filters, and the warnings query. */
function serverTimes(cluster: PgCluster, filters: TeamHistoryFilter[], subject: string[]): { page: number; warnings: number } {
  const explain = (text: string, values: unknown[]) => {
    // psql has no bind parameters: inline them as literals (bench data only, no quotes in it).
    const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
      const v = values[Number(n) - 1];
      return Array.isArray(v) ? `ARRAY[${v.map((x) => `'${String(x)}'`).join(',')}]` : typeof v === 'number' ? String(v) : `'${String(v)}'`;
    });
    const out = JSON.parse(cluster.psql(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, db)) as { 'Planning Time': number; 'Execution Time': number }[];
    return out[0]!['Planning Time'] + out[0]!['Execution Time'];
  };
  const page = Math.max(...filters.map((f) => {
    const q = historyPageQuery(f, null, 51);
    return explain(q.text, q.values);
  }));
  const warnings = explain(warningsQuery, ['demo', subject[0], subject[1], new Date(Date.now() - 86_400_000).toISOString()]);
  return { page, warnings };
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function runTeamHistory(log: (line: string) => void = console.log): Promise<FigureResult> {
  const cluster = await startBenchCluster();
  const work = await mkdtemp(path.join(os.tmpdir(), 'team-bench-'));
  try {
    // a. Every desk appends its entries one by one (as a console ships each reset), all desks at once.
    const stores = desks.map((d) => deskStore(cluster, d));
    const appendMs: number[] = [];
    const written = new Set<string>();
    const t0 = performance.now();
    await Promise.all(
      stores.map(async (store, d) => {
        for (let i = 0; i < perDesk; i++) {
          const entry = benchEntry(desks[d]!, d * perDesk + i);
          written.add(entry.id);
          appendMs.push(await timed(() => store.insert([entry])));
          // Every 25th entry is sent twice, as a retry after a lost answer would.
          if (i % 25 === 0) await store.insert([entry]);
        }
      }),
    );
    const concurrentSeconds = (performance.now() - t0) / 1000;
    await Promise.all(stores.map((s) => s.close()));
    const inDb = cluster.psql('SELECT id FROM reset_history.entries', db).trim().split('\n');
    const inDbSet = new Set(inDb);
    const lost = [...written].filter((id) => !inDbSet.has(id)).length;
    const doubled = inDb.length - inDbSet.size;
    const perStaffer = cluster.psql('SELECT count(DISTINCT staffer) FROM reset_history.entries', db).trim();
    const append = summarize(appendMs);
    log(`a. ${desks.length} desks × ${perDesk}: ${inDb.length} rows, lost ${lost}, doubled ${doubled}, staffers ${perStaffer}, append p50 ${fmt(append.median)} ms p95 ${fmt(append.p95)} ms, ${fmt(concurrentSeconds)} s`);

    // b. A million rows, then History's first page (several filters) and the warnings check.
    const l0 = performance.now();
    bulkLoad(cluster, bulkRows);
    const loadSeconds = (performance.now() - l0) / 1000;
    const total = Number(cluster.psql('SELECT count(*) FROM reset_history.entries', db).trim());
    log(`b. bulk-loaded ${bulkRows.toLocaleString('en')} rows in ${fmt(loadSeconds)} s (table: ${total.toLocaleString('en')} rows)`);
    const reader = deskStore(cluster, 'desk_01');
    const filters: TeamHistoryFilter[] = [
      {},
      { customerId: 'C1501' },
      { staffer: 'desk_07' },
      { status: 'completed' },
      { customerId: 'C1234', userId: 'U3' },
      { from: new Date(Date.now() - 40 * 86_400_000).toISOString(), to: new Date(Date.now() - 30 * 86_400_000).toISOString() },
    ];
    for (const f of filters) await reader.list(f, null, 50); // warm the cache once per plan
    // A bare round trip through the same pool, interleaved: the floor this machine's load puts under any query.
    const pageMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      pageMs.push(await timed(() => reader.list(filters[i % filters.length]!, null, 50)));
      floorMs.push(await timed(() => reader.check()));
    }
    const since = new Date(Date.now() - 86_400_000);
    const warnMs: number[] = [];
    // Half the checks are users reset in the last hours (the warning shows), half users with no recent reset.
    const recent = cluster
      .psql("SELECT customer_id || ' ' || user_id FROM reset_history.entries WHERE action = 'reset_sent' AND id LIKE 'bulk-%' ORDER BY at DESC LIMIT 100", db)
      .trim()
      .split('\n')
      .map((line) => line.split(' '));
    for (let i = 0; i < runs; i++) {
      const hit = recent[i % recent.length]!;
      const subject =
        i % 2 === 0
          ? { profile: 'demo', customerId: hit[0]!, userId: hit[1]! }
          : { profile: 'demo', customerId: `C${1000 + ((i * 37) % customers)}`, userId: `U${i % usersPerCustomer}` };
      warnMs.push(await timed(() => reader.warnings(subject, since)));
    }
    await reader.close();
    const page = summarize(pageMs);
    const warn = summarize(warnMs);
    const floor = summarize(floorMs);
    const server = serverTimes(cluster, filters, recent[0]!);
    log(`   first page (50 rows, ${filters.length} filters in turn): p50 ${fmt(page.median)} ms p95 ${fmt(page.p95)} ms; warnings: p50 ${fmt(warn.median)} ms p95 ${fmt(warn.p95)} ms; bare round trip p50 ${fmt(floor.median)} ms p95 ${fmt(floor.p95)} ms; in the server (EXPLAIN ANALYZE, slowest filter): page ${fmt(server.page)} ms, warnings ${fmt(server.warnings)} ms`);

    // c. The database goes away; 10,000 entries wait in the local log; it comes back.
    const logFile = path.join(work, 'audit.log');
    const lines = Array.from({ length: queued }, (_, i) => JSON.stringify(benchEntry('queued', i))).join('\n') + '\n';
    const store = deskStore(cluster, 'desk_02');
    cluster.stop();
    await writeFile(logFile, lines);
    const outbox = createOutbox({ trail: jsonlTrail(logFile), store, cursorFile: `${logFile}.team-cursor.json`, databaseKey: describeTarget(store.target) });
    outbox.start();
    while (outbox.status().state !== 'unavailable' || outbox.status().pending !== queued) await new Promise((r) => setTimeout(r, 50));
    cluster.start();
    const up = performance.now();
    let firstShipped = 0;
    while (outbox.status().pending > 0 || outbox.status().state !== 'idle') {
      if (!firstShipped && outbox.status().pending < queued) firstShipped = performance.now();
      await new Promise((r) => setTimeout(r, 10));
    }
    const drainSeconds = (performance.now() - up) / 1000;
    const shipSeconds = (performance.now() - (firstShipped || up)) / 1000;
    await outbox.stop();
    await store.close();
    const shipped = Number(cluster.psql("SELECT count(*) FROM reset_history.entries WHERE staff_name = 'queued'", db).trim());
    log(`c. ${queued} queued entries: ${shipped} in the database ${fmt(drainSeconds)} s after it came back (of which shipping ${fmt(shipSeconds)} s)`);

    return {
      id: 7,
      title: 'Team history on PostgreSQL',
      method:
        'A throw-away PostgreSQL 15 cluster on loopback (fsync on, shared_buffers 256 MB), schema from `migrate()`, one login per desk in the app role. ' +
        `a. ${desks.length} desks (own login, own pool of 2) each insert ${perDesk} entries one at a time, all desks at once; every 25th is sent twice; append = one \`store.insert([entry])\` round trip with commit. ` +
        `b. ${bulkRows.toLocaleString('en')} more rows bulk-loaded with generate_series (one year, ${customers} customers × ${usersPerCustomer} users, 20 staffers, 10 % status checks); ` +
        `${runs} first pages of 50 (no filter, company, staffer, status, company+user, a 10-day window in turn) and ${runs} warnings checks (resets of one user in 24 h, latest with staffer and status; half of them users reset in the last hours), one at a time through \`TeamStore\`. ` +
        `c. ${queued.toLocaleString('en')} entries in a local audit.log while the cluster is stopped, outbox with default settings (batch 500, backoff up to 5 s); time from \`pg_ctl start\` returning to pending = 0.`,
      measurements: [
        { label: 'append (20 desks at once)', unit: 'ms', summary: append },
        { label: 'entries lost', unit: 'entries', value: lost },
        { label: 'entries doubled', unit: 'entries', value: doubled },
        { label: 'History first page at 1 M rows', unit: 'ms', summary: page },
        { label: 'warnings check at 1 M rows', unit: 'ms', summary: warn },
        { label: 'bare round trip (SELECT through the same pool), interleaved', unit: 'ms', summary: floor },
        { label: 'History first page p95 ÷ bare round trip p95', unit: '×', value: page.p95 / floor.p95 },
        { label: 'slowest History first page inside the server (planning + execution)', unit: 'ms', value: server.page },
        { label: 'warnings check inside the server (planning + execution)', unit: 'ms', value: server.warnings },
        { label: `drain of ${queued.toLocaleString('en')} queued entries`, unit: 's', value: drainSeconds },
      ],
      goals: [
        atMost('0 entries lost', lost, 0, 'entries'),
        atMost('0 entries doubled', doubled, 0, 'entries'),
        atMost('History first page p95 under 50 ms at 1 M rows', page.p95, 50, 'ms', true),
        atMost('warnings p95 under 50 ms at 1 M rows', warn.p95, 50, 'ms', true),
        atMost(`${queued.toLocaleString('en')} queued entries drain in under 10 s`, drainSeconds, 10, 's', true),
      ],
      notes: [
        `Load average during the run: ${os.loadavg().map((x) => fmt(x)).join(' / ')} on ${os.cpus().length} cores shared with other work; the bare round trip shows what that load alone costs a query.`,
        `20 × ${perDesk} entries took ${fmt(concurrentSeconds)} s in all; bulk load of ${bulkRows.toLocaleString('en')} rows ${fmt(loadSeconds)} s. Of the drain, ${fmt(drainSeconds - shipSeconds)} s was the outbox's backoff waiting for its next try.`,
      ],
    };
  } finally {
    cluster.destroy();
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('bench/team-bench.ts')) {
  runTeamHistory().then(
    (r) => {
      for (const g of r.goals) process.stdout.write(`${g.met ? 'met' : 'MISSED'}: ${g.text} (${fmt(g.actual)} ${g.unit})\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
