import { describe, expect, it } from 'vitest';
import { buildTicketNote, callerInstructions, ticketNoteParts, describePasswordState, escapeHtml, formatInstant, type TicketNoteInput } from './ticket-note';

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

describe('portal strings cannot forge note lines', () => {
  const forged = 'Smith\nTemporary password sent to: mallory@evil.example\r\nIdentity: verified by supervisor via call-back\u2028Handled by: Supervisor';

  it('a last name with line breaks stays on its own line, its breaks spelled out', () => {
    const { text } = buildTicketNote({ ...base, userName: `Jane ${forged}`, customerName: 'Acme\u2029Dental', staffName: 'Sam\u0085Carter' });
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('Temporary password sent to:'))).toEqual([
      "Temporary password sent to: jane.smith@acmedental.co.uk (the user's Email, not the User ID)",
    ]);
    expect(lines.filter((l) => /^(Identity|Handled by):/.test(l))).toEqual(['Handled by: Sam⟨U+0085⟩Carter']);
    expect(text).toContain('User: Jane Smith⟨U+000A⟩Temporary password sent to: mallory@evil.example⟨U+000D⟩⟨U+000A⟩Identity:');
    expect(text).toContain('Customer: Acme⟨U+2029⟩Dental (account 100-2001)');
    expect(text).not.toMatch(/[\r\u2028\u2029\u0085]/);
  });

  it('the HTML note holds the same rows, escaped, with no break inside a value', () => {
    const input = { ...base, userName: `<i>Jane</i> ${forged}`, staffName: '<img src=x onerror=alert(1)>\nSam' };
    const { html } = buildTicketNote(input);
    // One table row per fact (the name's line breaks add an "Unusual characters" row, not forged ones).
    expect(ticketNoteParts(input).rows.map(([label]) => label)).toEqual([...ticketNoteParts(base).rows.map(([label]) => label).slice(0, 5), 'Unusual characters', ...ticketNoteParts(base).rows.map(([label]) => label).slice(5)]);
    expect(html.match(/<tr>/g)).toHaveLength(ticketNoteParts(input).rows.length);
    expect(html).toContain('U+000A LINE FEED (invisible)');
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;⟨U+000A⟩Sam</td>');
    expect(html).toContain('&lt;i&gt;Jane&lt;/i&gt;');
    expect(html).not.toMatch(/<img|<i>/);
  });

  it('a right-to-left override in a name cannot turn the note around', () => {
    const { text, html } = buildTicketNote({ ...base, userName: 'Jane \u202Ehtims' });
    expect(text).toContain('User: Jane ⟨U+202E⟩htims, extension 1042');
    expect(text + html).not.toContain('\u202E');
  });
});

describe('caller verification in the note', () => {
  it('names the method, or the short text for "other"', () => {
    expect(buildTicketNote({ ...base, verification: { method: 'callback' } }).text).toContain('Caller verified by: call-back to the number on file');
    expect(buildTicketNote({ ...base, verification: { method: 'known_contact' } }).text).toContain('Caller verified by: known contact at the customer');
    expect(buildTicketNote({ ...base, verification: { method: 'other', text: 'asked the account PIN' } }).text).toContain('Caller verified by: other: asked the account PIN');
  });
  it('says when it was not recorded', () => {
    expect(buildTicketNote(base).text).toContain('Caller verified by: not recorded');
  });
});

describe('times in the note', () => {
  it("in the staffer's zone with the zone named and UTC in brackets", () => {
    const { text } = buildTicketNote({ ...base, issuedAt: '2026-07-01T19:54:00.000Z', expiresAt: '2026-07-02T19:54:00.000Z' });
    expect(text).toContain('Sent: Wed, 1 Jul 2026, 20:54 BST (19:54 UTC)');
    expect(text).toContain('Expires: Thu, 2 Jul 2026, 20:54 BST (19:54 UTC) (24 hours after sending)');
  });
  it('in UTC when no zone is given', () => {
    const { timeZone: _zone, ...noZone } = base;
    expect(buildTicketNote(noZone).text).toContain('Sent: Fri, 27 Nov 2026, 13:05 UTC');
  });
});

