import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { customerResult, openCustomer, outbox, pickUser, searchCustomers, sendReset, shot, signIn } from './fixtures/flows';

/**
 * The console as a staffer uses it, through the browser shell against this test's simulator:
 * every control is found by role and accessible name, as a screen reader would.
 * Set E2E_SHOTS=/some/dir to keep a screenshot of each main screen.
 */

const JANE = { userId: 'jsmith@acme.voip', email: 'jane.smith@acmedental.co.uk' };

async function simStats(f: ConsoleFixture): Promise<{ passwordResets: number; emailsSent: number }> {
  return (await (await fetch(`${f.sim.url}/_sim/stats`)).json()) as { passwordResets: number; emailsSent: number };
}

const text = (page: Page, label: string) => page.getByLabel(label, { exact: true }).textContent();
const focused = (page: Page, label: string) => page.getByLabel(label, { exact: true }).evaluate((el) => el === document.activeElement).catch(() => false);

describe('the console, from the caller on the line to the ticket note', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('first run shows the --portal-url in Portal URL, refuses a wrong password with its sentence, then signs in', async () => {
    f = await openConsole();
    const { page } = f;
    await expect.poll(() => page.getByLabel('Portal URL').inputValue()).toBe(f.sim.url);
    // The address is given: the keyboard starts in Username.
    await expect.poll(() => focused(page, 'Username')).toBe(true);
    await shot(page, '01-first-run');
    await page.getByLabel('Username').fill(f.sim.credentials.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The portal refused the parent-admin username or password').waitFor();
    await page.getByText('Code: invalid_credentials').waitFor();
    await page.getByLabel('Password').fill(f.sim.credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('textbox', { name: 'Customer' }).waitFor();
    await page.getByText(`Parent admin: ${f.sim.credentials.username}`).waitFor();
    // The password never comes back to the renderer.
    expect(await page.content()).not.toContain(f.sim.credentials.password);
  });

  it('first run without an address starts in Username; choosing "A portal at an address" moves to Portal URL', async () => {
    f = await openConsole({ portal: 'demo' });
    const { page } = f;
    await expect.poll(() => focused(page, 'Username')).toBe(true);
    expect(await page.getByLabel('Portal URL').inputValue()).toBe('');
    await page.getByRole('radio', { name: 'A portal at an address' }).click();
    await expect.poll(() => focused(page, 'Portal URL')).toBe(true);
  });

  it('resets Jane Smith (Email differs from User ID): one e-mail to the Email, result, note on the clipboard, history', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, 'jane smi', 'Jane Smith');
    await shot(page, '04-user-panel');

    expect(await text(page, 'Email')).toBe(JANE.email);
    expect(await text(page, 'User ID')).toBe(JANE.userId);
    await page.getByText('the temporary password goes to the Email, not to the User ID').waitFor();

    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(JANE.email, { exact: true }).waitFor();
    await dialog.getByText(/It is not the User ID/).waitFor();
    const send = dialog.getByRole('button', { name: 'Send temporary password' });
    expect(await send.isDisabled()).toBe(true); // until the caller is verified
    await dialog.getByRole('checkbox', { name: /verified the caller/ }).check();
    await shot(page, '05-reset-dialog');
    // Three clicks in one go, before React can re-render: one intent, one e-mail.
    await send.evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
      button.click();
    });

    const result = page.getByRole('status').filter({ hasText: 'Temporary password sent' });
    await result.waitFor();
    await result.getByText(JANE.email).waitFor();
    await result.getByText(/expires .*\(in 23 h 59 min\)/).waitFor();
    await shot(page, '06-reset-result');

    const sent = await outbox(f, JANE.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.kind).toBe('password_reset');
    expect(await outbox(f, JANE.userId)).toHaveLength(0);
    expect((await simStats(f)).passwordResets).toBe(1);

    await page.getByRole('button', { name: 'Copy ticket note' }).click();
    await page.getByText('Copied — paste it into the ticket.').waitFor();
    const note = await page.evaluate(() => navigator.clipboard.readText());
    expect(note).toContain('Customer: Acme Dental (account');
    expect(note).toContain('User: Jane Smith, extension 1042');
    expect(note).toContain(`User ID (username): ${JANE.userId}`);
    expect(note).toContain(`Temporary password sent to: ${JANE.email} (the user's Email, not the User ID)`);
    expect(note).toMatch(/Sent: .+ [A-Z]{3,4}/);
    expect(note).toMatch(/Expires: .+\(24 hours after sending\)/);
    expect(note).toMatch(/Reset reference: \S+/);
    expect(note).toContain('Handled by: Sam Carter');
    expect(note).toContain('Spam');
    expect(note).toContain('the telephone number (+441135551042)');
    expect(note).toContain('the alternate ID (jane.s)');
    expect(note).toContain('every 90 days');
    expect(note).not.toContain(sent[0]!.tempPassword);
    expect(note).not.toContain(f.sim.credentials.password);

    await page.getByRole('link', { name: 'History' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Jane Smith' });
    await row.waitFor();
    await row.getByText(JANE.email).waitFor();
    await shot(page, '07-history');
    await row.getByRole('button', { name: 'Copy ticket note' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Handled by: Sam Carter');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain(JANE.userId);
  });

  it('blocks a user with no Email, then adds the Email (confirmed, re-read) and resets to it', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1106', 'Nora Noemail');
    await page.getByText('No Email: reset is blocked').waitFor();
    expect(await page.getByRole('button', { name: 'Reset password' }).isDisabled()).toBe(true);
    await shot(page, '08-no-email');

    await page.getByRole('button', { name: 'Add Email' }).click();
    await page.getByLabel('New Email').fill('nora@example.org');
    await page.getByRole('button', { name: 'Save Email' }).click();
    await page.getByRole('dialog').getByText('nora@example.org').waitFor();
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await expect.poll(() => text(page, 'Email')).toBe('nora@example.org');
    expect(await page.getByRole('button', { name: 'Reset password' }).isDisabled()).toBe(false);

    await sendReset(page);
    await page.getByText('Temporary password sent', { exact: true }).waitFor();
    expect(await outbox(f, 'nora@example.org')).toHaveLength(1);
  });

  it('Esc in "Change the Email?" closes only that dialog; the form and its text stay, also while a save is slow', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1106', 'Nora Noemail');
    await page.getByRole('button', { name: 'Add Email' }).click();
    const field = page.getByLabel('New Email');
    await field.fill('nora@example.org');
    await page.getByRole('button', { name: 'Save Email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the Email?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await field.inputValue()).toBe('nora@example.org');
    await page.getByRole('heading', { name: 'Nora Noemail', level: 2 }).waitFor();

    // While the save is on its way, Esc neither closes the dialog nor throws the form away.
    await f.simControl('/_sim/faults', { path: '/cap/v1/users/', method: 'PATCH', kind: 'latency', latencyMs: 1500 });
    await page.getByRole('button', { name: 'Save Email' }).click();
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await page.keyboard.press('Escape');
    expect(await field.count()).toBe(1);
    await expect.poll(() => text(page, 'Email'), { timeout: 5000 }).toBe('nora@example.org');
  });

  it('blocks a disabled user with the reason', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, 'Parked', 'Peter Parked');
    await page.getByText('Disabled user: reset is blocked').waitFor();
    await page.getByText(/This user is disabled, so no temporary password can be sent/).first().waitFor();
    expect(await page.getByRole('button', { name: 'Reset password' }).isDisabled()).toBe(true);
    await shot(page, '09-disabled');
  });

  it('marks a suspended customer and does not open it', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await searchCustomers(page, 'Northwind');
    const result = customerResult(page, 'Northwind Traders');
    await result.getByText('Suspended', { exact: true }).waitFor();
    expect(await result.isEnabled()).toBe(false); // aria-disabled: it cannot be opened
    // Trying anyway (Enter on it) explains why instead of opening it.
    await result.focus();
    await page.keyboard.press('Enter');
    await page.getByText('This customer is suspended; its Admin Portal cannot be opened').waitFor();
    expect(await page.getByRole('textbox', { name: 'Search users' }).count()).toBe(0);
    await shot(page, '10-suspended');
  });

  it('tells near-identical customers and same-named users apart, and shows markup as text', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await searchCustomers(page, 'acme');
    for (const name of ['Acme Dental', 'Acme Dental Group', 'ACME Logistics']) await customerResult(page, name).waitFor();
    const dental = await customerResult(page, 'Acme Dental').textContent();
    const group = await customerResult(page, 'Acme Dental Group').textContent();
    expect(dental).toMatch(/Acct \S+.*Leeds/);
    expect(group).toMatch(/Acct \S+.*Manchester/);
    expect(await customerResult(page, 'Acme Dental').locator('mark').count()).toBeGreaterThan(0);
    await shot(page, '02-customer-results');

    await searchCustomers(page, 'bold');
    const bold = customerResult(page, '<b>Bold</b> Networks');
    await bold.waitFor();
    expect(await bold.locator('b').count()).toBe(0);

    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    // The open customer's close button says which customer it closes.
    await page.getByRole('button', { name: 'Close customer Acme Dental', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Search users' }).fill('sam taylor');
    const options = page.getByRole('option', { name: /Sam Taylor/ });
    await expect.poll(() => options.count()).toBe(2);
    const names = await options.allTextContents();
    expect(names.some((n) => n.includes('1100'))).toBe(true);
    expect(names.some((n) => n.includes('1101'))).toBe(true);
  });

  it('runs from the keyboard alone: Ctrl+K, Enter, arrows, Esc back one step', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    const kb = page.keyboard;
    await page.getByRole('link', { name: 'History' }).click();
    await kb.press('Control+k');
    const customerField = page.getByRole('textbox', { name: 'Customer' });
    await expect.poll(() => customerField.evaluate((el) => el === document.activeElement).catch(() => false)).toBe(true);
    await kb.type('Acme Dental');
    await kb.press('Enter');
    await page.getByText(/match(es)? for “/).waitFor();
    await kb.press('ArrowDown'); // into the results: the exact name comes first
    await kb.press('Enter');
    await page.getByRole('textbox', { name: 'Search users' }).waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.placeholder ?? '')).toContain('1042');
    await kb.type('1042');
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Jane Smith' }).waitFor();
    // Focus lands on Reset password. Esc inside the dialog closes only the dialog.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Reset password');
    await kb.press('Enter');
    await page.getByRole('dialog').waitFor();
    await kb.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Jane Smith' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Reset password');
    await kb.press('Enter');
    await page.getByRole('dialog').waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    await kb.press('Space');
    await kb.press('Tab');
    await kb.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Send temporary password');
    await kb.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Copy ticket note');
    await kb.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('User: Jane Smith, extension 1042');
    expect(await outbox(f, JANE.email)).toHaveLength(1);

    // Esc: user → user list → customer results.
    await kb.press('Escape');
    await page.getByRole('heading', { name: 'Pick a user' }).waitFor();
    await kb.press('Escape');
    await customerResult(page, 'Acme Dental').waitFor();
    // "/" when not typing jumps to Customer too.
    await page.getByRole('heading', { name: 'Pick a user' }).click();
    await kb.press('/');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Acme Dental');
  });

  it('Enter in a blank Search users field opens nobody; after an arrow key it opens the row moved to', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    const field = page.getByRole('textbox', { name: 'Search users' });
    await page.getByRole('option').first().waitFor();
    await field.fill('   ');
    await field.press('Enter');
    await field.fill('');
    await field.press('Enter');
    await page.waitForTimeout(400); // past the search debounce
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Pick a user']);
    expect(await page.getByRole('option', { selected: true }).count()).toBe(0);

    await field.press('ArrowDown');
    const second = (await page.getByRole('option').nth(1).locator('p').first().textContent())!;
    await field.press('Enter');
    await page.getByRole('heading', { name: second, level: 2 }).waitFor();
  });

  it('counts down the temporary password and shows it expired after the simulator clock moves 25 hours', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1042', 'Jane Smith');
    await sendReset(page);
    const timer = page.getByRole('timer');
    await timer.waitFor();
    const first = await timer.textContent();
    expect(first).toMatch(/^2[34]:\d\d:\d\d left$/);
    await expect.poll(() => timer.textContent(), { timeout: 4000 }).not.toBe(first);

    await f.simControl('/_sim/clock', { advanceMs: 25 * 3600 * 1000 });
    await page.getByRole('button', { name: 'Re-read' }).click();
    await page.getByText('Temporary password expired', { exact: true }).waitFor();
    await page.getByText('It was not used within 24 hours. Send a new temporary password.').waitFor();
    await shot(page, '11-temp-expired');
  });

  it('shows a dropped reset as "Outcome unknown — check status", never as sent, and checks status', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1042', 'Jane Smith');
    await f.simControl('/_sim/faults', { path: '/cap/v1/users/', method: 'POST', kind: 'drop' });
    await sendReset(page);
    await page.getByText('Outcome unknown — check status').waitFor();
    expect(await page.getByText('Temporary password sent', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reset password' }).isDisabled()).toBe(true);
    await shot(page, '12-outcome-unknown');
    // Before the check the note says the outcome is unknown.
    await page.getByRole('button', { name: 'Copy ticket note' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Password reset: outcome unknown');
    expect(await page.evaluate(() => navigator.clipboard.readText())).not.toContain('Temporary password sent to');
    await page.getByText('Copied — paste it into the ticket.').waitFor();

    await page.getByRole('button', { name: 'Check status' }).click();
    await page.getByText(/the reset went through/).waitFor();
    // The box now says what the portal showed, not "unknown" any more.
    await page.getByText('Reset went through (confirmed by status check)').waitFor();
    expect(await page.getByText('Outcome unknown — check status').count()).toBe(0);
    // The portal ran the request before the connection dropped: exactly one e-mail.
    expect(await outbox(f, JANE.email)).toHaveLength(1);
    // The note changed, so "Copied" no longer stands; the new note says what the check found.
    await expect.poll(() => page.getByText('Copied — paste it into the ticket.').count()).toBe(0);
    // Reset password stays blocked, with the reason; sending another takes an explicit choice.
    expect(await page.getByRole('button', { name: 'Reset password' }).isDisabled()).toBe(true);
    await page.getByText(/Reset is blocked: .*went through/).waitFor();
    await page.getByRole('button', { name: 'Send another anyway' }).waitFor();
    await shot(page, '12b-outcome-confirmed');
    await page.getByRole('button', { name: 'Copy ticket note' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('Temporary password sent to');
    const note = await page.evaluate(() => navigator.clipboard.readText());
    expect(note).not.toContain('outcome unknown');
    expect(note).toMatch(/Outcome: Confirmed by status check/);
    expect(note).toMatch(/Sent: .+ [A-Z]{3,4}/);
    expect(note).toMatch(/Expires: .+\(24 hours after sending\)/);
    expect(note).toContain('Reset reference: not returned — the connection dropped');
    expect(note).toContain('Current status: Temporary password issued');
  });

  it('the note copied the moment a reset succeeds states the new temporary password, even while the re-read is slow', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1042', 'Jane Smith');
    await f.simControl('/_sim/faults', { path: '/cap/v1/users/', method: 'GET', kind: 'latency', latencyMs: 3000, times: 2 });
    await sendReset(page);
    await page.getByText('Temporary password sent', { exact: true }).waitFor();
    // Focus is on Copy ticket note: Enter right away.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Copy ticket note');
    await page.keyboard.press('Enter');
    await page.getByText('Copied — paste it into the ticket.').waitFor();
    const note = await page.evaluate(() => navigator.clipboard.readText());
    expect(note).toContain('Current status: Temporary password issued');
    expect(note).not.toContain('Password active');

    // "Copied" stands only while the note says what was copied: a later re-read that changes it clears it.
    await f.simControl('/_sim/clock', { advanceMs: 25 * 3600 * 1000 });
    await page.getByRole('button', { name: 'Re-read' }).click();
    await expect.poll(() => page.getByLabel('Ticket note preview').textContent()).toContain('expired unused');
    expect(await page.getByText('Copied — paste it into the ticket.').count()).toBe(0);
  });

  it('shows names with markup as text and an offline banner when the portal goes away', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'bold', '<b>Bold</b> Networks');
    await pickUser(page, '1001', 'Mark <i>Up</i>');
    expect(await page.getByRole('heading', { name: 'Mark <i>Up</i>' }).locator('i').count()).toBe(0);

    await f.sim.close();
    await page.getByRole('button', { name: 'Re-read' }).click();
    await page.getByText('The portal cannot be reached', { exact: true }).waitFor();
    await page.getByText('Code: portal_unreachable').waitFor();
    // What was read before stays on screen.
    expect(await text(page, 'User ID')).toMatch(/@/);
    await shot(page, '13-offline');
  });
});
