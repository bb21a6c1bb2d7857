import { describe, expect, it } from 'vitest';
import { buildBlockedNote, forgotPasswordVerdict, type BlockedNoteInput } from './blocked-note';

const base: BlockedNoteInput = {
  reason: 'no_email',
  customerName: 'Acme Dental',
  accountNumber: '100-2001',
  userName: 'Nora Mail',
  extension: '1077',
  userId: 'nomail@acme.voip',
  email: null,
  userActive: true,
  at: '2026-07-01T19:54:00.000Z',
  verification: { method: 'callback' },
  staffName: 'Sam Carter',
  timeZone: 'Europe/London',
  locale: 'en-GB',
};

describe('the short note for a blocked reset', () => {
  it('no Email: what happened, that "Forgot Password?" would not work, and what to tell the caller', () => {
    const { text } = buildBlockedNote(base);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Password reset: not sent (the user has no Email)');
    expect(lines).toContain('Customer: Acme Dental (account 100-2001)');
    expect(lines).toContain('User: Nora Mail, extension 1077');
    expect(lines).toContain('User ID (username): nomail@acme.voip');
    expect(lines).toContain('Email: none');
    expect(lines).toContain('Caller verified by: call-back to the number on file');
    expect(lines).toContain('Tried: Wed, 1 Jul 2026, 20:54 BST (19:54 UTC)');
    expect(lines).toContain('What happened: The user has no Email, so a temporary password has nowhere to go. Nothing was sent.');
    expect(lines).toContain('"Forgot Password?": Would not work: it sends to the Email, and the user has none.');
    expect(lines).toContain('Handled by: Sam Carter');
    expect(text).toMatch(/Tell the caller:\n1\. Your user has no e-mail address on file.*"Forgot Password\?" will not work either\.\n2\. Once an e-mail address is added/);
  });

  it('disabled user', () => {
    const { text } = buildBlockedNote({ ...base, reason: 'user_disabled', email: 'nora@acmedental.co.uk', userActive: false });
    expect(text).toContain('Password reset: not sent (the user is disabled)');
    expect(text).toContain('"Forgot Password?": Would not work: it sends nothing to a disabled user.');
    expect(text).toMatch(/administrator must enable it/);
  });

  it('suspended customer: refer to the account manager; "Forgot Password?" judged from what is known', () => {
    const known = buildBlockedNote({ ...base, reason: 'customer_suspended', email: 'nora@acmedental.co.uk', userActive: true }).text;
    expect(known).toContain('Password reset: not sent (the customer is suspended)');
    expect(known).toContain('account manager');
    expect(known).toContain('"Forgot Password?": Would e-mail a temporary password to nora@acmedental.co.uk (the user is active and has an Email), unless the hourly limit has been reached.');
    const unknown = buildBlockedNote({ ...base, reason: 'customer_suspended', userName: null, extension: null, userId: null, email: undefined, userActive: undefined }).text;
    expect(unknown).toContain('"Forgot Password?": Works only for an active user with an Email, within the hourly limit; the console could not check this user.');
    expect(unknown).not.toMatch(/^(User|Email):/m);
  });

  it('too many resets: the same limit stops "Forgot Password?"; when the next one is allowed; use the newest e-mail', () => {
    const { text } = buildBlockedNote({ ...base, reason: 'too_many_resets', email: 'nora@acmedental.co.uk', retryAt: '2026-07-01T20:31:00.000Z' });
    expect(text).toContain('Password reset: not sent (too many temporary passwords in the last hour)');
    expect(text).toContain('The next one is allowed from Wed, 1 Jul 2026, 21:31 BST (20:31 UTC).');
    expect(text).toContain('"Forgot Password?": Would not work either: it counts against the same hourly limit, until Wed, 1 Jul 2026, 21:31 BST (20:31 UTC).');
    expect(text).toContain('If you have the newest e-mail, use the temporary password in it: it still works.');
  });

  it('portal strings cannot forge lines; the HTML escapes them', () => {
    const note = buildBlockedNote({ ...base, userName: 'Nora\nWhat happened: sent', staffName: '<b>Sam</b>' });
    expect(note.text.split('\n').filter((l) => l.startsWith('What happened:'))).toHaveLength(1);
    expect(note.text).toContain('User: Nora⟨U+000A⟩What happened: sent, extension 1077');
    expect(note.html).toContain('&lt;b&gt;Sam&lt;/b&gt;');
    expect(note.html).not.toContain('<b>');
  });
});

describe('"Forgot Password?" verdict', () => {
  it('works only for an active user with an Email under the hourly limit', () => {
    expect(forgotPasswordVerdict({ reason: 'customer_suspended', email: 'a@b.com', userActive: true })).toMatch(/^Would e-mail/);
    expect(forgotPasswordVerdict({ reason: 'customer_suspended', email: 'a@b.com', userActive: false })).toMatch(/^Would not work/);
    expect(forgotPasswordVerdict({ reason: 'customer_suspended', email: null, userActive: true })).toMatch(/^Would not work/);
    expect(forgotPasswordVerdict({ reason: 'too_many_resets', email: 'a@b.com', userActive: true })).toMatch(/^Would not work either/);
  });
});
