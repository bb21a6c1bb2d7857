import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { errorTable } from '../../src/shared/errors';
import { callerData } from './fixtures/caller-data';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { customerResult, isFocused, labelText, searchCustomers, signIn, submitCustomerSearch } from './fixtures/flows';
import { checkScreen } from './fixtures/screen-checks';

/**
 * Find caller (issue 16): from what the phone shows to the caller's customer and user in one step, across
 * customers whose names look alike (`fixtures/caller-data.ts`).
 */
const field = (page: Page) => page.getByRole('combobox', { name: 'Find caller' });
const hits = (page: Page) => page.getByRole('listbox', { name: 'Callers' }).getByRole('option');
const panelHeading = (page: Page, name: string) => page.getByRole('heading', { name, level: 2 });
/** Only the screens with findings, so one failure names them all. */
const findings = (problems: Record<string, string[]>) => Object.fromEntries(Object.entries(problems).filter(([, list]) => list.length > 0));
const openCard = (page: Page) => page.getByText('Open customer', { exact: true }).locator('..');

/** Types in Find caller and waits for the portal's answer for exactly that text. */
async function findCaller(page: Page, q: string): Promise<void> {
  await field(page).fill(q);
  await page.getByText(new RegExp(`matching “${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”, all customers`)).waitFor();
}

