import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../../src/main/core/create-core';
import { silentLogger } from '../../../src/main/log/logger';
import { createMemoryVault } from '../../../src/main/vault/memory-vault';
import { startSimulator } from '../../../src/portal-sim/index';
import { origin } from './core-harness';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function core(extra: Partial<CoreOptions> = {}) {
  const dir = extra.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'core-settings-')));
  const c = await createCore({
    host: 'electron',
    version: '1.2.3',
    userDataDir: dir,
    portalOverride: null,
    allowedOrigin: origin,
    log: silentLogger,
    startDemoPortal: async () => {
      throw new Error('not in this test');
    },
    keychain: Object.assign(createMemoryVault(), { probe: async () => {} }),
    gateway: { responseTimeoutMs: 800, connectTimeoutMs: 500, backoffMs: 10 },
    ...extra,
  });
  cleanups.push(async () => {
    await c.close();
    await rm(dir, { recursive: true, force: true });
  });
  const call = async (channel: string, input: unknown) => c.dispatcher.dispatch(channel, input, { origin, isTopFrame: true });
  return { dir, call };
}

describe('settings, demo portal and offline behaviour', () => {
  it('reports a corrupt settings file and sets it aside', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'core-settings-'));
    await writeFile(path.join(dir, 'settings.json'), '{ not json');
    const { call } = await core({ userDataDir: dir });
    const view = await call('settings:get', {});
    expect(view).toMatchObject({ ok: true, data: { portalMode: 'demo', settingsProblem: expect.stringContaining('settings.corrupt-') } });
    expect((await readdir(dir)).some((f) => /^settings\.corrupt-.*\.json$/.test(f))).toBe(true);
  });

  it('starts the demo portal only when the portal is first needed, once', async () => {
    let starts = 0;
    const sim = await startSimulator({});
    cleanups.push(() => sim.close());
    const { call } = await core({
      startDemoPortal: async () => {
        starts++;
        return { url: sim.url, close: async () => {} };
      },
    });
    await call('app:info', {});
    await call('settings:get', {});
    await call('settings:setStaffName', { staffName: 'Sam' });
    expect(starts).toBe(0);
    const signIn = await call('auth:signIn', { portal: { mode: 'demo' }, username: sim.credentials.username, password: sim.credentials.password, storage: 'session' });
    expect(signIn).toMatchObject({ ok: true, data: { portalMode: 'demo', staffName: 'Sam', credential: { storage: 'session' } } });
    expect(await call('customers:search', { name: 'a' })).toMatchObject({ ok: true });
    expect(starts).toBe(1);
  });

  it('answers app:info and settings:get offline; auth:status says the portal is unreachable', async () => {
    const { call } = await core({ portalOverride: { mode: 'url', url: 'http://127.0.0.1:9' } });
    expect(await call('app:info', {})).toMatchObject({ ok: true, data: { version: '1.2.3', host: 'electron', portalMode: 'http://127.0.0.1:9', keychain: { status: 'available' } } });
    expect(await call('settings:get', {})).toMatchObject({ ok: true, data: { credential: null, settingsProblem: null } });
    expect(await call('auth:status', {})).toMatchObject({ ok: true, data: { signedIn: false, portalReachable: false } });
    expect(await call('customers:search', { name: 'acme' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('restarted with the portal down after a session-only sign-in: nothing stored, and History, notes and export answer from the audit trail', async () => {
    const sim = await startSimulator({ port: 0 });
    let simUp = true;
    cleanups.push(async () => {
      if (simUp) await sim.close();
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'core-offline-start-'));
    const portal = { mode: 'url' as const, url: sim.url };
    const first = await createCore({
      host: 'browser',
      version: '1.2.3',
      userDataDir: dir,
      portalOverride: null,
      allowedOrigin: origin,
      log: silentLogger,
      startDemoPortal: async () => {
        throw new Error('not in this test');
      },
      keychain: Object.assign(createMemoryVault(), { probe: async () => {} }),
    });
    const firstCall = (channel: string, input: unknown) => first.dispatcher.dispatch(channel, input, { origin, isTopFrame: true });
    expect(await firstCall('auth:signIn', { portal, ...sim.credentials, storage: 'session' })).toMatchObject({ ok: true });
    await firstCall('settings:setStaffName', { staffName: 'Sam Carter' });
    const found = (await firstCall('customers:search', { name: 'Acme Dental' })) as { ok: true; data: { customers: { id: string }[] } };
    const customerId = found.data.customers[0]!.id;
    const users = (await firstCall('users:search', { customerId, q: '1042' })) as { ok: true; data: { users: { userId: string; email: string }[] } };
    const jane = users.data.users[0]!;
    const sent = await firstCall('reset:start', { customerId, userId: jane.userId, intentId: 'offline-start-intent-1', expectedEmail: jane.email });
    expect(sent).toMatchObject({ ok: true });
    await first.close();
    await sim.close();
    simUp = false;

    const { call } = await core({ userDataDir: dir });
    expect(await call('settings:get', {})).toMatchObject({ ok: true, data: { credential: null, staffName: 'Sam Carter', portalMode: sim.url } });
    expect(await call('auth:status', {})).toMatchObject({ ok: true, data: { signedIn: false, portalReachable: false } });
    const list = (await call('history:list', {})) as { ok: true; data: { entries: { id: string; userId: string; customerId: string }[] } };
    expect(list.data.entries.map((e) => e.userId)).toEqual([jane.userId]);
    const csv = (await call('history:exportCsv', {})) as { ok: true; data: { csv: string } };
    expect(csv.data.csv).toContain(jane.userId);
    const entry = list.data.entries[0]!;
    expect(await call('history:noteCopied', { entryId: entry.id, customerId: entry.customerId, userId: entry.userId })).toEqual({ ok: true, data: {} });
    // Nothing reaches for a portal without a credential: the portal channels say so.
    expect(await call('customers:search', { name: 'acme' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('refuses plain http to another machine and a URL carrying credentials', async () => {
    const { call } = await core();
    const signIn = (url: string) => call('auth:signIn', { portal: { mode: 'url', url }, username: 'u', password: 'p', storage: 'session' });
    expect(await signIn('http://portal.example.com')).toMatchObject({ ok: false, error: { code: 'portal_insecure' } });
    // Issue 14 row 1: a host name that only starts like a loopback address is another machine.
    for (const url of ['http://127.0.0.1.nip.io', 'http://127.attacker.test:4010']) {
      expect(await signIn(url)).toEqual({ ok: false, error: { code: 'portal_insecure', retryable: false, message: 'The portal address must start with https:// (plain http is allowed only for 127.x.x.x, ::1 or localhost).' } });
    }
    expect(await signIn('https://user:pw@portal.example.com')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The portal address must not contain a user name or password.' } });
    // A choice that skipped the schema (e.g. a command line parsed elsewhere) still never reaches that host.
    const hostile = await core({ portalOverride: { mode: 'url', url: 'http://127.attacker.test' } });
    expect(await hostile.call('customers:search', { name: 'acme' })).toMatchObject({ ok: false, error: { code: 'portal_insecure' } });
    expect(await hostile.call('auth:status', {})).toMatchObject({ ok: true, data: { signedIn: false, portalReachable: false } });
    expect(await signIn('ftp://portal.example.com')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('a wrong password is refused by the portal and nothing is stored', async () => {
    const sim = await startSimulator({});
    cleanups.push(() => sim.close());
    const { call, dir } = await core({ portalOverride: { mode: 'url', url: sim.url } });
    const r = await call('auth:signIn', { portal: { mode: 'url', url: sim.url }, username: sim.credentials.username, password: 'wrong-password', storage: 'keychain' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect(await call('settings:get', {})).toMatchObject({ ok: true, data: { credential: null } });
    expect(await readdir(dir)).not.toContain('settings.json');
  });
});
