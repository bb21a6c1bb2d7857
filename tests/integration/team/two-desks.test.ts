import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTeamDbUrl } from '../../../src/main/audit/team-postgres';
import { createCore, type Core } from '../../../src/main/core/create-core';
import { createLogger } from '../../../src/main/log/logger';
import { createMemoryVault } from '../../../src/main/vault/memory-vault';
import { startSimulator, type SimulatorHandle } from '../../../src/portal-sim/index';
import type { Result } from '../../../src/shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src/shared/ipc/contract';
import { canary, JANE, JANE_EMAIL, testData } from '../core/core-harness';
import type { PgCluster } from '../../support/postgres-cluster';
import { count, startTeamCluster, teamDb } from './team-fixture';

/**
 * Two consoles, each with its own user-data folder and its own database login, on one real cluster and
 * one portal: what one desk does shows at the other, named by the first desk's login.
 */
const origin = 'app://console';
let cluster: PgCluster;
let sim: SimulatorHandle;
const dirs: string[] = [];

interface Desk {
  core: Core;
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

async function openDesk(login: string, signIn = true): Promise<Desk> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `team-desk-${login}-`));
  dirs.push(dir);
  const core = await createCore({
    host: 'browser',
    version: '0.0.0-test',
    userDataDir: dir,
    portalOverride: { mode: 'url', url: sim.url },
    allowedOrigin: origin,
    log: createLogger(() => {}),
    startDemoPortal: async () => {
      throw new Error('demo portal not used');
    },
    keychain: Object.assign(createMemoryVault(), { probe: async () => {} }),
    teamDb: parseTeamDbUrl(cluster.url(login, teamDb)),
    teamTuning: { idleCheckMs: 200, minBackoffMs: 100, maxBackoffMs: 300 },
  });
  const ok = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const r = (await core.dispatcher.dispatch(channel, input, { origin, isTopFrame: true })) as Result<ChannelOutput<C>>;
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
    return r.data;
  };
  if (signIn) {
    await ok('auth:signIn', { portal: { mode: 'url', url: sim.url }, username: 'helpdesk', password: canary, storage: 'session' });
    await ok('settings:setStaffName', { staffName: `Typed ${login}` });
  }
  return { core, ok };
}

