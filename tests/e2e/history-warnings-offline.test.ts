import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { signIn, openCustomer, pickUser, sendReset, outbox, shot, JANE, parseCsv, historyRow, openHistory, download, openAcmeUser } from './fixtures/flows';

/**
 * The warnings no portal gives, and History with the portal down.
 * History as a staffer uses it when a ticket is reopened: what was sent, to where, by whom, and what
 * happened since, read live from the portal (the simulator's clock and its My Phone Next sign-in and
 * password change drive the statuses). Set E2E_SHOTS=/some/dir to keep screenshots.
 */

describe('History: warnings and the portal down', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('warns in the confirmation of a 4th reset in 24 h and of an Email several users share', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    // Nora gets Jane's address: now two users share that Email.
    await pickUser(page, '1106', 'Nora Noemail');
    await page.getByRole('button', { name: 'Add Email' }).click();
    await page.getByLabel('New Email').fill(JANE.email);
    await page.getByRole('button', { name: 'Save Email' }).click();
    await page.getByRole('button', { name: 'Confirm and save' }).click();
    await expect.poll(() => page.getByLabel('Email', { exact: true }).textContent()).toBe(JANE.email);

    await pickUser(page, '1042', 'Jane Smith');
    for (let i = 1; i <= 3; i++) {
      await page.getByRole('button', { name: 'Reset password' }).click();
      const dialog = page.getByRole('dialog');
      const shared = dialog.getByRole('alert').filter({ hasText: 'Shared Email' });
      await shared.waitFor();
      expect(await shared.textContent()).toContain('Nora Noemail');
      expect(await dialog.getByText('Possible social engineering').count()).toBe(0);
      await dialog.getByRole('radio', { name: 'Call-back to the number on file' }).check();
      await dialog.getByRole('button', { name: 'Send temporary password' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Temporary password sent', { exact: true }).waitFor();
    }
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    const warning = dialog.getByRole('alert').filter({ hasText: 'Possible social engineering' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('3 temporary passwords in the last 24 hours');
    await shot(page, 'history-03-warnings');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await outbox(f, JANE.email)).toHaveLength(3);
  });

  it('offline: the list, Copy ticket note and Export CSV work with the simulator stopped; statuses say "last known at"', async () => {
    f = await openConsole();
    const { page } = f;
    await openAcmeUser(f, '1042', 'Jane Smith');
    await sendReset(page);
    await page.getByText('Temporary password sent', { exact: true }).waitFor();
    await openHistory(page);
    const jane = historyRow(page, 'Jane Smith');
    await jane.getByRole('button', { name: 'Refresh status' }).click();
    await jane.getByText(/checked (just now|\d+ min ago)/).waitFor();

    await f.sim.close();
    // Leave and come back: the list is read again from the audit log alone.
    await page.getByRole('link', { name: 'Settings' }).click();
    await openHistory(page);
    await jane.getByText(JANE.email).waitFor();
    await jane.getByRole('button', { name: 'Refresh status' }).click();
    await jane.getByText(/^last known at .+/).waitFor();
    await jane.getByText('Pending', { exact: true }).waitFor();
    await page.getByText(/The portal cannot be reached: statuses are the last known/).waitFor();
    await shot(page, 'history-04-offline');

    await jane.getByRole('button', { name: 'Copy ticket note' }).click();
    await page.getByText('Ticket note for Jane Smith copied — paste it into the ticket.').waitFor();
    const note = await page.evaluate(() => navigator.clipboard.readText());
    expect(note).toContain(`Temporary password sent to: ${JANE.email}`);
    expect(note).toMatch(/Current status: Temporary password sent, not used yet\. \(last known at .+\)/);
    expect(note).toContain('Handled by: Sam Carter');

    const [header, ...rows] = parseCsv(await download(page));
    expect(rows).toHaveLength(1);
    expect(rows[0]![header!.indexOf('Status')]).toBe('pending');
    expect(rows[0]![header!.indexOf('Status checked')]).not.toBe('');
    // The copy was recorded in the audit log, offline too.
    const log = await readFile(join(f.userDataDir, 'audit.log'), 'utf8');
    expect(log.trim().split('\n').map((l) => JSON.parse(l).action).at(-1)).toBe('note_copied');
  });
});
