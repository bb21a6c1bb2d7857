import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleFixture } from './fixtures/console';
import { historyRow, openHistory, signIn } from './fixtures/flows';
import { checkScreen } from './fixtures/screen-checks';

/**
 * An entry whose seal does not check out is never shipped to the team, and History says so: "not
 * verifiable", with the reason the audit store found. (The same row shape serves team and local History.)
 */
describe('History and entries that cannot be verified', () => {
  let f: ConsoleFixture | null = null;
  afterEach(async () => {
    await f?.close();
    f = null;
  });

  it('marks a hand-written reset "not verifiable" with the reason', async () => {
    f = await openConsole();
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const line = {
      id: 'hand-written-1', at, action: 'reset_sent', staffName: 'Nobody', profile: f.sim.url, customerId: 'C1001', customerName: 'Acme Dental',
      accountNumber: '100-2001', userId: 'forged@acme.voip', userName: 'Forged Entry', extension: '1999', email: 'forged@example.org',
      resetId: 'r-forged', issuedAt: at, expiresAt: new Date(Date.parse(at) + 86_400_000).toISOString(), outcome: 'sent', status: 'pending',
    };
    await mkdir(f.userDataDir, { recursive: true });
    await writeFile(join(f.userDataDir, 'audit.log'), JSON.stringify(line) + '\n');
    await signIn(f);
    await openHistory(f.page);
    const row = historyRow(f.page, 'Forged Entry');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/not verifiable\s*it carries no seal/);
    expect(Object.values(await checkScreen(f.page, 'team-06-history-not-verifiable')).flat()).toEqual([]);
  });
});
