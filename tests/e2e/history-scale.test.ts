import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { signIn, shot, historyRow, openHistory } from './fixtures/flows';

/**
 * 5,000 entries.
 * History as a staffer uses it when a ticket is reopened: what was sent, to where, by whom, and what
 * happened since, read live from the portal (the simulator's clock and its My Phone Next sign-in and
 * password change drive the statuses). Set E2E_SHOTS=/some/dir to keep screenshots.
 */

describe('History at scale', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
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
