import { describe, expect, it } from 'vitest';
import { formatInstant, formatNoteInstant, knownTimeZone } from './note-time';

describe('times in the ticket note', () => {
  it("the staffer's zone, named, with UTC in brackets", () => {
    expect(formatNoteInstant('2026-07-01T19:54:00.000Z', { timeZone: 'Europe/London', locale: 'en-GB' })).toBe('Wed, 1 Jul 2026, 20:54 BST (19:54 UTC)');
    expect(formatNoteInstant('2026-11-27T13:05:00.000Z', { timeZone: 'Europe/London', locale: 'en-GB' })).toBe('Fri, 27 Nov 2026, 13:05 GMT (13:05 UTC)');
  });

  it('names the UTC day when it is not the local one', () => {
    expect(formatNoteInstant('2026-11-27T23:30:00.000Z', { timeZone: 'Australia/Sydney', locale: 'en-GB' })).toBe('Sat, 28 Nov 2026, 10:30 GMT+11 (27 Nov, 23:30 UTC)');
  });

  it('UTC when no zone is given, or an unknown one: no bracket needed', () => {
    expect(formatNoteInstant('2026-11-27T23:30:00.000Z')).toBe('Fri, 27 Nov 2026, 23:30 UTC');
    expect(formatNoteInstant('2026-11-27T23:30:00.000Z', { timeZone: 'Mars/Olympus_Mons' })).toBe('Fri, 27 Nov 2026, 23:30 UTC');
    expect(formatNoteInstant('2026-11-27T23:30:00.000Z', { timeZone: 'Etc/UTC' })).toBe('Fri, 27 Nov 2026, 23:30 UTC');
  });

  it('a bad locale or zone breaks nothing; a non-time is returned as it came', () => {
    expect(formatInstant('2026-11-27T23:30:00.000Z', { timeZone: 'Nowhere/At_All', locale: '!!' })).toMatch(/27 Nov 2026/);
    expect(formatNoteInstant('nonsense', { timeZone: 'Europe/London' })).toBe('nonsense');
    expect(knownTimeZone('Nowhere/At_All')).toBeUndefined();
  });
});
