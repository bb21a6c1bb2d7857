import type { AuditStore } from '../audit-store';
import type { AuditEntry } from '../audit-entry';
import type { LocalTrail } from './local-trail';

/**
 * The local AuditStore as the outbox's trail. The position is the id of the last entry looked at (the
 * local trail rotates across files, so a byte offset into one file no longer says where we are).
 * Entries that are not verifiable (hand-written, changed, impossible time) are stepped over: a line
 * someone typed into audit.log must not become a team row that every desk trusts.
 */
export function auditStoreTrail(store: Pick<AuditStore, 'entriesAfter'>): LocalTrail {
  return {
    async readAfter(position, max) {
      const read = await store.entriesAfter(position, max);
      const last = read[read.length - 1];
      return { entries: read.filter((e) => e.verifiable).map(plainEntry), next: last ? last.id : position };
    },
    async countAfter(position) {
      return (await store.entriesAfter(position, Number.MAX_SAFE_INTEGER)).filter((e) => e.verifiable).length;
    },
  };
}

/** Ids of local entries after `position` that the team database does not have yet (verifiable ones only). */
export async function unsharedIds(store: Pick<AuditStore, 'entriesAfter'>, position: string | null): Promise<Set<string>> {
  return new Set((await store.entriesAfter(position, Number.MAX_SAFE_INTEGER)).filter((e) => e.verifiable).map((e) => e.id));
}

function plainEntry(e: AuditEntry & { verifiable?: boolean; unverifiableReason?: string | null }): AuditEntry {
  const { verifiable: _v, unverifiableReason: _r, ...entry } = e;
  return entry;
}
