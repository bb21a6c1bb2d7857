import { describe, expect, it } from 'vitest';
import { buildTicketNote, describePasswordState, escapeHtml, formatInstant, type TicketNoteInput } from './ticket-note';

const base: TicketNoteInput = {
  customerName: 'Acme Dental',
  accountNumber: '100-2001',
  userName: 'Jane Smith',
  extension: '1042',
  userId: 'jsmith@acme.voip',
  sentTo: 'jane.smith@acmedental.co.uk',
  outcome: 'sent',
  issuedAt: '2026-11-27T13:05:00.000Z',
  expiresAt: '2026-11-28T13:05:00.000Z',
  resetId: 'rst_123',
  status: 'Temporary password issued, not used yet.',
  staffName: 'Sam Carter',
  details: { userId: 'jsmith@acme.voip', phoneNumber: '+441135551042', alternateIds: ['jane.s'] },
  timeZone: 'Europe/London',
  locale: 'en-GB',
};

describe('formatInstant', () => {
  it('shows local time with its time zone', () => {
    expect(formatInstant('2026-11-27T13:05:00.000Z', { timeZone: 'Europe/London', locale: 'en-GB' })).toMatch(/27 Nov 2026.*13:05.*GMT/);
    expect(formatInstant('2026-07-01T13:05:00.000Z', { timeZone: 'Europe/London', locale: 'en-GB' })).toMatch(/14:05.*BST|14:05.*GMT\+1/);
    expect(formatInstant('2026-11-27T13:05:00.000Z', { timeZone: 'America/New_York', locale: 'en-GB' })).toMatch(/08:05/);
  });
  it('returns the input when it is not a time', () => {
    expect(formatInstant('nonsense')).toBe('nonsense');
  });
});

describe('buildTicketNote', () => {
  it('holds every fact the ticket needs', () => {
    const { text } = buildTicketNote(base);
    expect(text).toContain('Customer: Acme Dental (account 100-2001)');
    expect(text).toContain('User: Jane Smith, extension 1042');
    expect(text).toContain('User ID (username): jsmith@acme.voip');
    expect(text).toContain("Temporary password sent to: jane.smith@acmedental.co.uk (the user's Email, not the User ID)");
    expect(text).toMatch(/Sent: .*27 Nov 2026.*13:05 GMT/);
    expect(text).toMatch(/Expires: .*28 Nov 2026.*13:05 GMT/);
    expect(text).toContain('Reset reference: rst_123');
    expect(text).toContain('Current status: Temporary password issued, not used yet.');
    expect(text).toContain('Handled by: Sam Carter');
  });

  it('tells the user what to do next, naming what this password must not contain', () => {
    const { text } = buildTicketNote(base);
    expect(text).toMatch(/Spam/);
    expect(text).toMatch(/Sign in to My Phone Next within 24 hours .* with the username jsmith@acme\.voip and the temporary password/);
    expect(text).toContain('at least 10 characters');
    expect(text).toContain('the username (jsmith)');
    expect(text).toContain('the telephone number (+441135551042)');
    expect(text).toContain('the alternate ID (jane.s)');
    expect(text).toContain('every 90 days');
    expect(text).toContain('My Phone Next or the UC-One app');
  });

  it('does not say "not the User ID" when the Email is the User ID', () => {
    const { text } = buildTicketNote({ ...base, sentTo: 'JSmith@acme.voip' });
    expect(text).toContain("Temporary password sent to: JSmith@acme.voip (the user's Email)");
    expect(text).not.toContain('not the User ID');
  });

  it('names the kinds of detail when the user details are not at hand', () => {
    const { text } = buildTicketNote({ ...base, details: null });
    expect(text).toContain('must not contain the username, the telephone number or any alternate ID');
  });

  it('marks an unknown outcome plainly and never as sent', () => {
    const { text } = buildTicketNote({ ...base, outcome: 'unknown', resetId: null, issuedAt: null, expiresAt: null });
    expect(text).toContain('Password reset: outcome unknown');
    expect(text).toContain('Outcome: Unknown');
    expect(text).not.toContain('Temporary password sent to');
    expect(text).toContain('Reset reference: none (outcome unknown)');
  });

  it('says a reset confirmed by a status check was sent, with its times and why there is no reference', () => {
    const { text } = buildTicketNote({ ...base, outcome: 'confirmed', resetId: null });
    expect(text).toContain('Password reset: temporary password sent (confirmed by status check)');
    expect(text).toContain("Temporary password sent to: jane.smith@acmedental.co.uk (the user's Email, not the User ID)");
    expect(text).toContain('Outcome: Confirmed by status check');
    expect(text).toMatch(/Sent: .*27 Nov 2026.*13:05 GMT/);
    expect(text).toMatch(/Expires: .*28 Nov 2026.*13:05 GMT/);
    expect(text).toContain('Reset reference: not returned — the connection dropped');
    expect(text).not.toContain('outcome unknown');
    expect(text).toContain('Next steps for the user:');
  });

  it('escapes every value in the HTML and keeps the text literal', () => {
    const evil = '<img src=x onerror="alert(1)">&Co\'s';
    const note = buildTicketNote({ ...base, customerName: evil, userName: '<b>Jane</b>', staffName: '<script>x</script>' });
    expect(note.html).not.toMatch(/<img|<b>|<script/);
    expect(note.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;Co&#39;s');
    expect(note.text).toContain(evil);
  });

  it('never carries a secret: the input has no place for one', () => {
    const leaky = { ...base, tempPassword: 'Xy12!secretTemp', password: 'parent-admin-pw' } as TicketNoteInput;
    const note = buildTicketNote(leaky);
    expect(note.text + note.html).not.toMatch(/Xy12!secretTemp|parent-admin-pw/);
  });
});

describe('describePasswordState', () => {
  const fmt = { timeZone: 'UTC', locale: 'en-GB' };
  it('describes each state', () => {
    expect(describePasswordState({ state: 'temp_issued', tempIssuedAt: '2026-11-27T13:05:00.000Z', tempExpiresAt: '2026-11-28T13:05:00.000Z', changedAt: null, expiresAt: null }, fmt)).toMatch(/^Temporary password issued .* not used yet; it expires .*28 Nov/);
    expect(describePasswordState({ state: 'temp_expired', tempIssuedAt: '2026-11-27T13:05:00.000Z', tempExpiresAt: '2026-11-28T13:05:00.000Z', changedAt: null, expiresAt: null }, fmt)).toMatch(/expired unused/);
    expect(describePasswordState({ state: 'expired', tempIssuedAt: null, tempExpiresAt: null, changedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-04-01T00:00:00.000Z' }, fmt)).toMatch(/expired .*1 Apr 2026/);
    expect(describePasswordState({ state: 'active', tempIssuedAt: null, tempExpiresAt: null, changedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-04-01T00:00:00.000Z' }, fmt)).toMatch(/^Password active: last changed .*1 Jan 2026.*expires .*1 Apr 2026/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('a dropped reset that a status check shows was never sent', () => {
  it('says it was not sent and must be sent again, with no reference and no sent time', () => {
    const note = buildTicketNote({ ...base, outcome: 'not_sent', issuedAt: null, expiresAt: null, resetId: null, status: 'Password active' });
    expect(note.text).toContain('Password reset: not sent (status check found no temporary password)');
    expect(note.text).toContain('The reset must be sent again.');
    expect(note.text).toContain('Reset reference: none (not sent)');
    expect(note.text).not.toMatch(/^Sent:/m);
    expect(note.text).not.toContain('Temporary password sent to');
  });
});
