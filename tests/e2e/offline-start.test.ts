import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowserShell, type BrowserShell } from '../../src/main/browser-shell/launch';
import { createCore, type Core } from '../../src/main/core/create-core';
import { browserShellOrigin } from '../../src/main/core/renderer-security';
import { createLogger } from '../../src/main/log/logger';
import { startSimulator, type SimulatorHandle } from '../../src/portal-sim/index';
import { openConsole } from './fixtures/console';
import { download, historyRow, JANE, openCustomer, parseCsv, pickUser, sendReset } from './fixtures/flows';
import { checkScreen } from './fixtures/screen-checks';

/**
 * Row 10 of issue 14: credentials kept "for this session only" (so none is stored), then the console is
 * restarted while the portal is down. History, its ticket notes and the CSV export still open, read-only,
 * from the audit trail; the banner offers sign-in once the portal answers again.
 */

describe('offline start without a keychain', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => {});
  });

  it('restarted with the portal down and nothing stored: History, Copy ticket note and Export CSV work; sign-in is offered when the portal is back', async () => {
    const f = await openConsole();
    cleanup.push(() => rm(f.userDataDir, { recursive: true, force: true }));
    const first = { shell: f.shell as BrowserShell | null, core: f.core as Core | null };
    cleanup.push(async () => { await first.shell?.close(); await first.core?.close(); });
    let sim: SimulatorHandle = f.sim;
    cleanup.push(() => sim.close());
    const { page } = f;
    const problems: Record<string, string[]> = {};
    await page.getByLabel('Username').fill(f.sim.credentials.username);
    await page.getByLabel('Password').fill(f.sim.credentials.password);
    await page.getByLabel('Your name').fill('Sam Carter');
    await page.getByRole('radio', { name: 'For this session only' }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Parent admin: helpdesk (this session only)').waitFor();
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1042', 'Jane Smith');
    await sendReset(page);
    await page.getByText('Temporary password sent', { exact: true }).waitFor();

    // Quit, the portal goes down, start again on the same user-data dir (the portal comes from settings.json).
    await first.shell!.close();
    await first.core!.close();
    first.shell = null;
    first.core = null;
    const port = Number(new URL(sim.url).port);
    const credentials = sim.credentials;
    await sim.close();
    const core = await createCore({
      host: 'browser',
      version: '0.0.0-test',
      userDataDir: f.userDataDir,
      portalOverride: null,
      allowedOrigin: browserShellOrigin,
      log: createLogger(() => {}),
      startDemoPortal: () => startSimulator({ port: 0 }),
    });
    cleanup.push(() => core.close());
    const shell = await launchBrowserShell({ dispatcher: core.dispatcher, rendererDir: resolve('out/renderer'), headless: true, remoteDebuggingPort: null, extraPermissions: ['clipboard-read'] });
    cleanup.push(() => shell.close());
    const again = shell.page;

    await again.getByRole('heading', { name: 'Resets', level: 2 }).waitFor();
    const banner = again.getByRole('alert').filter({ hasText: 'The portal cannot be reached: not signed in' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('History, ticket notes and CSV export work from the local audit trail');
    await again.getByText('Parent admin: not signed in').waitFor();
    const jane = historyRow(again, 'Jane Smith');
    await jane.getByText(JANE.email).waitFor();
    Object.assign(problems, await checkScreen(again, '11-offline-start-history'));

    await jane.getByRole('button', { name: 'Copy ticket note' }).click();
    await again.getByText('Ticket note for Jane Smith copied — paste it into the ticket.').waitFor();
    const note = await again.evaluate(() => navigator.clipboard.readText());
    expect(note).toContain(`Temporary password sent to: ${JANE.email}`);
    expect(note).toContain('Handled by: Sam Carter');
    const [header, ...rows] = parseCsv(await download(again));
    expect(rows).toHaveLength(1);
    expect(rows[0]![header!.indexOf('User ID')]).toBe(JANE.userId);

    // The console page says why it cannot search, instead of failing every keystroke.
    await again.getByRole('link', { name: 'Console' }).click();
    await again.getByRole('heading', { name: 'Not signed in', level: 2 }).waitFor();
    expect(await again.getByRole('textbox', { name: 'Customer' }).count()).toBe(0);
    Object.assign(problems, await checkScreen(again, '12-offline-start-console'));

    // The portal comes back on the same address: the banner (polled) offers sign-in, and it works.
    sim = await startSimulator({ port });
    expect(sim.credentials).toEqual(credentials);
    const back = again.getByRole('status').filter({ hasText: 'The portal is back' });
    await back.waitFor({ timeout: 15_000 });
    Object.assign(problems, await checkScreen(again, '13-offline-start-portal-back'));
    await back.getByRole('button', { name: 'Sign in' }).click();
    await again.getByLabel('Username').fill(credentials.username);
    await again.getByLabel('Password').fill(credentials.password);
    await again.getByRole('button', { name: 'Sign in' }).click();
    await again.getByRole('textbox', { name: 'Customer' }).waitFor();
    // axe (no serious or critical finding), nothing clipped, at 1280×800 and 1024×768, as in screens.test.ts.
    expect(Object.fromEntries(Object.entries(problems).filter(([, list]) => list.length > 0))).toEqual({});
  });
});
