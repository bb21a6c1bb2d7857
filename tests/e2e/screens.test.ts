import { afterEach, describe, expect, it } from 'vitest';
import type { DataFile } from '../../src/portal-sim/data-file';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { customerResult, openCustomer, pickUser, searchCustomers, sendReset, signIn } from './fixtures/flows';
import { checkScreen, lineBreaksIn, SIZES } from './fixtures/screen-checks';

/**
 * Every screen a staffer meets, at 1280×800 and 1024×768: axe-core finds no serious or critical
 * violation, no label is clipped, nothing scrolls sideways, and a screenshot of each is kept (E2E_SHOTS,
 * default /tmp/shots) to be looked at. The data holds the cases that used to break the layout: a long
 * name beside Re-read, a long address, a customer with exactly one user.
 */

const LONG = {
  userId: 'maximiliana.featherstonehaugh-cholmondeley@acme.voip',
  firstName: 'Maximiliana',
  lastName: 'Featherstonehaugh-Cholmondeley',
  email: 'maximiliana.featherstonehaugh-cholmondeley@acmedentalpractice.co.uk',
};

const data: DataFile = {
  parentAdmins: [{ username: 'helpdesk', password: 'Demo-Helpdesk-Pw1' }],
  customers: [
    {
      id: 'C1001',
      name: 'Acme Dental',
      accountNumber: '100-2001',
      city: 'Leeds',
      users: [
        { userId: 'jsmith@acme.voip', firstName: 'Jane', lastName: 'Smith', extension: '1042', email: 'jane.smith@acmedental.co.uk', department: 'Reception' },
        { userId: LONG.userId, firstName: LONG.firstName, lastName: LONG.lastName, extension: '1099', email: LONG.email, department: 'Orthodontics and Paediatric Dentistry' },
        { userId: 'nomail@acme.voip', firstName: 'Nora', lastName: 'Nomail', extension: '1050', email: null },
        { userId: 'off@acme.voip', firstName: 'Otto', lastName: 'Off', extension: '1051', email: 'otto@acmedental.co.uk', status: 'disabled' },
        // A look-alike Email (Cyrillic "а"): the recipient warnings and the acknowledgement.
        { userId: 'lucy@acme.voip', firstName: 'Lucy', lastName: 'Lookalike', extension: '1052', email: 'lucy@\u0430cmedental.co.uk' },
        // Enough people that the user list scrolls: the keyboard must reach it.
        ...Array.from({ length: 40 }, (_, i) => ({ userId: `staff${i}@acme.voip`, firstName: `Staff${i}`, lastName: 'Member', extension: String(1100 + i), email: `staff${i}@acmedental.co.uk` })),
      ],
    },
    { id: 'C1002', name: 'Acme Dental Group', accountNumber: '100-2002', city: 'Manchester', users: [{ userId: 'solo@acmegroup.voip', firstName: 'Sol', lastName: 'Solo', extension: '2001', email: 'sol@acmegroup.example' }] },
    { id: 'C1003', name: 'Acme Logistics', accountNumber: '100-2003', city: 'Bristol', status: 'suspended', users: [] },
  ],
};

describe('every screen: accessible, nothing clipped, at 1280×800 and 1024×768', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('first run, console, customer results, users, user panel, reset dialog, result and note, History, Settings', async () => {
    f = await openConsole({ simulator: { data } });
    const { page } = f;
    const problems: Record<string, string[]> = {};

    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    Object.assign(problems, await checkScreen(page, '01-first-run'));
    // The whole first-run form, Sign in included, is on screen at 1280×800 without scrolling.
    const signInBox = await page.getByRole('button', { name: 'Sign in' }).boundingBox();
    expect(signInBox!.y + signInBox!.height).toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(800);

    await signIn(f);
    Object.assign(problems, await checkScreen(page, '02-console'));

    await searchCustomers(page, 'Acme');
    await customerResult(page, 'Acme Dental').waitFor();
    Object.assign(problems, await checkScreen(page, '03-customer-results'));

    await customerResult(page, 'Acme Dental Group').click();
    await page.getByRole('textbox', { name: 'Search users' }).waitFor();
    // One user, said as one user: not "1 USERS".
    await expect.poll(() => page.getByText('Open customer').locator('..').innerText()).toContain('1 user');
    expect(await page.getByText('Open customer').locator('..').innerText()).not.toMatch(/1 users/i);

    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await page.getByRole('listbox', { name: 'Users' }).waitFor();
    Object.assign(problems, await checkScreen(page, '04-users'));

    await pickUser(page, 'Featherstonehaugh', `${LONG.firstName} ${LONG.lastName}`);
    Object.assign(problems, await checkScreen(page, '05-user-panel-long-name'));
    // Re-read stays whole beside a long name.
    const reread = page.getByRole('button', { name: 'Re-read' });
    expect(await reread.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);

    // The long address wraps, and only after an '@' or a '.', at both sizes.
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const breaksAfter = await lineBreaksIn(page.getByLabel('Email', { exact: true }));
      expect(breaksAfter.length, `wraps at ${size.width}`).toBeGreaterThan(0);
      expect(breaksAfter.filter((ch) => ch !== '@' && ch !== '.'), `breaks at ${size.width}`).toEqual([]);
    }
    await page.setViewportSize(SIZES[0]);

    await pickUser(page, 'jane', 'Jane Smith');
    Object.assign(problems, await checkScreen(page, '06-user-panel'));

    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('dialog').getByRole('radiogroup', { name: 'Caller verified by' }).waitFor();
    Object.assign(problems, await checkScreen(page, '07-reset-dialog'));
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await sendReset(page);
    await page.getByRole('status').filter({ hasText: 'Temporary password sent' }).waitFor();
    Object.assign(problems, await checkScreen(page, '08-result-and-note'));

    // A second reset: the dialog says the earlier temporary password stops working.
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('dialog').getByText('This replaces an earlier temporary password').waitFor();
    Object.assign(problems, await checkScreen(page, '08b-second-reset-dialog'));
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    // A look-alike Email: every character spelled out, in the panel and the dialog.
    await pickUser(page, 'lucy', 'Lucy Lookalike');
    Object.assign(problems, await checkScreen(page, '08c-user-panel-look-alike'));
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('dialog').getByRole('checkbox', { name: /checked every character/ }).waitFor();
    Object.assign(problems, await checkScreen(page, '08d-reset-dialog-look-alike'));
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    // No Email: the blocked note.
    await pickUser(page, 'nora', 'Nora Nomail');
    await page.getByRole('button', { name: 'Copy ticket note' }).waitFor();
    Object.assign(problems, await checkScreen(page, '08e-blocked-note'));

    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('table', { name: 'Resets' }).getByRole('row').filter({ hasText: 'Jane Smith' }).waitFor();
    Object.assign(problems, await checkScreen(page, '09-history'));

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    Object.assign(problems, await checkScreen(page, '10-settings'));

    const found = Object.fromEntries(Object.entries(problems).filter(([, list]) => list.length > 0));
    expect(found).toEqual({});
  });
});