describe('Find caller', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('finds the caller from any common way of writing their number; Enter opens customer and user in one step', async () => {
    f = await openConsole({ simulator: { data: callerData } });
    const { page } = f;
    await signIn(f);
    await expect.poll(() => isFocused(page, 'Find caller')).toBe(true);
    const start = await checkScreen(page, 'fc-01-console');

    for (const number of ['0117 946 2207', '+44 (0)117 946-2207', '00441179462207']) {
      await findCaller(page, number);
      await expect.poll(() => hits(page).count()).toBe(1);
      const hit = await hits(page).first().innerText();
      expect(hit).toContain('Marguerite Okafor');
      expect(hit).toContain('Harbourside Vets');
      expect(hit).toContain('Acct 200-3002');
      expect(hit).toContain('Bath');
      expect(hit).toContain('by phone number');
    }
    const problems = { ...start, ...(await checkScreen(page, 'fc-02-hits')) };
    await field(page).press('Enter');
    await panelHeading(page, 'Marguerite Okafor').waitFor();
    expect(await openCard(page).innerText()).toContain('Harbourside Vets');
    expect(await labelText(page, 'Email')).toContain('marguerite@harboursidevets.co.uk');
    // The user panel takes focus: the next action is Reset password.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Reset password');
    expect(findings(problems)).toEqual({});
  });

  it('look-alike customers: each hit names its customer; arrow keys and Enter open the one chosen', async () => {
    f = await openConsole({ simulator: { data: callerData } });
    const { page } = f;
    await signIn(f);
    // Enter before the answer: with two look-alikes, neither is opened unseen.
    await field(page).fill('Marguerite Okafor');
    await field(page).press('Enter');
    await page.getByText(/2 callers matching “Marguerite Okafor”, all customers/).waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Find the caller']);
    await expect.poll(() => hits(page).count()).toBe(2);
    const [first, second] = await hits(page).allInnerTexts();
    expect(first).toMatch(/Harbourside Vet Supplies[\s\S]*Acct 200-3001[\s\S]*Bristol/);
    expect(second).toMatch(/Harbourside Vets[\s\S]*Acct 200-3002[\s\S]*Bath/);
    expect(await hits(page).first().getAttribute('aria-selected')).toBe('true');

    await field(page).press('ArrowDown');
    expect(await hits(page).nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await field(page).getAttribute('aria-activedescendant')).toBe(await hits(page).nth(1).getAttribute('id'));
    await field(page).press('Enter');
    await panelHeading(page, 'Marguerite Okafor').waitFor();
    expect(await openCard(page).innerText()).toContain('Harbourside Vets');
    expect(await openCard(page).innerText()).toContain('200-3002');
    expect(await labelText(page, 'Email')).toContain('marguerite@harboursidevets.co.uk');

    // A click on the other one opens the other customer, and its Marguerite.
    await findCaller(page, 'Marguerite Okafor');
    await hits(page).filter({ hasText: 'Harbourside Vet Supplies' }).click();
    await expect.poll(() => openCard(page).innerText()).toContain('Harbourside Vet Supplies');
    await expect.poll(() => labelText(page, 'Email')).toContain('m.okafor@hvsupplies.co.uk');
  });

  it('says why a suspended customer’s user or a disabled user cannot be reset', async () => {
    f = await openConsole({ simulator: { data: callerData } });
    const { page } = f;
    await signIn(f);
    await findCaller(page, 'Suspendedson');
    expect(await hits(page).first().innerText()).toContain('Customer suspended: cannot be opened or reset.');
    await field(page).press('Enter');
    await page.getByRole('alert').filter({ hasText: errorTable.customer_suspended.message }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Find the caller']);
    const suspended = await checkScreen(page, 'fc-03-suspended');

    await findCaller(page, 'dora@harboursidevets.co.uk');
    const hit = await hits(page).first().innerText();
    expect(hit).toContain('User disabled: cannot be reset.');
    expect(hit).toContain('by Email');

    await findCaller(page, 'Nobody Atall');
    await page.getByText('No caller matches “Nobody Atall”.').waitFor();
    const none = await checkScreen(page, 'fc-04-no-match');
    expect(findings({ ...suspended, ...none })).toEqual({});
  });

  it('the user panel belongs to its customer: another search, customer, caller hit or closing takes it away at once', async () => {
    f = await openConsole({ simulator: { data: callerData } });
    const { page } = f;
    await signIn(f);
    const resetButtons = () => page.getByRole('button', { name: 'Reset password' }).count();
    const openJane = async () => {
      await findCaller(page, '0113 555 1042');
      await field(page).press('Enter');
      await panelHeading(page, 'Jane Smith').waitFor();
    };
    // The portal answers slowly, so "at once" means before it answers.
    const slowPortal = () => f!.simControl('/_sim/faults', { path: '/pap/v1/', kind: 'latency', latencyMs: 1500, times: 3 });

    await openJane();
    await slowPortal();
    await submitCustomerSearch(page, 'Harbourside');
    expect(await resetButtons()).toBe(0);
    await customerResult(page, 'Harbourside Vets').waitFor();

    await openJane();
    await searchCustomers(page, 'Harbourside');
    await openJane();
    await page.getByRole('button', { name: 'Show matches' }).click();
    await slowPortal();
    await customerResult(page, 'Harbourside Vets').click();
    expect(await resetButtons()).toBe(0);
    await page.getByRole('textbox', { name: 'Search users' }).waitFor();

    await openJane();
    await slowPortal();
    await findCaller(page, 'Marguerite Okafor');
    await hits(page).first().click();
    expect(await resetButtons()).toBe(0);
    await panelHeading(page, 'Marguerite Okafor').waitFor();

    await page.getByRole('button', { name: /^Close customer / }).click();
    expect(await resetButtons()).toBe(0);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Find the caller']);
  });

  it('Customer also finds an account number, written with or without spaces and dashes, first', async () => {
    f = await openConsole({ simulator: { data: callerData } });
    const { page } = f;
    await signIn(f);
    for (const typed of ['200-3002', '200 3002', '2003002']) {
      await searchCustomers(page, typed);
      await customerResult(page, 'Harbourside Vets').waitFor();
      const first = await page.locator('[data-customer-result]').first().innerText();
      expect(first).toContain('Harbourside Vets');
    }
    await customerResult(page, 'Harbourside Vets').click();
    await page.getByRole('textbox', { name: 'Search users' }).waitFor();
    expect(await openCard(page).innerText()).toContain('200-3002');
  });

  it('with a customer open, Search users and Find caller answer from the console’s index while the portal is slow', async () => {
    f = await openConsole({ simulator: { data: callerData } });
    const { page } = f;
    await signIn(f);
    await findCaller(page, 'Jane Smith');
    await field(page).press('Enter');
    await panelHeading(page, 'Jane Smith').waitFor();
    await page.getByRole('option', { name: /Bob Jones/ }).waitFor();
    // The index is filled in the background after the customer opened; give it a moment, then slow the portal.
    await page.waitForTimeout(300);
    await f.simControl('/_sim/faults', { path: '/cap/v1/users', method: 'GET', kind: 'latency', latencyMs: 4000, times: 5 });
    await f.simControl('/_sim/faults', { path: '/pap/v1/users', method: 'GET', kind: 'latency', latencyMs: 4000, times: 5 });

    const users = page.getByRole('textbox', { name: 'Search users' });
    const started = Date.now();
    await users.fill('bo');
    await page.getByText('1 user matching “bo”').waitFor({ timeout: 2000 });
    expect(await page.getByRole('listbox', { name: 'Users' }).getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Bob Jones')]);

    await field(page).fill('Bob');
    await page.getByText(/1 caller matching “Bob” in the open customer/).waitFor({ timeout: 2000 });
    expect(await hits(page).first().innerText()).toContain('Acme Dental');
    expect(Date.now() - started).toBeLessThan(3000);
    const problems = await checkScreen(page, 'fc-05-index-answer');
    // The portal's answer for all customers replaces it when it comes.
    await page.getByText('1 caller matching “Bob”, all customers').waitFor({ timeout: 10_000 });
    expect(findings(problems)).toEqual({});
  });
});
