import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { signIn, openCustomer, pickUser, sendReset, outbox, shot, JANE, labelText, userChangesPassword, openAcmeUser } from './fixtures/flows';

/**
 * After Send: the countdown, an outcome the portal never confirmed, the note while a re-read is slow, the portal gone.
 * The console as a staffer uses it, through the browser shell against this test's simulator:
 * every control is found by role and accessible name, as a screen reader would.
 * Set E2E_SHOTS=/some/dir to keep a screenshot of each main screen.
 */

describe('what a reset left behind', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('counts down the temporary password and shows it expired after the simulator clock moves 25 hours', async () => {
    f = await openConsole();
    const { page } = f;
    await openAcmeUser(f, '1042', 'Jane Smith');
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
    await openAcmeUser(f, '1042', 'Jane Smith');
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
    await openAcmeUser(f, '1042', 'Jane Smith');
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
    // The user list keeps what was read, with one quiet line instead of a second alarm.
    await page.getByText('The portal did not answer (portal_unreachable): these are the users this console read before.').waitFor();
    // What was read before stays on screen.
    expect(await labelText(page, 'User ID')).toMatch(/@/);
    await shot(page, '13-offline');
  });

  it('the green "expires in …" result gives way to "Password changed" once the portal shows the user changed it', async () => {
    f = await openConsole();
    const { page } = f;
    await openAcmeUser(f, '1042', 'Jane Smith');
    await sendReset(page);
    const sent = page.getByRole('status').filter({ hasText: 'Temporary password sent' });
    await sent.waitFor();
    expect(await sent.innerText()).toMatch(/expires .+\(in 23 h 59 min\)/);

    await userChangesPassword(f, JANE.userId, JANE.email);
    await page.getByRole('button', { name: 'Re-read' }).click();
    const changed = page.getByRole('status').filter({ hasText: 'Password changed' });
    await changed.waitFor();
    expect(await changed.innerText()).toMatch(/Jane Smith signed in with the temporary password and chose a new password .+\(just now\)/);
    expect(await page.getByText('Temporary password sent', { exact: true }).count()).toBe(0);
    expect(await page.getByText(/expires .+\(in 23 h/).count()).toBe(0);
    expect(await page.getByRole('timer').count()).toBe(0);
  });
});
