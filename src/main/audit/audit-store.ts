import type { z } from 'zod';
import type { historyFilter } from '../../shared/ipc/contract';
import type { AuditDraft, AuditEntry } from './audit-entry';

export type HistoryFilter = z.infer<typeof historyFilter>;

/**
 * Whether an entry can be trusted as written by this console: its seal matches the chain and its time is
 * possible. History shows the others as "not verifiable", and the repeat-reset warning does not count them.
 */
export type Verification = { verifiable: true; unverifiableReason: null } | { verifiable: false; unverifiableReason: string };

export type StoredAuditEntry = AuditEntry & Verification;

/** An entry as History needs it: for a reset, the latest status check that counts for it. */
export type AuditRecord = StoredAuditEntry & {
  lastCheck: StoredAuditEntry | null;
  /** When a later reset of the same user replaced this one (its issue time), else null. */
  replacedAt: string | null;
};

export interface HistoryPage {
  /** Reset entries, newest first. */
  records: AuditRecord[];
  /** How many reset entries match the filter in all. */
  total: number;
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface UserSubject {
  profile: string;
  customerId: string;
  userId: string;
}

/**
 * The audit trail as services see it. The local JSON Lines trail implements it; a team store (one shared
 * history on a database) implements it too, so services never know which one they talk to.
 */
export interface AuditStore {
  /** Resolves only once the entry is durable (fsync'd, or committed): an action is reported done after that. */
  append(draft: AuditDraft): Promise<AuditEntry>;
  /** Reset entries matching the filter, newest first, `limit` at a time (default 100). */
  listResets(filter: HistoryFilter, page?: { limit?: number; cursor?: string | null }): Promise<HistoryPage>;
  /** Reset entries (any reset action) of one user at or after `since`, newest first, verifiable or not. */
  resetsOfUser(subject: UserSubject, since: Date): Promise<StoredAuditEntry[]>;
  get(id: string): Promise<AuditRecord | null>;
  /** Entries in the order they were written, after `afterId` (from the start when null): what an outbox ships. */
  entriesAfter(afterId: string | null, limit: number): Promise<StoredAuditEntry[]>;
  close(): Promise<void>;
}

export const resetActions: ReadonlySet<AuditEntry['action']> = new Set(['reset_sent', 'reset_refused', 'reset_unknown']);

/**
 * The status History shows: the last status check's, or the one the reset started with — but a reset a
 * later one replaced is `replaced`, never expired or pending (a check that found it completed stands).
 */
export function statusOf(record: Pick<AuditRecord, 'status' | 'replacedAt'> & { lastCheck: Pick<AuditEntry, 'status'> | null }): NonNullable<AuditEntry['status']> {
  const found = record.lastCheck?.status ?? record.status ?? 'unknown';
  return record.replacedAt && found !== 'completed' ? 'replaced' : found;
}
