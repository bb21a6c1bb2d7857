import pg from 'pg';
import { z } from 'zod';
import { auditEntry, type AuditEntry } from '../audit-entry';
import { csvCell } from '../../services/csv-export';
import { describeTarget, openTeamPool, withClient, type PasswordSource, type TeamDbTarget } from './connection';
import {
  historyCursor,
  historyPageQuery,
  teamHistoryFilter,
  teamHistoryRow,
  warningsQuery,
  warningsRow,
  type HistoryCursor,
  type TeamHistoryFilter,
  type TeamHistoryRow,
} from './history-query';
import { teamSchema, writableColumns } from './migrations';
import type { TeamDbError } from './team-db-error';
import { subscribeToEntries, type EntryNotice, type Subscription } from './team-subscription';

export interface TeamWarnings {
  /** Resets (sent or outcome unknown) of this user since `since`, by any desk. */
  recentResets: number;
  latest: null | {
    id: string;
    at: string;
    /** The database login of the desk that made it. */
    staffer: string;
    status: string;
    /** true once the user set a new password, false while the temporary one is unused, null when not known. */
    used: boolean | null;
  };
}

export interface TeamPage {
  rows: TeamHistoryRow[];
  /** Pass back as `after` for the next page; null when this was the last one. */
  next: HistoryCursor | null;
}

export interface TeamStore {
  readonly target: TeamDbTarget;
  /** Inserts entries in one statement; ids already there are skipped. Resolves with how many were new. */
  insert(entries: readonly AuditEntry[]): Promise<number>;
  list(filter: TeamHistoryFilter, after: HistoryCursor | null, limit: number): Promise<TeamPage>;
  /** One History row (a reset, any desk's) by its entry id, or null. */
  byId(id: string): Promise<TeamHistoryRow | null>;
  warnings(subject: { profile: string; customerId: string; userId: string }, since: Date): Promise<TeamWarnings>;
  /** Called for every row any desk inserts, within moments (LISTEN/NOTIFY). */
  subscribe(onEntry: (notice: EntryNotice) => void, onGap?: (error?: TeamDbError) => void): Subscription;
  /** The filtered History as CSV, one page from the database at a time. */
  exportCsv(filter: TeamHistoryFilter, batchSize?: number): AsyncGenerator<string>;
  /** Checks the connection and the schema; throws TeamDbError with a message for Settings. */
  check(): Promise<void>;
  close(): Promise<void>;
}

const maxPage = 500;
const insertSql = `
INSERT INTO ${teamSchema}.entries (${writableColumns.join(', ')})
SELECT * FROM unnest(${writableColumns.map((c, i) => `$${i + 1}::${c === 'at' ? 'timestamptz' : 'text'}[]`).join(', ')})
ON CONFLICT (id) DO NOTHING`;

function columnsOf(entries: readonly AuditEntry[]): unknown[][] {
  const pick: ((e: AuditEntry) => string | null)[] = [
    (e) => e.id, (e) => e.at, (e) => e.action, (e) => e.staffName, (e) => e.profile, (e) => e.username,
    (e) => e.customerId, (e) => e.customerName, (e) => e.accountNumber, (e) => e.userId, (e) => e.userName,
    (e) => e.extension, (e) => e.email, (e) => e.resetId, (e) => e.issuedAt, (e) => e.expiresAt, (e) => e.outcome,
    (e) => e.refersTo, (e) => e.status,
  ];
  return pick.map((f) => entries.map(f));
}

const csvHeader = ['Time', 'Staffer (login)', 'Staff name', 'Portal', 'Customer ID', 'Customer', 'Account number', 'User ID', 'User', 'Extension', 'Sent to', 'Action', 'Outcome', 'Reset reference', 'Issued', 'Expires', 'Status', 'Status checked'];

function csvLine(r: TeamHistoryRow): string {
  return [r.at, r.staffer, r.staffName, r.profile, r.customerId, r.customerName, r.accountNumber, r.userId, r.userName, r.extension, r.email, r.action, r.outcome, r.resetId, r.issuedAt, r.expiresAt, r.status, r.statusCheckedAt]
    .map(csvCell)
    .join(',');
}

export function openTeamStore(target: TeamDbTarget, options: { password?: PasswordSource; poolSize?: number } = {}): TeamStore {
  const pool = openTeamPool(target, { password: options.password, max: options.poolSize });
  const run = <T>(fn: (c: pg.PoolClient) => Promise<T>) => withClient(pool, target, fn);

  async function list(filter: TeamHistoryFilter, after: HistoryCursor | null, limit: number): Promise<TeamPage> {
    const f = teamHistoryFilter.parse(filter);
    const cursor = after ? historyCursor.parse(after) : null;
    const size = z.number().int().min(1).max(maxPage).parse(limit);
    // One extra row tells whether there is a next page without a count(*).
    const q = historyPageQuery(f, cursor, size + 1);
    const result = await run((c) => c.query(q.text, q.values));
    const rows = z.array(teamHistoryRow).parse(result.rows);
    const page = rows.slice(0, size);
    const last = page[page.length - 1];
    return { rows: page, next: rows.length > size && last ? { at: last.cursorAt, id: last.id } : null };
  }

  return {
    target,
    async insert(entries) {
      if (entries.length === 0) return 0;
      const valid = entries.map((e) => auditEntry.parse(e));
      const result = await run((c) => c.query(insertSql, columnsOf(valid)));
      return result.rowCount ?? 0;
    },
    list,
    async byId(id) {
      const q = historyPageQuery({}, null, 1, z.string().max(200).parse(id));
      const result = await run((c) => c.query(q.text, q.values));
      return result.rows[0] ? teamHistoryRow.parse(result.rows[0]) : null;
    },
    async warnings(subject, since) {
      const result = await run((c) => c.query(warningsQuery, [subject.profile, subject.customerId, subject.userId, since.toISOString()]));
      const row = warningsRow.parse(result.rows[0]);
      if (!row.latestId || !row.latestAt || !row.latestStaffer) return { recentResets: row.recentResets, latest: null };
      const status = row.latestStatus ?? 'unknown';
      const used = status === 'completed' ? true : status === 'pending' ? false : null;
      return { recentResets: row.recentResets, latest: { id: row.latestId, at: row.latestAt, staffer: row.latestStaffer, status, used } };
    },
    subscribe(onEntry, onGap) {
      return subscribeToEntries(target, options.password, onEntry, onGap);
    },
    async *exportCsv(filter, batchSize = maxPage) {
      yield csvHeader.map(csvCell).join(',') + '\r\n';
      let after: HistoryCursor | null = null;
      do {
        const page = await list(filter, after, batchSize);
        if (page.rows.length > 0) yield page.rows.map(csvLine).join('\r\n') + '\r\n';
        after = page.next;
      } while (after);
    },
    async check() {
      await run((c) => c.query(`SELECT 1 FROM ${teamSchema}.entries LIMIT 0`));
    },
    async close() {
      await pool.end();
    },
  };
}

export { describeTarget };
