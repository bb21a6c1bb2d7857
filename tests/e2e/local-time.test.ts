import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { historyRow, openCustomer, openHistory, pickUser, sendReset, signIn } from './fixtures/flows';

/**
 * Times in the staffer's own zone, with the zone named; the zone chosen in Settings and kept across a
 * restart of the window; dates typed day first (en-GB), never mm/dd/yyyy; Export CSV says what it saved.
 */

/** A day as en-GB writes it, in Paris. */
const parisDay = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);

describe('local time', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('Settings chooses the time zone; every time on screen and in the note is then shown there, named', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);

    await page.getByRole('link', { name: 'Settings' }).click();
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    // Default: this computer's zone (the select names it).
    expect(await zone.inputValue()).toBe('');
    await zone.selectOption('Europe/Paris');
    await page.getByText(/^Now: \d\d:\d\d CET$/).waitFor();
    // Stored through the core: a reloaded window keeps it.
    await page.reload();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('Europe/Paris');

    await page.getByRole('link', { name: 'Console' }).click();
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1042', 'Jane Smith');
    await sendReset(page);
    const result = page.getByRole('status').filter({ hasText: 'Temporary password sent' });
    await result.waitFor();
    const sentAt = Date.now();
    const parisClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
    // Sent … 23:54 CET: the wall-clock time in Paris, not UTC, with the zone named.
    const resultText = await result.innerText();
    expect(resultText).toMatch(/Sent .+, \d\d:\d\d CET \(just now\) · expires .+ \d\d:\d\d CET/);
    const shown = /Sent .+, (\d\d:\d\d) CET/.exec(resultText)![1]!;
    expect([parisClock.format(sentAt), parisClock.format(sentAt - 60_000)]).toContain(shown);
    expect(resultText).not.toMatch(/UTC/);
    expect(await page.getByLabel('Ticket note preview').textContent()).toMatch(/Sent: .+ CET/);

    await openHistory(page);
    const jane = historyRow(page, 'Jane Smith');
    await jane.getByText(/^\d\d:\d\d CET$/).waitFor();

    // Dates are typed day first: the hint says so, and today's date in that form finds today's reset.
    const from = page.getByRole('textbox', { name: 'From' });
    expect(await from.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await from.fill(parisDay(sentAt + 86_400_000));
    await page.getByText('No reset matches this filter.').waitFor();
    await from.fill(parisDay(sentAt));
    await jane.waitFor();
    expect(await page.getByRole('textbox', { name: 'To' }).getAttribute('placeholder')).toBe('dd/mm/yyyy');

    // Export CSV says which file it saved.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^reset-history-\d{4}-\d\d-\d\d\.csv$/);
    await page.getByRole('status').filter({ hasText: `Exported ${file.suggestedFilename()} to your Downloads folder.` }).waitFor();
  });
});
