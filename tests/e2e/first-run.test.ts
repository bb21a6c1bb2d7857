import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { shot, isFocused } from './fixtures/flows';

/**
 * First run: the portal, the parent-admin credentials checked against it, and where the keyboard starts.
 * The console as a staffer uses it, through the browser shell against this test's simulator:
 * every control is found by role and accessible name, as a screen reader would.
 * Set E2E_SHOTS=/some/dir to keep a screenshot of each main screen.
 */

describe('first run', () => {
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
    await expect.poll(() => isFocused(page, 'Username')).toBe(true);
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
    await expect.poll(() => isFocused(page, 'Username')).toBe(true);
    expect(await page.getByLabel('Portal URL').inputValue()).toBe('');
    await page.getByRole('radio', { name: 'A portal at an address' }).click();
    await expect.poll(() => isFocused(page, 'Portal URL')).toBe(true);
  });
});
