import type { AuditEntry } from './audit-entry';

const dayMs = 24 * 60 * 60 * 1000;

type ResetRecord = Pick<AuditEntry, 'id' | 'at' | 'action' | 'profile' | 'customerId' | 'userId' | 'issuedAt' | 'expiresAt'>;

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