async function until<T>(read: () => Promise<T>, good: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (good(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in ${ms} ms: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let a: Desk;
let b: Desk;
beforeAll(async () => {
  // desk_c must give a password (scram); the others are trusted on loopback.
  cluster = await startTeamCluster({ hbaFirst: [`host all desk_c 127.0.0.1/32 scram-sha-256`] });
  cluster.psql(`CREATE ROLE desk_c LOGIN PASSWORD 'desk-c-right-pw' IN ROLE helpdesk_app`, teamDb);
  sim = await startSimulator({ data: testData() });
  a = await openDesk('desk_a');
  b = await openDesk('desk_b');
}, 60_000);
afterAll(async () => {
  await a?.core.close();
  await b?.core.close();
  await sim?.close();
  cluster?.destroy();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('team mode: two desks on one team database', () => {
  it("shows desk A's reset at desk B within 2 s (History, the warning, the user panel), named by A's login, without polling", async () => {
    let { version } = await b.ok('team:nextChange', { since: -1 });
    const started = Date.now();
    const sent = await a.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'team-intent-0001', expectedEmail: JANE_EMAIL });
    expect(sent.outcome).toBe('sent');
    // As the renderer does: wait on the long poll (answered by the NOTIFY, or by B's own status changes),
    // then read History again; never a timed re-read.
    let page = await b.ok('history:list', {});
    while (page.entries.length === 0 && Date.now() - started < 5_000) {
      ({ version } = await b.ok('team:nextChange', { since: version }));
      page = await b.ok('history:list', {});
    }
    const activity = await b.ok('team:userActivity', { customerId: 'C1001', userId: JANE });
    const warnings = await b.ok('reset:warnings', { customerId: 'C1001', userId: JANE });
    const elapsed = Date.now() - started;
    console.info(`[measured] reset at desk A → visible at desk B (History, warning, panel): ${elapsed} ms`);
    expect(elapsed).toBeLessThan(2_000);
    expect(page.entries[0]).toMatchObject({ staffer: 'desk_a', staffName: 'Typed desk_a', userId: JANE, sharing: 'shared', fromThisDesk: false });
    expect(activity).toMatchObject({ team: true, recentResets: 1, latest: { staffer: 'desk_a', used: false } });
    expect(warnings).toMatchObject({ recentResets: 1, teamWide: true });

    // B can read the live status of A's reset; the check is shared, so A's History shows it was checked.
    const checked = await b.ok('history:refreshStatus', { entryId: page.entries[0]!.id });
    expect(checked).toMatchObject({ live: true, status: 'pending', staffer: 'desk_a' });
    const atAChecked = await until(() => a.ok('history:list', {}), (p) => p.entries.some((e) => e.id === checked.id && e.statusCheckedAt !== null));
    expect(atAChecked.entries.find((e) => e.id === checked.id)?.staffer).toBe('desk_a');

    // The repeat-reset count is team-wide: B's own reset makes it two at both desks.
    await b.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'team-intent-0002', expectedEmail: JANE_EMAIL });
    const atA = await until(() => a.ok('reset:warnings', { customerId: 'C1001', userId: JANE }), (w) => w.recentResets === 2);
    expect(atA.teamWide).toBe(true);
    const latestAtA = await a.ok('team:userActivity', { customerId: 'C1001', userId: JANE });
    expect(latestAtA.latest?.staffer).toBe('desk_b');
  });

  it('keeps working with the database stopped during a reset: durable locally, counted in the banner, drained after, never doubled', async () => {
    cluster.stop();
    try {
      const sent = await a.ok('reset:start', { customerId: 'C1001', userId: 'bob@acme.voip', intentId: 'team-intent-0003', expectedEmail: 'bob@acmedental.co.uk' });
      expect(sent.outcome).toBe('sent');
      const down = await until(() => a.ok('team:status', {}), (s) => s.state === 'unavailable' && s.waiting >= 1);
      expect(down.problem?.message).toMatch(/cannot be reached|not available/);
      // History falls back to the local trail; the unshipped reset is marked.
      const page = await a.ok('history:list', { user: 'bob' });
      expect(page.entries[0]).toMatchObject({ userId: 'bob@acme.voip', sharing: 'not_yet_shared' });
    } finally {
      cluster.start();
    }
    const started = Date.now();
    const up = await until(() => a.ok('team:status', {}), (s) => s.state === 'idle' && s.waiting === 0);
    console.info(`[measured] queue drained ${Date.now() - started} ms after the database came back`);
    expect(up.problem).toBeNull();
    expect(count(cluster, `user_id = 'bob@acme.voip' AND action = 'reset_sent'`)).toBe(1);
    // Desk A itself now reads History from the team again: its reset named by its login.
    const atA = await a.ok('history:list', { user: 'bob' });
    expect(atA.entries[0]).toMatchObject({ staffer: 'desk_a', sharing: 'shared', fromThisDesk: true });
    const atB = await until(() => b.ok('history:list', { user: 'bob' }), (p) => p.entries.length > 0);
    expect(atB.entries[0]).toMatchObject({ staffer: 'desk_a', sharing: 'shared' });
    expect(count(cluster)).toBe(Number(cluster.psql(`SELECT count(DISTINCT id) FROM reset_history.entries`, teamDb).trim()));
  });

  it('pages History from the team database with cursors', async () => {
    const first = await b.ok('history:list', { limit: 1 });
    expect(first.entries).toHaveLength(1);
    expect(first.nextCursor).toMatch(/^t:/);
    const second = await b.ok('history:list', { limit: 1, cursor: first.nextCursor });
    expect(second.entries).toHaveLength(1);
    expect(second.entries[0]!.id).not.toBe(first.entries[0]!.id);
    expect(second.entries[0]!.at <= first.entries[0]!.at).toBe(true);
    // History's text filters run in SQL as the local ones read: part of a name; % and _ are plain characters.
    expect((await b.ok('history:list', { customer: 'acme den' })).entries.length).toBeGreaterThan(0);
    expect((await b.ok('history:list', { user: 'Smith' })).entries.every((e) => e.userId === JANE)).toBe(true);
    expect((await b.ok('history:list', { customer: '%' })).entries).toEqual([]);
  });

  it('asks for the password once, forgets a refused one, and works once the right one is given', async () => {
    const c = await openDesk('desk_c', false);
    try {
      const asked = await until(() => c.ok('team:status', {}), (s) => s.problem !== null);
      expect(asked).toMatchObject({ enabled: true, address: `postgres://desk_c@127.0.0.1:${cluster.port}/${teamDb}`, passwordStored: false, problem: { code: 'password_needed' } });
      await c.ok('team:setPassword', { password: 'wrong-pw' });
      const refused = await until(() => c.ok('team:status', {}), (s) => s.problem?.code === 'wrong_password');
      expect(refused.problem?.message).toContain('refused the password for desk_c');
      // Forgotten, so Settings asks again rather than the desk retrying a wrong password.
      expect((await until(() => c.ok('team:status', {}), (s) => !s.passwordStored)).passwordStored).toBe(false);
      await c.ok('team:setPassword', { password: 'desk-c-right-pw' });
      const fine = await until(() => c.ok('team:status', {}), (s) => s.state === 'idle' && s.problem === null);
      expect(fine.passwordStored).toBe(true);
    } finally {
      await c.core.close();
    }
  });

  it('refuses --team-db with a password in it: exit 2, the password not repeated', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/browser-shell/cli.ts', '--team-db=postgres://desk_a:Hunter-2-secret@127.0.0.1:5432/helpdesk'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--team-db refused: .*contains a password/);
    expect(r.stderr + r.stdout).not.toContain('Hunter-2-secret');
  });
});
