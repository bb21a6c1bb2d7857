import { appendFile, mkdtemp, rm, stat, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/create-core';
import { silentLogger } from '../../../src/main/log/logger';
import { createMemoryVault } from '../../../src/main/vault/memory-vault';
import { startSimulator, type SimulatorHandle } from '../../../src/portal-sim/index';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src/shared/ipc/contract';
import { canary, JANE, JANE_EMAIL, origin, testData } from '../core/core-harness';

/**
 * Issue 14 rows 6 and 7 at the core, across a restart on the same user-data folder and keychain:
 * lines written into audit.log by hand while the console was closed do not pass as genuine in History or the
 * CSV, do not sort to the top, and do not count toward the repeat-reset warning; an old log with giant lines
 * (one of 600 MB) does not make history:list, history:exportCsv or reset:warnings fail.
 */

const keychain = Object.assign(createMemoryVault(), { probe: async () => {} });

async function openCore(sim: SimulatorHandle, dir: string) {
  const core: Core = await createCore({
    host: 'browser', version: 't', userDataDir: dir, portalOverride: { mode: 'url', url: sim.url }, allowedOrigin: origin, log: silentLogger, keychain,
    startDemoPortal: async () => sim,
  });
  const ok = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const r = await core.dispatcher.dispatch(channel, input, { origin, isTopFrame: true });
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code}`);
    return r.data as ChannelOutput<C>;
  };
  await ok('auth:signIn', { portal: { mode: 'url', url: sim.url }, username: 'helpdesk', password: canary, storage: 'session' });
  await ok('customers:open', { customerId: 'C1001' });
  await ok('users:search', { customerId: 'C1001', q: '' });
  return { core, ok };
}

function handWritten(profile: string, id: string, at: string): string {
  return JSON.stringify({ id, at, action: 'reset_sent', staffName: 'Mallory', profile, customerId: 'C1001', customerName: 'Acme Dental', userId: JANE, userName: 'Jane Smith', extension: '1042', outcome: 'sent', status: 'completed' }) + '\n';
}

describe('audit lines written by hand, and giant lines, at the core', () => {
  let sim: SimulatorHandle;
  let dir: string;
  beforeAll(async () => {
    sim = await startSimulator({ data: testData() });
    dir = await mkdtemp(path.join(os.tmpdir(), 'core-forged-'));
  });
  afterAll(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('hand-written resets are marked in the CSV, never sort first and do not count toward the warning', async () => {
    const first = await openCore(sim, dir);
    await first.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'intent-forged-0001', expectedEmail: JANE_EMAIL });
    const [genuine] = (await first.ok('history:list', {})).entries;
    await first.core.close();

    const file = path.join(dir, 'audit.log');
    const minuteAgo = new Date(Date.now() - 60_000).toISOString();
    await appendFile(file, handWritten(sim.url, 'forged-1', minuteAgo) + handWritten(sim.url, 'forged-2', minuteAgo) + handWritten(sim.url, 'forged-9999', '9999-01-01T00:00:00.000Z') + handWritten(sim.url, 'forged-nodate', 'not a date'));

    const second = await openCore(sim, dir);
    const list = (await second.ok('history:list', {})).entries;
    expect(list).toHaveLength(5);
    // The genuine reset stays on top: "9999-…" and "not a date" do not jump above it.
    expect(list[0]!.id).toBe(genuine!.id);
    expect(list.findIndex((e) => e.id === 'forged-9999')).toBeGreaterThan(list.findIndex((e) => e.id === genuine!.id));
    // Only the genuine reset counts: four hand-written ones would otherwise make "5 in 24 hours".
    expect((await second.ok('reset:warnings', { customerId: 'C1001', userId: JANE })).recentResets).toBe(1);

    const [header, ...rows] = parse((await second.ok('history:exportCsv', {})).csv, { record_delimiter: '\r\n' }) as string[][];
    const verified = header!.indexOf('Verified');
    const cell = (id: string) => rows[list.findIndex((e) => e.id === id)]![verified];
    expect(cell(genuine!.id)).toBe('yes');
    for (const id of ['forged-1', 'forged-2', 'forged-9999', 'forged-nodate']) expect(cell(id), id).toMatch(/^no: /);
    await second.core.close();
  });

  it('a 541 MB-style log with giant lines: list, export and warnings still answer', { timeout: 60_000 }, async () => {
    const file = path.join(dir, 'audit.log');
    await appendFile(file, JSON.stringify({ id: 'giant-open', at: new Date().toISOString(), action: 'customer_opened', staffName: 'Sam', profile: sim.url, customerId: 'C1001', customerName: 'N'.repeat(1_900_000), outcome: 'ok' }) + '\n');
    const { size } = await stat(file);
    await truncate(file, size + 600 * 1024 * 1024); // one 600 MB line (sparse: no disk is used)
    await appendFile(file, '\n');

    const third = await openCore(sim, dir);
    expect((await third.ok('history:list', {})).entries).toHaveLength(5);
    expect((await third.ok('history:exportCsv', {})).csv.split('\r\n').length).toBeGreaterThan(5);
    expect((await third.ok('reset:warnings', { customerId: 'C1001', userId: JANE })).recentResets).toBe(1);
    await third.ok('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'intent-forged-0002', expectedEmail: JANE_EMAIL });
    expect((await third.ok('reset:warnings', { customerId: 'C1001', userId: JANE })).recentResets).toBe(2);
    await third.core.close();
  });
});
