import type { AuditEntry } from '../audit-entry';
import { resetActions, type AuditRecord, type HistoryFilter, type HistoryPage, type StoredAuditEntry, type UserSubject } from '../audit-store';
import { isEmptyFilter, matchesFilter } from '../history-filter';
import type { Checked } from './audit-chain';

interface Slot {
  entry: StoredAuditEntry;
  /** Position in the trail, in written order. */
  pos: number;
  sortAt: number;
  timeOk: boolean;
}

interface Checks {
  /** The latest verifiable status check. */
  trusted: StoredAuditEntry | null;
  latest: StoredAuditEntry;
}

/** Newest-first order of History: time, then (for equal times) an entry with a possible time before one without, then position. */
function compare(a: Slot, b: Slot): number {
  return a.sortAt - b.sortAt || Number(a.timeOk) - Number(b.timeOk) || a.pos - b.pos;
}

const subjectKey = (s: UserSubject) => JSON.stringify([s.profile, s.customerId, s.userId]);

/**
 * The whole trail in memory, built once at open and kept in step with appends: History's pages and the
 * repeat-reset warning are answered from here without touching the disk.
 */
export class AuditIndex {
  private readonly all: Slot[] = [];
  private readonly byId = new Map<string, Slot>();
  /** Reset entries in History's order, oldest first (pages are read from the end). */
  private readonly resets: Slot[] = [];
  private readonly resetsBySubject = new Map<string, Slot[]>();
  private readonly checks = new Map<string, Checks>();

  get size(): number {
    return this.all.length;
  }

  add(entry: AuditEntry, checked: Checked): StoredAuditEntry {
    const stored: StoredAuditEntry = { ...entry, ...checked.verification };
    const slot: Slot = { entry: stored, pos: this.all.length, sortAt: checked.sortAt, timeOk: checked.timeOk };
    this.all.push(slot);
    // A second line with a known id is a copy, never the original.
    if (this.byId.has(stored.id)) return stored;
    this.byId.set(stored.id, slot);
    if (resetActions.has(stored.action)) {
      insertSorted(this.resets, slot);
      const key = subjectKey({ profile: stored.profile, customerId: stored.customerId ?? '', userId: stored.userId ?? '' });
      const list = this.resetsBySubject.get(key);
      if (list) insertSorted(list, slot);
      else this.resetsBySubject.set(key, [slot]);
    } else if (stored.action === 'status_checked' && stored.refersTo) {
      const prior = this.checks.get(stored.refersTo);
      this.checks.set(stored.refersTo, { trusted: stored.verifiable ? stored : (prior?.trusted ?? null), latest: stored });
    }
    return stored;
  }

  private record(slot: Slot): AuditRecord {
    const e = slot.entry;
    if (!resetActions.has(e.action)) return { ...e, lastCheck: null };
    const checks = this.checks.get(e.id);
    // A check that is not verifiable must not change what a genuine entry shows.
    const lastCheck = (e.verifiable ? checks?.trusted : checks?.latest) ?? null;
    return { ...e, lastCheck };
  }

  get(id: string): AuditRecord | null {
    const slot = this.byId.get(id);
    return slot ? this.record(slot) : null;
  }

  listResets(filter: HistoryFilter, limit: number, cursor: string | null): HistoryPage {
    const everything = isEmptyFilter(filter);
    let end = this.resets.length;
    if (cursor) end = lowerBound(this.resets, parseCursor(cursor));
    const records: AuditRecord[] = [];
    let i = end - 1;
    for (; i >= 0 && records.length < limit; i--) {
      const r = this.record(this.resets[i]!);
      if (everything || matchesFilter(filter, r)) records.push(r);
    }
    let more = false;
    for (let j = i; j >= 0 && !more; j--) more = everything || matchesFilter(filter, this.record(this.resets[j]!));
    const total = everything ? this.resets.length : this.resets.reduce((n, s) => n + Number(matchesFilter(filter, this.record(s))), 0);
    const last = records.length > 0 ? this.byId.get(records.at(-1)!.id) : undefined;
    return { records, total, nextCursor: more && last ? cursorOf(last) : null };
  }

  resetsOfUser(subject: UserSubject, since: number): StoredAuditEntry[] {
    const list = this.resetsBySubject.get(subjectKey(subject)) ?? [];
    const out: StoredAuditEntry[] = [];
    for (let i = list.length - 1; i >= 0 && list[i]!.sortAt >= since; i--) out.push(list[i]!.entry);
    return out;
  }

  entriesAfter(afterId: string | null, limit: number): StoredAuditEntry[] {
    const start = afterId === null ? 0 : (this.byId.get(afterId)?.pos ?? this.all.length) + 1;
    return this.all.slice(start, start + limit).map((s) => s.entry);
  }
}

function insertSorted(list: Slot[], slot: Slot): void {
  // Appends arrive in time order: the slot almost always goes at the end.
  let i = list.length;
  while (i > 0 && compare(list[i - 1]!, slot) > 0) i--;
  list.splice(i, 0, slot);
}

type CursorKey = Pick<Slot, 'sortAt' | 'timeOk' | 'pos'>;

function cursorOf(s: Slot): string {
  return `${s.sortAt}.${s.timeOk ? 1 : 0}.${s.pos}`;
}

function parseCursor(cursor: string): CursorKey {
  const [sortAt, timeOk, pos] = cursor.split('.').map(Number);
  if (![sortAt, timeOk, pos].every((n) => Number.isFinite(n))) throw new Error('audit: not a history cursor');
  return { sortAt: sortAt!, timeOk: timeOk === 1, pos: pos! };
}

/** The first index whose slot sorts at or after `key`. */
function lowerBound(list: Slot[], key: CursorKey): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, key as Slot) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
