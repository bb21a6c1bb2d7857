import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core/create-core';
import { createLogger } from '../../../src/main/log/logger';
import { keychainServiceName } from '../../../src/main/vault/credential-vault';
import { createKeytarVault, loadKeytar } from '../../../src/main/vault/keytar-vault';
import { startSimulator, type SimulatorHandle } from '../../../src/portal-sim/index';
import { canary, origin, testData } from './core-harness';

const run = promisify(execFile);
const hasDbus = !!process.env.DBUS_SESSION_BUS_ADDRESS;
const why = 'needs a D-Bus session with an unlocked gnome-keyring (see scripts/test.sh)';

describe('the OS keychain', () => {
  it.skipIf(!hasDbus)(`stores, replaces and deletes a password (${why})`, async () => {
    const vault = createKeytarVault({ service: `reset-console-test-${randomUUID()}` });
    await vault.probe();
    expect(await vault.get('p1')).toBeNull();
    await vault.set('p1', 'first');
    await vault.set('p1', 'second');
    expect(await vault.get('p1')).toBe('second');
    await vault.delete('p1');
    expect(await vault.get('p1')).toBeNull();
  });

  describe.skipIf(!hasDbus)(`behind the core (${why})`, () => {
    let sim: SimulatorHandle;
    let dir: string;
    beforeAll(async () => {
      sim = await startSimulator({ data: testData() });
      dir = await mkdtemp(path.join(os.tmpdir(), 'core-keychain-'));
    });
    afterAll(async () => {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    });

    const open = (logs: string[]) =>
      createCore({ host: 'browser', version: 't', userDataDir: dir, portalOverride: { mode: 'url', url: sim.url }, allowedOrigin: origin, log: createLogger((l) => logs.push(l)), startDemoPortal: async () => sim });

    it('keeps the password across restarts in the keychain only, and forgets it', async () => {
      const logs: string[] = [];
      const first = await open(logs);
      const call = (core: typeof first, channel: string, input: unknown) => core.dispatcher.dispatch(channel, input, { origin, isTopFrame: true });
      expect(await call(first, 'app:info', {})).toMatchObject({ ok: true, data: { keychain: { status: 'available' } } });
      const signedIn = await call(first, 'auth:signIn', { portal: { mode: 'url', url: sim.url }, username: 'helpdesk', password: canary, storage: 'keychain' });
      expect(signedIn).toMatchObject({ ok: true, data: { credential: { username: 'helpdesk', storage: 'keychain' } } });
      await first.close();

      const keytar = await loadKeytar();
      expect(await keytar.getPassword(keychainServiceName, sim.url)).toBe(canary);
      expect(await readFile(path.join(dir, 'settings.json'), 'utf8')).not.toContain(canary);

      // A new run signs in silently with the keychain's password.
      const second = await open(logs);
      expect(await call(second, 'customers:search', { name: 'acme' })).toMatchObject({ ok: true, data: { total: 1 } });
      expect(await call(second, 'auth:forget', {})).toMatchObject({ ok: true, data: { credential: null } });
      expect(await keytar.getPassword(keychainServiceName, sim.url)).toBeNull();
      expect(await call(second, 'auth:status', {})).toMatchObject({ ok: true, data: { signedIn: false, portalReachable: true } });
      await second.close();
      expect(logs.join('\n')).not.toContain(canary);
    });
  });

  it('without D-Bus is reported unavailable within 5 s, and session-only sign-in still works', async () => {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    const child = path.join(__dirname, 'fixtures', 'keychain-unavailable-child.ts');
    const tsx = path.resolve(__dirname, '../../../node_modules/.bin/tsx');
    const { stdout } = await run(tsx, [child], { env, timeout: 40_000 });
    const out = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(out.vault.code).toBe('keychain_unavailable');
    expect(out.vault.ms).toBeLessThan(5_000);
    expect(out.vault.message).toMatch(/keychain/i);
    expect(out.info).toMatchObject({ ok: true, data: { keychain: { status: 'unavailable', reason: expect.any(String) } } });
    expect(out.infoMs).toBeLessThan(5_000);
    expect(out.keychainSignIn).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect(out.keychainSignInMs).toBeLessThan(5_000 + 2_000);
    expect(out.sessionSignIn).toMatchObject({ ok: true, data: { credential: { storage: 'session' } } });
    expect(out.search).toMatchObject({ ok: true });
  });
});
