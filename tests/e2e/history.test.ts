import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { openCustomer, outbox, pickUser, sendReset, shot, signIn } from './fixtures/flows';
import { parse } from 'csv-parse/sync';

/**
 * History as a staffer uses it when a ticket is reopened: what was sent, to where, by whom, and what
 * happened since, read live from the portal (the simulator's clock and its My Phone Next sign-in and
 * password change drive the statuses), with filters, CSV export, the warnings no portal gives, the
 * portal down, and 5,000 entries. Set E2E_SHOTS=/some/dir to keep screenshots.
 */

const JANE = { userId: 'jsmith@acme.voip', email: 'jane.smith@acmedental.co.uk' };

/** RFC 4180, read with csv-parse: quoted cells, doubled quotes, CRLF rows, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
}

/** The accessible description from aria-describedby, as a screen reader reads it after the name. */
const description = (button: Locator): Promise<string> =>
  button.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim());

const historyRow = (page: Page, text: string): Locator => page.getByRole('table', { name: 'Resets' }).getByRole('row').filter({ hasText: text });

async function openHistory(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { name: 'Resets', level: 2 }).waitFor();
}

/** The user signs in to My Phone Next with the e-mailed temporary password and chooses a new one. */
async function userChangesPassword(f: ConsoleFixture, userId: string, email: string): Promise<void> {
  const temp = (await outbox(f, email)).at(-1)!.tempPassword;
  const signIn = (await f.simControl('/mpn/v1/sessions', { username: userId, password: temp })) as { error: { code: string; changeToken: string } };
  expect(signIn.error.code).toBe('password_change_required');
  const res = await fetch(`${f.sim.url}/mpn/v1/password/change`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ changeToken: signIn.error.changeToken, newPassword: 'Brand-New-Pa55!' }),
  });
  expect(res.status).toBe(204);
}

async function download(page: Page): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  return readFile((await file.path())!, 'utf8');
}

describe('History and live reset status', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('pending with a countdown → completed after the user changes the password; expired after 25 h, then Reset again; filters; CSV', async () => {
    f = await openConsole();
    const { page } = f;
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1042', 'Jane Smith');
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
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1042', 'Jane Smith');
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
      await dialog.getByRole('checkbox').check();
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
    await signIn(f);
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1042', 'Jane Smith');
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

  it('5,000 entries: the DOM holds about a screenful of rows, scrolling reaches the oldest, filters stay quick', async () => {
    f = await openConsole();
    const { page } = f;
    // A generated audit log, written before the console first reads it.
    const start = Date.parse('2026-01-01T08:00:00.000Z');
    const statuses = ['completed', 'expired', 'completed', 'unknown'] as const;
    const lines: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const at = new Date(start + i * 7 * 60_000).toISOString();
      lines.push(JSON.stringify({
        id: `gen-${String(i).padStart(4, '0')}`, at, action: 'reset_sent', staffName: `Staffer ${i % 7}`, profile: f.sim.url,
        customerId: `C${2000 + (i % 50)}`, customerName: `Customer ${i % 50}`, accountNumber: `200-${i % 50}`,
        userId: `user${i}@c${i % 50}.voip`, userName: `User Number${i}`, extension: String(3000 + i), email: `user${i}@example.org`,
        resetId: `r-${i}`, issuedAt: at, expiresAt: new Date(Date.parse(at) + 86_400_000).toISOString(), outcome: 'sent', status: statuses[i % 4],
      }));
    }
    await mkdir(f.userDataDir, { recursive: true });
    await writeFile(join(f.userDataDir, 'audit.log'), lines.join('\n') + '\n');
    await signIn(f);
    await openHistory(page);
    await page.getByText('5,000 resets').waitFor();
    const table = page.getByRole('table', { name: 'Resets' });
    expect(await table.getAttribute('aria-rowcount')).toBe('5001');
    const rowsInDom = () => table.getByRole('row').count();
    await historyRow(page, 'User Number4999').waitFor();
    const scroller = page.locator('.rc-history-scroll');
    const viewport = await scroller.evaluate((el) => el.clientHeight);
    const screenful = Math.ceil(viewport / 96);
    expect(await rowsInDom()).toBeLessThanOrEqual(screenful + 2 * 4 + 1 + 1); // visible + overscan both sides + header
    await shot(page, 'history-05-5000');

    // Scroll through in steps and to the end: still a screenful each time, and the oldest entry shows.
    const frames = await scroller.evaluate(async (el) => {
      const times: number[] = [];
      for (let i = 1; i <= 30; i++) {
        const t = performance.now();
        el.scrollTop = (el.scrollHeight * i) / 30;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        times.push(performance.now() - t);
      }
      return times;
    });
    await historyRow(page, 'User Number0 ').or(historyRow(page, 'user0@c0.voip')).first().waitFor();
    expect(await rowsInDom()).toBeLessThanOrEqual(screenful + 2 * 4 + 1 + 1);
    frames.sort((a, b) => a - b);
    console.info(`[history 5000] rows in DOM ${await rowsInDom()}, viewport ${viewport}px, scroll step median ${frames[15]!.toFixed(1)} ms, worst ${frames.at(-1)!.toFixed(1)} ms`);
    await shot(page, 'history-06-5000-bottom');

    // Filtering thousands answers promptly.
    await page.getByLabel('User, extension or Email').fill('Number4242');
    await expect.poll(() => rowsInDom()).toBe(2);
    await historyRow(page, 'user4242@example.org').waitFor();
  });
});
