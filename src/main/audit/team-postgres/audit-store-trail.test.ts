import { describe, expect, it } from 'vitest';
import type { StoredAuditEntry } from '../audit-store';
import { auditStoreTrail, unsharedIds } from './audit-store-trail';

function entry(id: string, verifiable = true): StoredAuditEntry {
  const base = {
    id, at: '2026-11-28T09:00:00.000Z', action: 'reset_sent' as const, staffName: 'Ann', profile: 'demo', username: null, customerId: 'c', customerName: null,
    accountNumber: null, userId: 'u', userName: null, extension: null, email: null, resetId: null, issuedAt: null, expiresAt: null, outcome: 'sent',
    refersTo: null, status: 'pending' as const,
  };
  return verifiable ? { ...base, verifiable: true, unverifiableReason: null } : { ...base, verifiable: false, unverifiableReason: 'seal does not match' };
}

const log = [entry('a'), entry('forged', false), entry('b'), entry('c')];
const store = {
  entriesAfter: async (afterId: string | null, limit: number) => {
    const start = afterId === null ? 0 : log.findIndex((e) => e.id === afterId) + 1;
    return log.slice(start, start + limit);
  },
};

describe('the AuditStore as the outbox trail', () => {
  it('ships verifiable entries only, as plain audit entries, and steps its position over the rest', async () => {
    const trail = auditStoreTrail(store);
    const first = await trail.readAfter(null, 2);
    expect(first.entries.map((e) => e.id)).toEqual(['a']);
    expect(first.next).toBe('forged');
    expect(first.entries[0]).not.toHaveProperty('verifiable');
    const second = await trail.readAfter(first.next, 10);
    expect(second.entries.map((e) => e.id)).toEqual(['b', 'c']);
    expect(second.next).toBe('c');
    expect(await trail.readAfter('c', 10)).toEqual({ entries: [], next: 'c' });
    expect(await trail.countAfter(null)).toBe(3);
    expect([...(await unsharedIds(store, 'a'))]).toEqual(['b', 'c']);
  });
});
