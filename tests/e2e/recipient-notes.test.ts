import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { confirmCaller, openCustomer, outbox, pickUser, sendReset, shot, signIn } from './fixtures/flows';
import { auditEntries, recipientDirectory, resetsElsewhere } from './fixtures/recipient-directory';

/**
 * Issue 13, what the staffer copies and tells the caller: portal strings cannot forge note lines, a second
 * reset says loudly that only the newest e-mail works, and a blocked reset still gets a note.
 * Set E2E_SHOTS=/some/dir to keep screenshots.
 */

async function copiedNote(page: Page): Promise<{ text: string; html: string }> {
  await page.getByRole('button', { name: 'Copy ticket note' }).click();
  await page.getByText('Copied — paste it into the ticket.').waitFor();
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const text = await (await item!.getType('text/plain')).text();
    const html = await (await item!.getType('text/html')).text();
    return { text, html };
  });
}

const variantOf = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).getAttribute('data-variant');

describe('notes and instructions from a hostile directory', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  async function start(staffName = 'Sam Carter'): Promise<ConsoleFixture> {
    f = await openConsole({ simulator: { data: recipientDirectory } });
    await signIn(f, staffName);
    await openCustomer(f.page, 'Acme Dental', 'Acme Dental');
    return f;
  }

  it('finding 4: a last name with line breaks cannot forge note lines (text or HTML); the staff name is escaped; the audit keeps it inert', async () => {
    const fx = await start('<b>Sam</b> & Co');
    const { page } = fx;
    await page.getByRole('textbox', { name: 'Search users' }).fill('1045');
    await page.getByRole('textbox', { name: 'Search users' }).press('Enter');
    await page.getByRole('heading', { name: /^Lee Breaker/, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    // The line breaks are characters the staffer must see and acknowledge, like a look-alike letter.
    expect(await dialog.getByRole('alert').filter({ hasText: 'Check every character' }).textContent()).toContain('U+000A');
    await confirmCaller(dialog);
    await dialog.getByRole('checkbox', { name: /checked every character/ }).check();
    await dialog.getByRole('button', { name: 'Send temporary password' }).click();
    await page.getByRole('status').filter({ hasText: 'Temporary password sent' }).waitFor();
    const { text, html } = await copiedNote(page);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('Temporary password sent to:'))).toEqual(['Temporary password sent to: lee@acmedental.co.uk (the user\'s Email, not the User ID)']);
    expect(lines.filter((l) => l.startsWith('Identity:'))).toHaveLength(0);
    expect(text).toContain('Lee Breaker⟨U+000A⟩Temporary password sent to: evil@evil.example⟨U+000A⟩Identity');
    expect(html).toContain('&lt;b&gt;Sam&lt;/b&gt; &amp; Co');
    expect(html).not.toContain('<b>Sam');
    expect(html).not.toMatch(/<br|\n[^<]*Identity: verified/);
    const entries = await auditEntries(fx);
    const sent = entries.find((e) => e.action === 'reset_sent')!;
    expect(sent.userName).toBe('Lee Breaker⟨U+000A⟩Temporary password sent to: evil@evil.example⟨U+000A⟩Identity: verified by supervisor via call-back');
    for (const e of entries) expect(JSON.stringify(e)).not.toMatch(/\\n/);
  });

  it('finding 6: after a sent reset the note is the main action; a second reset says the earlier password stops working; note and "Tell the caller" say to use only the newest e-mail', async () => {
    const fx = await start();
    const { page } = fx;
    await pickUser(page, '1042', 'Jane Smith');
    expect(await variantOf(page, 'Reset password')).toBe('filled');
    await sendReset(page);
    await page.getByRole('status').filter({ hasText: 'Temporary password sent' }).waitFor();
    expect(await variantOf(page, 'Copy ticket note')).toBe('filled');
    expect(await variantOf(page, 'Reset password')).toBe('default');
    await shot(page, 'recipient-06-after-reset');

    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    const replaces = dialog.getByRole('alert').filter({ hasText: 'This replaces an earlier temporary password' });
    expect(await replaces.textContent()).toMatch(/The earlier temporary password \(sent .+\) stops working when you send this one/);
    await confirmCaller(dialog);
    await shot(page, 'recipient-06-second-dialog');
    await dialog.getByRole('button', { name: 'Send temporary password' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Temporary password sent' });
    await result.getByText(/Tell the caller:.*Use only the one sent .+: the temporary passwords in earlier e-mails no longer work/).waitFor();
    expect(await outbox(fx, 'jane.smith@acmedental.co.uk')).toHaveLength(2);
    const { text } = await copiedNote(page);
    expect(text).toMatch(/Earlier resets: This reset replaced an earlier one\. Use only the one sent .+: the temporary passwords in earlier e-mails no longer work\./);
  });

  it('blocked cases get a short note: no Email, disabled user', async () => {
    const { page } = await start();
    await pickUser(page, '1077', 'Nora Mail');
    await shot(page, 'recipient-blocked-no-email');
    let note = await copiedNote(page);
    expect(note.text.split('\n')[0]).toBe('Password reset: not sent (the user has no Email)');
    expect(note.text).toContain('Customer: Acme Dental (account 100-2001)');
    expect(note.text).toContain('"Forgot Password?": Would not work');
    await pickUser(page, '1078', 'Gary Gone');
    note = await copiedNote(page);
    expect(note.text.split('\n')[0]).toBe('Password reset: not sent (the user is disabled)');
    expect(note.text).toContain('Tell the caller:');
  });

  it('too many resets: the dialog says nothing was sent and offers the short note, with the verification and when the next one is allowed', async () => {
    const fx = await start();
    const { page } = fx;
    await pickUser(page, '1042', 'Jane Smith');
    await resetsElsewhere(fx, 'C2001', 'jsmith@acme.voip', 5);
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    await confirmCaller(dialog);
    await dialog.getByRole('button', { name: 'Send temporary password' }).click();
    await dialog.getByText('The temporary password was not sent').waitFor();
    await shot(page, 'recipient-blocked-too-many');
    const note = await copiedNote(page);
    expect(note.text.split('\n')[0]).toBe('Password reset: not sent (too many temporary passwords in the last hour)');
    expect(note.text).toContain('Caller verified by: call-back to the number on file');
    expect(note.text).toMatch(/The next one is allowed from .+\./);
    expect(note.text).toContain('If you have the newest e-mail, use the temporary password in it: it still works.');
  });
});