describe('a second reset', () => {
  const second = { ...base, replacesEarlier: true, issuedAt: '2026-11-27T14:10:00.000Z', expiresAt: '2026-11-28T14:10:00.000Z' };
  it("names the newest e-mail's time, says to use only that one and that earlier temporary passwords stop working", () => {
    const { text } = buildTicketNote(second);
    expect(text).toContain('Earlier resets: This reset replaced an earlier one. Use only the one sent Fri, 27 Nov 2026, 14:10 GMT (14:10 UTC): the temporary passwords in earlier e-mails no longer work.');
    expect(text).toMatch(/^1\. Look for the newest e-mail with a temporary password at jane\.smith@acmedental\.co\.uk\. Use only the one sent .*14:10 GMT.* earlier e-mails no longer work\./m);
  });
  it('and so does what the staffer tells the caller', () => {
    expect(callerInstructions(second)).toBe(
      'Check the inbox (and Spam) at jane.smith@acmedental.co.uk for the e-mail with the temporary password. Use only the one sent Fri, 27 Nov 2026, 14:10 GMT (14:10 UTC): the temporary passwords in earlier e-mails no longer work. Sign in to My Phone Next before Sat, 28 Nov 2026, 14:10 GMT (14:10 UTC) with the username jsmith@acme.voip and that temporary password, then choose a new password.',
    );
    expect(callerInstructions(base)).not.toContain('Use only');
  });
  it('a first reset says nothing about earlier e-mails', () => {
    expect(buildTicketNote(base).text).not.toMatch(/Earlier resets|newest e-mail/);
  });
});

describe('a reset that a later one replaced', () => {
  const replaced = { ...base, replacedAt: '2026-11-27T14:10:00.000Z', status: 'Temporary password issued Fri 27 Nov 14:10, not used yet.' };
  it('describes that reset only: replaced at the later time, its own reference, none of the later reset\'s status', () => {
    const { text } = buildTicketNote(replaced);
    expect(text.split('\n')[0]).toBe('Password reset: replaced by a later reset');
    expect(text).toContain('Sent: Fri, 27 Nov 2026, 13:05 GMT (13:05 UTC)');
    expect(text).toContain("Replaced: Fri, 27 Nov 2026, 14:10 GMT (14:10 UTC), by a later reset of this user; this reset's temporary password stopped working then.");
    expect(text).toContain('Reset reference: rst_123');
    expect(text).toContain('Current status: Replaced at Fri, 27 Nov 2026, 14:10 GMT (14:10 UTC). The later reset has its own note.');
    expect(text).not.toContain(replaced.status);
    expect(text).not.toMatch(/Expires:|Sign in to My Phone Next/);
    expect(text).toMatch(/1\. The temporary password from this reset no longer works\. Use only the newest e-mail, from the reset at .*14:10 GMT/);
  });
});

describe('unusual characters in the recipient', () => {
  const spoof = { ...base, sentTo: 'jane.doe@\u0430cme-dental.com' };
  it('names them, gives the form the mail system uses, and records the acknowledgement', () => {
    const { text } = buildTicketNote({ ...spoof, unusualCharactersAcknowledged: true });
    expect(text).toMatch(/^Temporary password sent to: jane\.doe@\u0430cme-dental\.com \(the user's Email, not the User ID; the mail system's form: jane\.doe@xn--cme-dental-[a-z0-9]+\.com\)$/m);
    expect(text).toMatch(/^Unusual characters: The Email holds 1 character that is not plain ASCII: U\+0430 CYRILLIC SMALL LETTER A \(looks like "a"\) at position 10\. It imitates jane\.doe@acme-dental\.com but is a different address\..* The staffer saw these characters and confirmed the address with the caller before sending\.$/m);
  });
  it('says so when they were not acknowledged, and says nothing either way when not known', () => {
    expect(buildTicketNote({ ...spoof, unusualCharactersAcknowledged: false }).text).toContain('They were not acknowledged before sending.');
    expect(buildTicketNote(spoof).text).not.toMatch(/acknowledged|confirmed the address/);
  });
  it('a zero-width space in the address is visible in the note', () => {
    const { text } = buildTicketNote({ ...base, sentTo: 'jane.smith@acme\u200Bdental.co.uk' });
    expect(text).toContain('Temporary password sent to: jane.smith@acme⟨U+200B⟩dental.co.uk');
    expect(text).toContain('U+200B ZERO WIDTH SPACE (invisible) at position 16');
    expect(text).toContain("the mail system's form: jane.smith@acmedental.co.uk");
  });
  it('an address stored made-visible (History) reads the same, not escaped twice', () => {
    const { text } = buildTicketNote({ ...base, sentTo: 'jane.smith@acme⟨U+200B⟩dental.co.uk' });
    expect(text).toContain('Temporary password sent to: jane.smith@acme⟨U+200B⟩dental.co.uk');
    expect(text).toContain('U+200B ZERO WIDTH SPACE (invisible) at position 16');
  });
  it('a plain address adds no row', () => {
    expect(buildTicketNote(base).text).not.toContain('Unusual characters');
  });
});
