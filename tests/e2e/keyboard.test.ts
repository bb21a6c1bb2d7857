import { afterEach, describe, expect, it } from 'vitest';
import { callerData } from './fixtures/caller-data';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { signIn, customerResult, isFocused, openCustomer, outbox, JANE } from './fixtures/flows';

/**
 * The console from the keyboard alone.
 * The console as a staffer uses it, through the browser shell against this test's simulator:
 * every control is found by role and accessible name, as a screen reader would.
 * Set E2E_SHOTS=/some/dir to keep a screenshot of each main screen.
 */

describe('the console from the keyboard', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
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
    // `Caller verified by` first: Space picks the focused choice.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
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
    // "/" when not typing jumps to Find caller; Ctrl+K to Customer, its text selected.
    await page.getByRole('heading', { name: 'Pick a user' }).click();
    await kb.press('/');
    await expect.poll(() => isFocused(page, 'Find caller')).toBe(true);
    await kb.press('Control+k');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Acme Dental');
  });

  it('from the number on the phone to the note on the clipboard with the keyboard alone, in five actions', async () => {
    f = await openConsole({ simulator: { data: callerData } });
    const { page } = f;
    await signIn(f);
    const kb = page.keyboard;
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent);
    // The console opens in Find caller; from History, "/" comes back to it.
    await expect.poll(() => isFocused(page, 'Find caller')).toBe(true);
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'Resets', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Resets', level: 2 }).click();
    await kb.press('/');
    await expect.poll(() => isFocused(page, 'Find caller')).toBe(true);
    // 1. Find caller + Enter: Jane Smith's number (+441135551042) as the phone shows it.
    await kb.type('0113 555 1042');
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Jane Smith', level: 2 }).waitFor();
    await expect.poll(() => page.getByText('Open customer', { exact: true }).locator('..').innerText()).toContain('Acme Dental');
    // 2. Reset password (focused when the user is read).
    await expect.poll(focusedText).toBe('Reset password');
    await kb.press('Enter');
    await page.getByRole('dialog').waitFor();
    // 3. The verification choice: `Caller verified by`, call-back (focused first).
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await kb.press('Space');
    // 4. Send temporary password.
    await kb.press('Tab');
    await kb.press('Tab');
    await expect.poll(focusedText).toBe('Send temporary password');
    await kb.press('Enter');
    // 5. Copy ticket note.
    await expect.poll(focusedText).toBe('Copy ticket note');
    await kb.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('User: Jane Smith, extension 1042');
    expect(await outbox(f, JANE.email)).toHaveLength(1);
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
});
