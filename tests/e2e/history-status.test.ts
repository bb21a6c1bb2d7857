import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { pickUser, sendReset, shot, JANE, parseCsv, description, historyRow, openHistory, userChangesPassword, download, openAcmeUser } from './fixtures/flows';

/**
 * Live statuses, filters, CSV and Reset again.
 * History as a staffer uses it when a ticket is reopened: what was sent, to where, by whom, and what
 * happened since, read live from the portal (the simulator's clock and its My Phone Next sign-in and
 * password change drive the statuses). Set E2E_SHOTS=/some/dir to keep screenshots.
 */

describe('History and live reset status', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('pending with a countdown → completed after the user changes the password; expired after 25 h, then Reset again; filters; CSV', async () => {
    f = await openConsole();
    const { page } = f;
    await openAcmeUser(f, '1042', 'Jane Smith');
    await sendReset(page);
    await page.getByText('Temporary password sent', { exact: true }).waitFor();
    await pickUser(page, '1100', 'Sam Taylor');
    await sendReset(page);
    await page.getByText('Temporary password sent', { exact: true }).waitFor();

    await openHistory(page);
    const jane = historyRow(page, 'Jane Smith');
    const sam = historyRow(page, 'Sam Taylor');
    await jane.getByText('Pending', { exact: true }).waitFor();
    await jane.getByText(JANE.email).waitFor();
    await jane.getByText('by Sam Carter').waitFor();
    expect(await jane.getByRole('timer').textContent()).toMatch(/^2[34]:\d\d:\d\d left$/);
    // Each row's buttons keep their names and say which reset they act on in their description.
    for (const name of ['Copy ticket note', 'Refresh status']) {
      expect(await description(jane.getByRole('button', { name, exact: true }))).toMatch(/^Jane Smith, ext 1042, Acme Dental: reset at .+ [A-Z]{3,4}/);
      expect(await description(sam.getByRole('button', { name, exact: true }))).toMatch(/^Sam Taylor, ext 1100, Acme Dental: reset at /);
    }
    // …for screen readers only: the description takes no room on screen.
    expect((await jane.getByText(/: reset at /).boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    // Newest first.
    const names = await page.getByRole('table', { name: 'Resets' }).getByRole('row').allTextContents();
    expect(names.findIndex((t) => t.includes('Sam Taylor'))).toBeLessThan(names.findIndex((t) => t.includes('Jane Smith')));
    await shot(page, 'history-01-pending');

    // The user signs in with the temporary password and changes it: Jane's reset is completed.
    await userChangesPassword(f, JANE.userId, JANE.email);
    await jane.getByRole('button', { name: 'Refresh status' }).click();
    await jane.getByText('Completed', { exact: true }).waitFor();
    await jane.getByText('Password changed after the reset').waitFor();
    await jane.getByText(/checked (just now|\d+ min ago)/).waitFor();

    // 25 hours later on the portal's clock, Sam's temporary password has expired unused.
    await f.simControl('/_sim/clock', { advanceMs: 25 * 3600 * 1000 });
    await sam.getByRole('button', { name: 'Refresh status' }).click();
    await sam.getByText('Expired', { exact: true }).waitFor();
    await sam.getByRole('button', { name: 'Reset again' }).waitFor();
    expect(await description(sam.getByRole('button', { name: 'Reset again' }))).toMatch(/^Sam Taylor, ext 1100/);
    expect(await jane.getByRole('button', { name: 'Reset again' }).count()).toBe(0);
    await shot(page, 'history-02-completed-expired');

    // Filters: status, user, dates.
    const status = page.getByLabel('Status');
    await status.selectOption('completed');
    await expect.poll(() => page.getByRole('table', { name: 'Resets' }).getByRole('row').count()).toBe(2); // header + Jane
    await jane.waitFor();
    await status.selectOption('expired');
    await sam.waitFor();
    await expect.poll(() => jane.count()).toBe(0);
    await status.selectOption('');
    await page.getByLabel('User, extension or Email').fill('1042');
    await expect.poll(() => sam.count()).toBe(0);
    await jane.waitFor();
    await page.getByLabel('Company or account').fill('Acme Dental');
    await jane.waitFor();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await page.getByLabel('From').fill(day(tomorrow));
    await page.getByText('No reset matches this filter.').waitFor();
    await page.getByLabel('From').fill(day(new Date()));
    await page.getByLabel('To').fill(day(new Date()));
    await jane.waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await sam.waitFor();
    await page.getByText('2 resets', { exact: false }).waitFor();

    // Export: RFC 4180, one row per reset, statuses as last read.
    const [header, ...rows] = parseCsv(await download(page));
    expect(header).toContain('Sent to');
    expect(rows).toHaveLength(2);
    const col = (n: string) => header!.indexOf(n);
    expect(rows.map((r) => [r[col('User ID')], r[col('Status')], r[col('Sent to')]])).toEqual([
      [expect.stringMatching(/@acme\.voip$/), 'expired', expect.any(String)],
      [JANE.userId, 'completed', JANE.email],
    ]);

    // Reset again: straight to Sam's panel, Reset password under the keyboard, and a new pending reset.
    await sam.getByRole('button', { name: 'Reset again' }).click();
    await page.getByRole('heading', { name: 'Sam Taylor', level: 2 }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Reset password');
    await sendReset(page);
    await page.getByText('Temporary password sent', { exact: true }).waitFor();
    await openHistory(page);
    await expect.poll(() => sam.count()).toBe(2);
    await sam.first().getByText('Pending', { exact: true }).waitFor();
  });

  it('Reset again opens the customer as Customer results do: the user is read afresh, not shown from the cache', async () => {
    f = await openConsole();
    const { page } = f;
    await openAcmeUser(f, '1042', 'Jane Smith');
    await sendReset(page);
    await page.getByText('Temporary password sent', { exact: true }).waitFor();
    await page.getByText('Temporary password issued', { exact: false }).first().waitFor();

    // A day later on the portal the temporary password has expired; the console's copy of Jane still says issued.
    await f.simControl('/_sim/clock', { advanceMs: 25 * 3600 * 1000 });
    await openHistory(page);
    const jane = historyRow(page, 'Jane Smith');
    await jane.getByRole('button', { name: 'Refresh status' }).click();
    await jane.getByRole('button', { name: 'Reset again' }).click();
    await page.getByRole('heading', { name: 'Jane Smith', level: 2 }).waitFor();
    await page.getByText('Temporary password expired', { exact: true }).waitFor({ timeout: 4000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Reset password');
  });
});
