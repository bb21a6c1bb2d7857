import type { HistoryEntry, ResetStatus } from '../../shared/ipc/contract';
import type { PasswordState } from '../../shared/domain/portal-entities';

/** Portal clocks and ours differ a little; a temporary password issued this close before the attempt counts as its own. */
export const clockSkewMs = 2 * 60 * 1000;

/**
 * The one rule for "did the attempt that started at `since` go through": the portal shows a temporary
 * password (in force or already run out) issued at or after it, give or take the clock skew.
 */
export function issuedSince(password: PasswordState, since: string): string | null {
  if (!password.tempIssuedAt) return null;
  return Date.parse(password.tempIssuedAt) >= Date.parse(since) - clockSkewMs ? password.tempIssuedAt : null;
}

export function wentThrough(password: PasswordState, since: string): boolean {
  return (password.state === 'temp_issued' || password.state === 'temp_expired') && issuedSince(password, since) !== null;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The live state of one reset, from the user's password state now:
 * completed — the password was changed after the reset (and before any later reset);
 * replaced — a later reset of the same user was issued while this one was in force (`replacedAt`);
 * pending — the reset's temporary password is still the one in force;
 * expired — it ran out unused.
 */
export function statusOfReset(
  reset: { at: string; issuedAt: string | null; replacedAt?: string | null },
  password: PasswordState,
): { status: ResetStatus; issuedAt: string | null } {
  const replacedAt = reset.replacedAt ? Date.parse(reset.replacedAt) : Infinity;
  let issuedAt = reset.issuedAt;
  // An "outcome unknown" entry learns its issue time when the portal shows a temporary password from
  // then — but not the later reset's, which is the one the portal shows once this one was replaced.
  if (!issuedAt) {
    const temp = issuedSince(password, reset.at);
    if (temp && Date.parse(temp) < replacedAt) issuedAt = temp;
  }
  if (!issuedAt) return { status: reset.replacedAt ? 'replaced' : 'unknown', issuedAt: null };
  const issued = Date.parse(issuedAt);
  const changed = password.changedAt ? Date.parse(password.changedAt) : NaN;
  if (changed > issued && changed < replacedAt) return { status: 'completed', issuedAt };
  if (reset.replacedAt) return { status: 'replaced', issuedAt };
  const ours = password.tempIssuedAt !== null && Date.parse(password.tempIssuedAt) === issued;
  if (password.state === 'temp_issued') return { status: ours ? 'pending' : 'expired', issuedAt };
  if (password.state === 'temp_expired') return { status: 'expired', issuedAt };
  return { status: 'unknown', issuedAt };
}

type ResetRecord = Pick<HistoryEntry, 'id' | 'at' | 'action' | 'profile' | 'customerId' | 'userId' | 'issuedAt' | 'expiresAt'>;

/**
 * For each reset that a later reset of the same user replaced, the later one's issue time. Replaced
 * means: the later reset's temporary password was issued while this one's was still valid, so this one
 * stopped working then. A reset that had already expired was not replaced; a refused reset neither
 * replaces nor is replaced (nothing was issued). An outcome-unknown reset counts from its attempt time:
 * whatever it did, a later issued reset within its 24 hours ended it.
 */
export function replacementTimes(resets: readonly ResetRecord[]): Map<string, string> {
  type Timed = { r: ResetRecord; at: number; start: number; end: number; issued: number };
  const byUser = new Map<string, Timed[]>();
  for (const r of resets) {
    if (r.action === 'reset_refused') continue;
    const start = Date.parse(r.issuedAt ?? r.at);
    const timed = { r, at: Date.parse(r.at), start, end: r.expiresAt ? Date.parse(r.expiresAt) : start + dayMs, issued: r.issuedAt ? Date.parse(r.issuedAt) : NaN };
    const key = JSON.stringify([r.profile, r.customerId, r.userId]);
    const list = byUser.get(key);
    if (list) list.push(timed);
    else byUser.set(key, [timed]);
  }
  const replaced = new Map<string, string>();
  for (const list of byUser.values()) {
    list.sort((a, b) => a.at - b.at);
    for (let i = 0; i < list.length; i++) {
      const older = list[i]!;
      for (let j = i + 1; j < list.length; j++) {
        const newer = list[j]!;
        // Not issued (outcome unknown), or issued no later than this one: look further.
        if (!(newer.issued > older.start)) continue;
        if (newer.issued < older.end) replaced.set(older.r.id, newer.r.issuedAt!);
        break;
      }
    }
  }
  return replaced;
}

/**
 * History entries with `replaced` applied: a replaced reset is never shown as expired or pending. A
 * status check that found it completed stands (the password was changed before the later reset).
 */
export function withReplacements(entries: HistoryEntry[]): HistoryEntry[] {
  const replaced = replacementTimes(entries);
  return entries.map((e) => {
    const replacedAt = replaced.get(e.id) ?? null;
    return { ...e, replacedAt, status: replacedAt && e.status !== 'completed' ? 'replaced' : e.status };
  });
}
