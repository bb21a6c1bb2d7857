import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { confirmCaller, openCustomer, outbox, pickUser, shot, signIn, simStats } from './fixtures/flows';
import { auditEntries, changeEmailElsewhere, recipientDirectory } from './fixtures/recipient-directory';

/**
 * Issue 13, the reset dialog against a hostile directory (tests/e2e/fixtures/recipient-directory.ts):
 * the right customer, the address confirmed is the address used, every character visible, and caller
 * verification recorded. Set E2E_SHOTS=/some/dir to keep screenshots.
 */

describe('the reset dialog: the right user, the right address', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  async function start(): Promise<ConsoleFixture> {
    f = await openConsole({ simulator: { data: recipientDirectory } });
    await signIn(f);
    await openCustomer(f.page, 'Acme Dental', 'Acme Dental');
    return f;
  }

  it('finding 1: the dialog and the result name the customer and its account number, not only the user', async () => {
    const { page } = await start();
    await pickUser(page, '1042', 'Jane Smith');
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Reset for').textContent()).toMatch(/Jane Smith, ext 1042 · Acme Dental \(account 100-2001\)/);
    await confirmCaller(dialog);
    await dialog.getByRole('button', { name: 'Send temporary password' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Temporary password sent' });
    await result.getByText('For Jane Smith (ext 1042) at Acme Dental (account 100-2001).').waitFor();
  });

  it('finding 2: an Email changed behind the console’s back is not used; the dialog shows the new one and asks again', async () => {
    const fx = await start();
    const { page } = fx;
    await pickUser(page, '1042', 'Jane Smith');
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    await confirmCaller(dialog);
    await changeEmailElsewhere(fx, 'C2001', 'jsmith@acme.voip', 'attacker@elsewhere.example');
    await dialog.getByRole('button', { name: 'Send temporary password' }).click();

    const changed = dialog.getByRole('alert').filter({ hasText: 'The Email changed since you opened this dialog' });
    await changed.waitFor();
    expect(await changed.textContent()).toContain('attacker@elsewhere.example');
    expect(await dialog.getByLabel('Send to').textContent()).toBe('attacker@elsewhere.example');
    await shot(page, 'recipient-02-email-changed');
    // Nothing went anywhere, nothing says it did, and the staffer must confirm again.
    expect(await outbox(fx, 'attacker@elsewhere.example')).toHaveLength(0);
    expect(await outbox(fx, 'jane.smith@acmedental.co.uk')).toHaveLength(0);
    expect((await simStats(fx)).passwordResets).toBe(0);
    expect(await page.getByText('Temporary password sent', { exact: true }).count()).toBe(0);
    expect(await dialog.getByRole('radio', { name: 'Call-back to the number on file' }).isChecked()).toBe(false);
    expect(await dialog.getByRole('button', { name: 'Send temporary password' }).isDisabled()).toBe(true);
    // The Email panel behind the dialog was re-read too.
    expect(await page.getByLabel('Email', { exact: true }).textContent()).toBe('attacker@elsewhere.example');

    // Confirmed again: it goes to the address now shown, once.
    await dialog.getByRole('radio', { name: 'Call-back to the number on file' }).check();
    await dialog.getByRole('button', { name: 'Send temporary password' }).click();
    await page.getByRole('status').filter({ hasText: 'Temporary password sent' }).waitFor();
    expect(await outbox(fx, 'attacker@elsewhere.example')).toHaveLength(1);
    const refused = (await auditEntries(fx)).filter((e) => e.action === 'reset_refused');
    expect(refused.map((e) => [e.outcome, e.email])).toEqual([['email_changed', 'jane.smith@acmedental.co.uk']]);
  });

  it('finding 3: a look-alike address is spelled out (U+0430, xn--), needs an acknowledgement, and the audit records it', async () => {
    const fx = await start();
    const { page } = fx;
    await pickUser(page, '1043', 'Jane Doe');
    const panelWarning = page.getByRole('alert').filter({ hasText: 'Check every character of this recipient' });
    expect(await panelWarning.textContent()).toContain('U+0430 CYRILLIC SMALL LETTER A');
    expect(await panelWarning.textContent()).toMatch(/xn--/);
    expect(await panelWarning.textContent()).toContain('It imitates jane.doe@acme-dental.com');

    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    const dialogWarning = dialog.getByRole('alert').filter({ hasText: 'Check every character of this recipient' });
    expect(await dialogWarning.textContent()).toContain('U+0430');
    expect(await dialogWarning.textContent()).toMatch(/Sent to: jane\.doe@xn--/);
    await confirmCaller(dialog);
    await shot(page, 'recipient-03-look-alike');
    const send = dialog.getByRole('button', { name: 'Send temporary password' });
    expect(await send.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: /checked every character/ }).check();
    await send.click();
    await page.getByRole('status').filter({ hasText: 'Temporary password sent' }).waitFor();
    const sent = (await auditEntries(fx)).find((e) => e.action === 'reset_sent')!;
    expect(sent.acknowledged).toEqual(['U+0430']);
    expect(sent.verification).toEqual({ method: 'callback' });
    expect(sent.warningsChecked).toBe(true);
  });

  it('finding 3: a zero-width space is named; an Email that is the User ID, or on its domain, gets a caution', async () => {
    const { page } = await start();
    await pickUser(page, '1044', 'Zoe Zero');
    expect(await page.getByRole('alert').filter({ hasText: 'Check every character' }).textContent()).toContain('U+200B');
    await pickUser(page, '1046', 'Sam Same');
    expect(await page.getByRole('alert').filter({ hasText: 'Caution' }).textContent()).toContain('The Email is the same as the User ID');
    await pickUser(page, '1047', 'Dom Domain');
    expect(await page.getByRole('alert').filter({ hasText: 'Caution' }).textContent()).toContain("The Email is on the User ID's domain (acme.voip)");
  });

  it('finding 7: "Caller verified by" is required; Other needs words; it goes into the note and the audit', async () => {
    const fx = await start();
    const { page } = fx;
    await pickUser(page, '1042', 'Jane Smith');
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    const send = dialog.getByRole('button', { name: 'Send temporary password' });
    await dialog.getByRole('radiogroup', { name: 'Caller verified by' }).waitFor();
    expect(await send.isDisabled()).toBe(true); // no choice yet
    await dialog.getByRole('radio', { name: 'Other' }).check();
    expect(await send.isDisabled()).toBe(true); // no words yet
    await dialog.getByRole('textbox', { name: 'How was the caller verified?' }).fill('asked the account PIN');
    await send.click();
    await page.getByRole('button', { name: 'Copy ticket note' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Caller verified by: other: asked the account PIN');
    const sent = (await auditEntries(fx)).find((e) => e.action === 'reset_sent')!;
    expect(sent.verification).toEqual({ method: 'other', text: 'asked the account PIN' });
  });

  it('finding 7: after the Email was changed in this console, the dialog says so and asks for a second confirmation', async () => {
    const { page } = await start();
    await pickUser(page, '1042', 'Jane Smith');
    await page.getByRole('button', { name: 'Change Email' }).click();
    await page.getByLabel('New Email').fill('jane.new@acmedental.co.uk');
    await page.getByRole('button', { name: 'Save Email' }).click();
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await expect.poll(() => page.getByLabel('Email', { exact: true }).textContent()).toBe('jane.new@acmedental.co.uk');
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('alert').filter({ hasText: 'The Email was changed in this console' }).waitFor();
    await confirmCaller(dialog);
    const send = dialog.getByRole('button', { name: 'Send temporary password' });
    expect(await send.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: /I confirm again/ }).check();
    expect(await send.isDisabled()).toBe(false);
  });

  it('the check for earlier resets: Send waits for it ("Checking earlier resets…")', async () => {
    const fx = await start();
    const { page } = fx;
    await pickUser(page, '1042', 'Jane Smith');
    // The check reads every user of the customer (the shared-Email check): make that read slow, long enough
    // that a loaded CI machine still sees the check running after the caller is confirmed, and for a few
    // reads in case a background refetch of the users takes the first slow answer.
    await fx.simControl('/_sim/faults', { path: '/cap/v1/users', method: 'GET', kind: 'latency', latencyMs: 6000, times: 3 });
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    const checking = dialog.getByText('Checking earlier resets…');
    await checking.waitFor();
    await confirmCaller(dialog);
    const send = dialog.getByRole('button', { name: 'Send temporary password' });
    expect(await checking.isVisible()).toBe(true);
    expect(await send.isDisabled()).toBe(true);
    await dialog.getByText('No other temporary passwords for this user').waitFor();
    expect(await send.isDisabled()).toBe(false);
  });

  it('the check for earlier resets failed: sending without it is an explicit choice, and the audit records it', async () => {
    const fresh = await start();
    await pickUser(fresh.page, '1042', 'Jane Smith');
    await fresh.simControl('/_sim/faults', { path: '/cap/v1/users', method: 'GET', kind: 'status', status: 500, times: 20 });
    await fresh.page.getByRole('button', { name: 'Reset password' }).click();
    const d2 = fresh.page.getByRole('dialog');
    await confirmCaller(d2);
    await d2.getByText('Could not check recent resets').waitFor();
    await fresh.simControl('/_sim/faults', undefined, 'DELETE');
    const send2 = d2.getByRole('button', { name: 'Send temporary password' });
    expect(await send2.isDisabled()).toBe(true);
    await d2.getByRole('checkbox', { name: 'Send without the check' }).check();
    await send2.click();
    await fresh.page.getByRole('status').filter({ hasText: 'Temporary password sent' }).waitFor();
    const sent = (await auditEntries(fresh)).find((e) => e.action === 'reset_sent')!;
    expect(sent.warningsChecked).toBe(false);
  });
});
