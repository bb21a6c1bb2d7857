import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { signIn, customerResult, searchCustomers, openCustomer, confirmCaller, outbox, shot, JANE, simStats, labelText, openAcmeUser } from './fixtures/flows';

/**
 * From the caller on the line to the ticket note: the reset itself, and the users and customers it refuses.
 * The console as a staffer uses it, through the browser shell against this test's simulator:
 * every control is found by role and accessible name, as a screen reader would.
 * Set E2E_SHOTS=/some/dir to keep a screenshot of each main screen.
 */

describe('the console, from the caller on the line to the ticket note', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('resets Jane Smith (Email differs from User ID): one e-mail to the Email, result, note on the clipboard, history', async () => {
    f = await openConsole();
    const { page } = f;
    await openAcmeUser(f, 'jane smi', 'Jane Smith');
    await shot(page, '04-user-panel');

    expect(await labelText(page, 'Email')).toBe(JANE.email);
    expect(await labelText(page, 'User ID')).toBe(JANE.userId);
    await page.getByText('the temporary password goes to the Email, not to the User ID').waitFor();

    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(JANE.email, { exact: true }).waitFor();
    await dialog.getByText(/It is not the User ID/).waitFor();
    const send = dialog.getByRole('button', { name: 'Send temporary password' });
    expect(await send.isDisabled()).toBe(true); // until the caller is verified
    await dialog.getByRole('radio', { name: 'Call-back to the number on file' }).check();
    await shot(page, '05-reset-dialog');
    // Three clicks in one go, before React can re-render: one intent, one e-mail.
    await send.evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
      button.click();
    });

    const result = page.getByRole('status').filter({ hasText: 'Temporary password sent' });
    await result.waitFor();
    await result.getByText(JANE.email, { exact: true }).waitFor();
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
    await openAcmeUser(f, '1106', 'Nora Noemail');
    await page.getByText('No Email: reset is blocked').waitFor();
    expect(await page.getByRole('button', { name: 'Reset password' }).isDisabled()).toBe(true);
    await shot(page, '08-no-email');

    await page.getByRole('button', { name: 'Add Email' }).click();
    await page.getByLabel('New Email').fill('nora@example.org');
    await page.getByRole('button', { name: 'Save Email' }).click();
    await page.getByRole('dialog').getByText('nora@example.org').waitFor();
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await expect.poll(() => labelText(page, 'Email')).toBe('nora@example.org');
    expect(await page.getByRole('button', { name: 'Reset password' }).isDisabled()).toBe(false);

    // The Email was just set in this console: the dialog asks twice.
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    await confirmCaller(dialog);
    await dialog.getByRole('checkbox', { name: /I confirm again/ }).check();
    await dialog.getByRole('button', { name: 'Send temporary password' }).click();
    await page.getByText('Temporary password sent', { exact: true }).waitFor();
    expect(await outbox(f, 'nora@example.org')).toHaveLength(1);
  });

  it('Esc in "Change the Email?" closes only that dialog; the form and its text stay, also while a save is slow', async () => {
    f = await openConsole();
    const { page } = f;
    await openAcmeUser(f, '1106', 'Nora Noemail');
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
    await f.simControl('/_sim/faults', { path: '/cap/v1/users/', method: 'PATCH', kind: 'latency', latencyMs: 4000, times: 1 });
    await page.getByRole('button', { name: 'Save Email' }).click();
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await page.keyboard.press('Escape');
    expect(await field.count()).toBe(1);
    await expect.poll(() => labelText(page, 'Email'), { timeout: 10_000 }).toBe('nora@example.org');
  });

  it('blocks a disabled user with the reason', async () => {
    f = await openConsole();
    const { page } = f;
    await openAcmeUser(f, 'Parked', 'Peter Parked');
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
    // Blocked, but the ticket still gets a note: what happened and what to tell the caller.
    await page.getByRole('button', { name: 'Copy ticket note' }).click();
    await page.getByText('Copied — paste it into the ticket.').waitFor();
    const note = await page.evaluate(() => navigator.clipboard.readText());
    expect(note).toContain('Password reset: not sent (the customer is suspended)');
    expect(note).toContain('Northwind Traders');
    expect(note).toContain('"Forgot Password?"');
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
});
