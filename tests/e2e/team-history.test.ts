import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTeamDbUrl } from '../../src/main/audit/team-postgres';
import { createCore, type Core } from '../../src/main/core/create-core';
import { createLogger } from '../../src/main/log/logger';
import { createMemoryVault } from '../../src/main/vault/memory-vault';
import type { Result } from '../../src/shared/errors';
import type { PgCluster } from '../support/postgres-cluster';
import { startTeamCluster, teamDb } from '../integration/team/team-fixture';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { historyRow, JANE, openCustomer, openHistory, pickUser, sendReset, signIn } from './fixtures/flows';
import { checkScreen } from './fixtures/screen-checks';

/**
 * Team mode in the browser shell: this window is desk_b; desk_a is a second core on the same portal and
 * the same real PostgreSQL cluster. What desk_a does shows here without a reload; with the database
 * stopped the banner counts what waits, and History marks it "not yet shared".
 */
let cluster: PgCluster;
let f: ConsoleFixture;
let deskA: Core;
let deskADir: string;
const tuning = { idleCheckMs: 200, minBackoffMs: 100, maxBackoffMs: 300 };

beforeAll(async () => {
  cluster = await startTeamCluster();
  f = await openConsole({ core: { teamDb: parseTeamDbUrl(cluster.url('desk_b', teamDb)), teamTuning: tuning } });
  deskADir = await mkdtemp(path.join(os.tmpdir(), 'team-e2e-desk-a-'));
  deskA = await createCore({
    host: 'browser',
    version: '0.0.0-test',
    userDataDir: deskADir,
    portalOverride: { mode: 'url', url: f.sim.url },
    allowedOrigin: 'app://console',
    log: createLogger(() => {}),
    startDemoPortal: async () => {
      throw new Error('not used');
    },
    keychain: Object.assign(createMemoryVault(), { probe: async () => {} }),
    teamDb: parseTeamDbUrl(cluster.url('desk_a', teamDb)),
    teamTuning: tuning,
  });
  const signInA = (await deskA.dispatcher.dispatch(
    'auth:signIn',
    { portal: { mode: 'url', url: f.sim.url }, username: f.sim.credentials.username, password: f.sim.credentials.password, storage: 'session' },
    { origin: 'app://console', isTopFrame: true },
  )) as Result<unknown>;
  expect(signInA.ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await f?.close();
  await deskA?.close();
  if (deskADir) await rm(deskADir, { recursive: true, force: true });
  cluster?.destroy();
});

describe('team history in the console', () => {
  it("shows desk_a's reset on the open user within 2 s, in History by login, and the banner while the database is away", async () => {
    const { page } = f;
    await signIn(f, 'Bea at desk B');
    await openCustomer(page, 'Acme Dental', 'Acme Dental');
    await pickUser(page, '1042', 'Jane Smith');

    // Desk A opens the customer first, as a staffer would (its entry then carries the customer's name).
    const opened = (await deskA.dispatcher.dispatch('customers:open', { customerId: 'C1001' }, { origin: 'app://console', isTopFrame: true })) as Result<unknown>;
    expect(opened.ok).toBe(true);
    const started = Date.now();
    const sent = (await deskA.dispatcher.dispatch(
      'reset:start',
      { customerId: 'C1001', userId: JANE.userId, intentId: 'team-e2e-intent-01', expectedEmail: JANE.email },
      { origin: 'app://console', isTopFrame: true },
    )) as Result<{ outcome: string }>;
    expect(sent.ok).toBe(true);
    const line = page.getByRole('status', { name: 'Team history for this user' });
    await line.getByText(/Reset by desk_a just now, not used yet/).waitFor({ timeout: 2_000 });
    console.info(`[measured] desk_a's reset on desk_b's open user panel after ${Date.now() - started} ms`);
    await expect.poll(() => line.textContent()).toContain('1 reset of this user in 24 h by anyone');
    // The open user is re-read too: the password state desk_a's reset changed.
    await page.getByText('Temporary password issued').waitFor({ timeout: 2_000 });
    const problems = await checkScreen(page, 'team-01-user-panel');

    // The repeat-reset warning counts desk_a's reset too.
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('dialog').getByText(/One temporary password was sent to this user/).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await openHistory(page);
    const row = historyRow(page, 'by desk_a');
    await row.waitFor();
    expect(await row.textContent()).toContain('Jane Smith');
    Object.assign(problems, await checkScreen(page, 'team-02-history'));

    // The database goes away; a reset at this desk is still made, kept, counted and marked.
    cluster.stop();
    try {
      await page.getByRole('link', { name: 'Console' }).first().click();
      await pickUser(page, '1042', 'Jane Smith');
      await sendReset(page);
      await page.getByText(/Sent to/).first().waitFor();
      await page.getByRole('status').filter({ hasText: 'Team history unavailable — 1 entry waiting' }).waitFor({ timeout: 10_000 });
      Object.assign(problems, await checkScreen(page, 'team-03-banner'));
      await openHistory(page);
      await historyRow(page, 'not yet shared').waitFor();
      Object.assign(problems, await checkScreen(page, 'team-04-history-not-yet-shared'));
    } finally {
      cluster.start();
    }
    // Back: the queue drains by itself and the banner goes.
    await page.getByRole('status').filter({ hasText: 'Team history unavailable' }).waitFor({ state: 'detached', timeout: 10_000 });
    await historyRow(page, 'by desk_b').waitFor({ timeout: 10_000 }).catch(async (e: Error) => {
      await page.screenshot({ path: path.join(os.tmpdir(), 'team-history-failure.png') });
      throw e;
    });
    expect(await historyRow(page, 'not yet shared').count()).toBe(0);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('textbox', { name: 'Team database address' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Team database address' }).inputValue()).toBe(`postgres://desk_b@127.0.0.1:${cluster.port}/${teamDb}`);
    Object.assign(problems, await checkScreen(page, 'team-05-settings'));
    expect(Object.values(problems).flat()).toEqual([]);
  });
});
