import type { AuditEntry } from '../audit-entry';
import { replacementTimes } from '../replaced-resets';
import { resetActions, statusOf, type AuditRecord, type HistoryFilter, type HistoryPage, type StoredAuditEntry, type UserSubject } from '../audit-store';
import { haystackOf, isEmptyFilter, matcherOf, type EntryMatcher, type FilterHaystack } from '../history-filter';
import type { Checked, PendingSeal } from './audit-chain';
import type { Verification } from '../audit-store';

interface Slot {
  entry: AuditEntry;
  /** Null until the seal's MAC is checked (at once for resets and status checks, on first use for the rest). */
  verification: Verification | null;
  pending: PendingSeal | null;
  /** Position in the trail, in written order. */
  pos: number;
  sortAt: number;
  timeOk: boolean;
  /** Reset entries only, made on the first filtered query. */
  hay?: FilterHaystack;
}

interface Checks {
  /** The latest verifiable status check. */
  trusted: Slot | null;
  latest: Slot;
}

/** Newest-first order of History: time, then (for equal times) an entry with a possible time before one without, then position. */
function compare(a: Slot, b: Slot): number {
  return a.sortAt - b.sortAt || Number(a.timeOk) - Number(b.timeOk) || a.pos - b.pos;
}

const subjectKey = (s: UserSubject) => JSON.stringify([s.profile, s.customerId, s.userId]);
const subjectKeyOf = (e: AuditEntry) => subjectKey({ profile: e.profile, customerId: e.customerId ?? '', userId: e.userId ?? '' });

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
  /** Per user: which of their resets a later one replaced (made on demand, dropped when a reset of theirs arrives). */
  private readonly replaced = new Map<string, Map<string, string>>();

  constructor(private readonly sealMatches: (entry: AuditEntry, seal: PendingSeal) => Verification) {}

  get size(): number {
    return this.all.length;
  }

  add(entry: AuditEntry, checked: Checked & { pending: PendingSeal | null }): void {
    const slot: Slot = { entry, verification: checked.verification, pending: checked.pending, pos: this.all.length, sortAt: checked.sortAt, timeOk: checked.timeOk };
    this.all.push(slot);
    // A second line with a known id is a copy, never the original.
    if (this.byId.has(entry.id)) return;
    this.byId.set(entry.id, slot);
    if (resetActions.has(entry.action)) {
      this.verificationOf(slot);
      insertSorted(this.resets, slot);
      const key = subjectKeyOf(entry);
      this.replaced.delete(key);
      const list = this.resetsBySubject.get(key);
      if (list) insertSorted(list, slot);
      else this.resetsBySubject.set(key, [slot]);
    } else if (entry.action === 'status_checked' && entry.refersTo) {
      const prior = this.checks.get(entry.refersTo);
      this.checks.set(entry.refersTo, { trusted: this.verificationOf(slot).verifiable ? slot : (prior?.trusted ?? null), latest: slot });
    }
  }

  private verificationOf(slot: Slot): Verification {
    if (!slot.verification) {
      slot.verification = this.sealMatches(slot.entry, slot.pending!);
      slot.pending = null;
    }
    return slot.verification;
  }

  private stored(slot: Slot): StoredAuditEntry {
    return { ...slot.entry, ...this.verificationOf(slot) };
  }

  private lastCheckOf(slot: Slot): StoredAuditEntry | null {
    const checks = this.checks.get(slot.entry.id);
    // A check that is not verifiable must not change what a genuine entry shows.
    const check = (this.verificationOf(slot).verifiable ? checks?.trusted : checks?.latest) ?? null;
    return check ? this.stored(check) : null;
  }

  private replacedAtOf(slot: Slot): string | null {
    if (!resetActions.has(slot.entry.action)) return null;
    const key = subjectKeyOf(slot.entry);
    let times = this.replaced.get(key);
    if (!times) {
      times = replacementTimes((this.resetsBySubject.get(key) ?? []).map((s) => s.entry));
      this.replaced.set(key, times);
    }
    return times.get(slot.entry.id) ?? null;
  }

  private record(slot: Slot): AuditRecord {
    const isReset = resetActions.has(slot.entry.action);
    return { ...this.stored(slot), lastCheck: isReset ? this.lastCheckOf(slot) : null, replacedAt: this.replacedAtOf(slot) };
  }

  private matches(matcher: EntryMatcher, slot: Slot): boolean {
    const checks = this.checks.get(slot.entry.id);
    const check = (this.verificationOf(slot).verifiable ? checks?.trusted : checks?.latest) ?? null;
    const status = statusOf({ status: slot.entry.status, replacedAt: this.replacedAtOf(slot), lastCheck: check?.entry ?? null });
    slot.hay ??= haystackOf(slot.entry);
    return matcher(slot.entry, status, slot.hay);
  }

  get(id: string): AuditRecord | null {
    const slot = this.byId.get(id);
    return slot ? this.record(slot) : null;
  }

  listResets(filter: HistoryFilter, limit: number, cursor: string | null): HistoryPage {
    const everything = isEmptyFilter(filter);
    const matcher = matcherOf(filter);
    let end = this.resets.length;
    if (cursor) end = lowerBound(this.resets, parseCursor(cursor));
    const records: AuditRecord[] = [];
    let i = end - 1;
    for (; i >= 0 && records.length < limit; i--) {
      const slot = this.resets[i]!;
      if (everything || this.matches(matcher, slot)) records.push(this.record(slot));
    }
    let more = false;
    for (let j = i; j >= 0 && !more; j--) more = everything || this.matches(matcher, this.resets[j]!);
    const total = everything ? this.resets.length : this.resets.reduce((n, s) => n + Number(this.matches(matcher, s)), 0);
    const last = records.length > 0 ? this.byId.get(records.at(-1)!.id) : undefined;
    return { records, total, nextCursor: more && last ? cursorOf(last) : null };
  }

  resetsOfUser(subject: UserSubject, since: number): StoredAuditEntry[] {
    const list = this.resetsBySubject.get(subjectKey(subject)) ?? [];
    const out: StoredAuditEntry[] = [];
    for (let i = list.length - 1; i >= 0 && list[i]!.sortAt >= since; i--) out.push(this.stored(list[i]!));
    return out;
  }

  entriesAfter(afterId: string | null, limit: number): StoredAuditEntry[] {
    const start = afterId === null ? 0 : (this.byId.get(afterId)?.pos ?? this.all.length) + 1;
    return this.all.slice(start, start + limit).map((s) => this.stored(s));
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
