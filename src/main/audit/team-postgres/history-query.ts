import { z } from 'zod';
import { resetStatus } from '../../../shared/ipc/contract';
import { teamSchema } from './migrations';

/** History filters, all run in SQL. Dates are ISO instants; `to` is inclusive. */
export const teamHistoryFilter = z
  .object({
    customerId: z.string().max(200).optional(),
    userId: z.string().max(200).optional(),
    staffer: z.string().max(63).optional(),
    /** History's free-text filters, as the local store reads them: part of a name, id or account number. */
    customerText: z.string().max(200).optional(),
    /** Part of the user's name, id, extension or Email. */
    userText: z.string().max(200).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    status: resetStatus.optional(),
    /** Default: the three reset actions History shows. */
    actions: z.array(z.string().max(64)).max(20).optional(),
  })
  .strict();
export type TeamHistoryFilter = z.infer<typeof teamHistoryFilter>;

/** Where the next page starts: the last row's exact time (microseconds) and id. Opaque to the UI. */
export const historyCursor = z.object({ at: z.string().max(40), id: z.string().max(200) }).strict();
export type HistoryCursor = z.infer<typeof historyCursor>;

export const teamHistoryRow = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  staffer: z.string(),
  staffName: z.string(),
  profile: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  accountNumber: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  extension: z.string().nullable(),
  email: z.string().nullable(),
  resetId: z.string().nullable(),
  issuedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  outcome: z.string(),
  /** The last status a check found (any desk's), else the one the reset started with. */
  status: resetStatus.catch('unknown'),
  statusCheckedAt: z.string().nullable(),
  cursorAt: z.string(),
});
export type TeamHistoryRow = z.infer<typeof teamHistoryRow>;

export const defaultHistoryActions = ['reset_sent', 'reset_refused', 'reset_unknown'];

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoMicro = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of History, newest first. Every condition is a parameter; the ORDER BY matches an
 * (…, at DESC, id DESC) index so a page reads about `limit` index entries, whatever the table size.
 * With a status filter the page is driven from reset_state's (status, at, id) index instead: the status
 * after the latest check is not a column of the reset's own row.
 */
export function historyPageQuery(filter: TeamHistoryFilter, after: HistoryCursor | null, limit: number, onlyId?: string): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const where: string[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const byStatus = Boolean(filter.status);
  const [atCol, idCol] = byStatus ? ['s.at', 's.reset_id'] : ['e.at', 'e.id'];
  where.push(`e.action = ANY(${param(filter.actions ?? defaultHistoryActions)}::text[])`);
  if (filter.status) where.push(`s.status = ${param(filter.status)}`);
  if (filter.customerId) where.push(`e.customer_id = ${param(filter.customerId)}`);
  if (filter.userId) where.push(`e.user_id = ${param(filter.userId)}`);
  if (filter.staffer) where.push(`e.staffer = ${param(filter.staffer)}`);
  // Substring search reads the filtered range rather than an index (pg_trgm would index it; see docs).
  const like = (text: string) => param(`%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.customerText?.trim()) {
    const p = like(filter.customerText);
    where.push(`(e.customer_name ILIKE ${p} OR e.customer_id ILIKE ${p} OR e.account_number ILIKE ${p})`);
  }
  if (filter.userText?.trim()) {
    const p = like(filter.userText);
    where.push(`(e.user_name ILIKE ${p} OR e.user_id ILIKE ${p} OR e.extension ILIKE ${p} OR e.email ILIKE ${p})`);
  }
  if (filter.from) where.push(`${atCol} >= ${param(filter.from)}::timestamptz`);
  if (filter.to) where.push(`${atCol} <= ${param(filter.to)}::timestamptz`);
  if (after) where.push(`(${atCol}, ${idCol}) < (${param(after.at)}::timestamptz, ${param(after.id)})`);
  // One row by its id (the primary key), e.g. to check the status of another desk's reset.
  if (onlyId !== undefined) where.push(`e.id = ${param(onlyId)}`);
  const from = byStatus
    ? `${teamSchema}.reset_state s JOIN ${teamSchema}.entries e ON e.id = s.reset_id`
    : `${teamSchema}.entries e LEFT JOIN ${teamSchema}.reset_state s ON s.reset_id = e.id`;
  const text = `
SELECT e.id, ${iso('e.at')} AS "at", e.action, e.staffer, e.staff_name AS "staffName", e.profile,
       e.customer_id AS "customerId", e.customer_name AS "customerName", e.account_number AS "accountNumber",
       e.user_id AS "userId", e.user_name AS "userName", e.extension, e.email, e.reset_id AS "resetId",
       coalesce(s.issued_at, e.issued_at) AS "issuedAt", coalesce(s.expires_at, e.expires_at) AS "expiresAt",
       e.outcome, coalesce(s.status, e.status, 'unknown') AS status,
       CASE WHEN s.checked_at IS NULL THEN NULL ELSE ${iso('s.checked_at')} END AS "statusCheckedAt",
       ${isoMicro('e.at')} AS "cursorAt"
FROM ${from}
WHERE ${where.join(' AND ')}
ORDER BY ${atCol} DESC, ${idCol} DESC
LIMIT ${param(limit)}`;
  return { text, values };
}

export const warningsRow = z.object({
  recentResets: z.coerce.number().int(),
  latestId: z.string().nullable(),
  latestAt: z.string().nullable(),
  latestStaffer: z.string().nullable(),
  latestStatus: z.string().nullable(),
});

/** Resets of one user since `since`, by anyone, and the newest one with its last known status. */
export const warningsQuery = `
WITH r AS (
  SELECT id, at, staffer, status FROM ${teamSchema}.entries
  WHERE profile = $1 AND customer_id = $2 AND user_id = $3 AND action IN ('reset_sent', 'reset_unknown') AND at >= $4::timestamptz
), latest AS (SELECT * FROM r ORDER BY at DESC, id DESC LIMIT 1)
SELECT (SELECT count(*) FROM r) AS "recentResets", l.id AS "latestId", ${iso('l.at')} AS "latestAt", l.staffer AS "latestStaffer",
       coalesce((SELECT s.status FROM ${teamSchema}.reset_state s WHERE s.reset_id = l.id), l.status) AS "latestStatus"
FROM (SELECT 1) one LEFT JOIN latest l ON true`;
