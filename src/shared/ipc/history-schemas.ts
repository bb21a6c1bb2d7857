import { z } from 'zod';
import { user } from '../domain/portal-entities';
import { errorCode } from '../errors';

/** The IPC schemas of resets' history, status and team activity: part of the one contract (contract.ts). */

export const resetStatus = z.enum(['pending', 'completed', 'expired', 'replaced', 'unknown']);
export type ResetStatus = z.infer<typeof resetStatus>;

/**
 * "Check status" after an attempt: the user as the portal shows them now, and whether a temporary password
 * was issued for the attempt that started at `since` — decided in main, with the one clock-skew allowance.
 */
export const resetStatusCheck = z.object({ user, wentThrough: z.boolean() });
export type ResetStatusCheck = z.infer<typeof resetStatusCheck>;

export const historyEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(['reset_sent', 'reset_refused', 'reset_unknown']),
  staffName: z.string(),
  profile: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  accountNumber: z.string().nullable(),
  userId: z.string(),
  userName: z.string(),
  extension: z.string(),
  email: z.string().nullable(),
  resetId: z.string().nullable(),
  issuedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  outcome: z.string(),
  status: resetStatus,
  statusCheckedAt: z.string().nullable(),
  /** When status is `replaced`: the issue time of the later reset that replaced this one. */
  replacedAt: z.string().nullable().default(null),
  /** False when the entry's seal or time does not check out (hand-written, changed): History says why. */
  verifiable: z.boolean().default(true),
  unverifiableReason: z.string().nullable().default(null),
  /** Team mode: the database login of the desk that made it (null outside team mode). */
  staffer: z.string().nullable().default(null),
  /** Team mode: `not_yet_shared` while the entry waits in this desk's outbox; null outside team mode. */
  sharing: z.enum(['shared', 'not_yet_shared']).nullable().default(null),
  /** Made at this desk (its status can be read and recorded here). */
  fromThisDesk: z.boolean().default(true),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

/** A status refresh: the entry as now known; `live` false when the portal could not answer (then `problem` says why). */
export const historyStatusCheck = historyEntry.extend({
  live: z.boolean(),
  problem: errorCode.nullable(),
});
export type HistoryStatusCheck = z.infer<typeof historyStatusCheck>;

export const historyFilter = z
  .object({
    customer: z.string().max(200).optional(),
    user: z.string().max(200).optional(),
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
    status: resetStatus.optional(),
  })
  .strict();
export type HistoryFilter = z.infer<typeof historyFilter>;

/** History's list: one page at a time; `cursor` from the previous page's `nextCursor`. */
export const historyListInput = historyFilter.extend({
  cursor: z.string().max(2000).nullable().optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export const historyListPage = z.object({
  entries: z.array(historyEntry),
  /** How many match in all; null where counting would cost a full scan (the team database). */
  total: z.number().int().nonnegative().nullable(),
  nextCursor: z.string().nullable(),
});
export type HistoryListPage = z.infer<typeof historyListPage>;

/** The newest reset of a user by anyone on the team, and whether its temporary password was used. */
export const teamLatestReset = z.object({
  staffer: z.string(),
  at: z.string(),
  status: z.string(),
  used: z.boolean().nullable(),
});

/** Team mode as the renderer may know it: never the password. */
export const teamStatus = z.object({
  enabled: z.boolean(),
  /** postgres://USER@HOST:PORT/DB, without a password. */
  address: z.string().nullable(),
  fromCommandLine: z.boolean(),
  state: z.enum(['off', 'idle', 'shipping', 'unavailable', 'stopped']),
  /** Entries durable here but not yet in the team database. */
  waiting: z.number().int().nonnegative(),
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  passwordStored: z.boolean(),
});
export type TeamStatus = z.infer<typeof teamStatus>;

export const teamUserActivity = z.object({
  /** False outside team mode or while the team database cannot answer. */
  team: z.boolean(),
  recentResets: z.number().int().nonnegative(),
  latest: teamLatestReset.nullable(),
});
export type TeamUserActivity = z.infer<typeof teamUserActivity>;

export const resetWarnings = z.object({
  recentResets: z.number().int().nonnegative(),
  sharedEmailUsers: z.array(z.string()),
  /** True when recentResets counts the whole team (team database reachable). */
  teamWide: z.boolean().default(false),
});
export type ResetWarnings = z.infer<typeof resetWarnings>;
