import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../shared/ipc/contract';
import type { User } from '../../../../shared/domain/portal-entities';
import { buildTicketNote } from '../../../../shared/ticket-note';
import { noteInputFromEntry, shortInstant } from './history-note';

const entry: HistoryEntry = {
  id: 'e1', at: '2026-03-01T10:00:00.000Z', action: 'reset_sent', staffName: 'Sam Carter', profile: 'demo',
  customerId: 'C1', customerName: 'Acme Dental', accountNumber: '100-2001', userId: 'jsmith@acme.voip', userName: 'Jane Smith',
  extension: '1042', email: 'jane.smith@acmedental.co.uk', resetId: 'r-1', issuedAt: '2026-03-01T10:00:00.000Z',
  expiresAt: '2026-03-02T10:00:00.000Z', outcome: 'sent', status: 'expired', statusCheckedAt: '2026-03-02T11:30:00.000Z',
};
const fmt = { timeZone: 'UTC', locale: 'en-GB' };

describe('ticket note of a past reset', () => {
  it('offline: the last known status and when it was known', () => {
    const note = buildTicketNote(noteInputFromEntry(entry, null, fmt)).text;
    expect(note).toContain('Current status: The temporary password expired unused; a new reset is needed. (last known at Mon, 2 Mar 2026, 11:30 UTC)');
    expect(note).toContain('Temporary password sent to: jane.smith@acmedental.co.uk');
    expect(note).toContain('Handled by: Sam Carter');
  });

  it('never checked: says so', () => {
    const note = buildTicketNote(noteInputFromEntry({ ...entry, status: 'pending', statusCheckedAt: null }, null, fmt)).text;
    expect(note).toContain('(as recorded when sent, Sun, 1 Mar 2026, 10:00 UTC; not checked since)');
  });

  it('online: the live password state and the user’s own details', () => {
    const user = {
      userId: entry.userId, phoneNumber: '+441135551042', alternateIds: ['jane.s'],
      password: { state: 'active', tempIssuedAt: null, tempExpiresAt: null, changedAt: '2026-03-01T12:00:00.000Z', expiresAt: null },
    } as unknown as User;
    const note = buildTicketNote(noteInputFromEntry({ ...entry, status: 'completed' }, user, fmt)).text;
    expect(note).toContain('Current status: Password active: last changed Sun, 1 Mar 2026, 12:00 UTC.');
    expect(note).toContain('the telephone number (+441135551042)');
  });
});

describe('short instants for table cells', () => {
  const now = Date.parse('2026-03-02T15:00:00.000Z');
  it('time only today, day and time this year, with the year before', () => {
    expect(shortInstant('2026-03-02T11:30:00.000Z', now, fmt)).toBe('11:30 UTC');
    expect(shortInstant('2026-03-01T11:30:00.000Z', now, fmt)).toBe('1 Mar, 11:30 UTC');
    expect(shortInstant('2025-12-31T23:05:00.000Z', now, fmt)).toBe('31 Dec 2025, 23:05 UTC');
  });
});
