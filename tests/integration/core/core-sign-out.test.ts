import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryVault } from '../../../src/main/vault/memory-vault';
import { canary, emailOf, JANE, startHarness, type Harness } from './core-harness';

/**
 * Issue 14, rows 2 and 3: sign-out is final, and sign-in/sign-out run one at a time so that where the
 * credential ends up is exactly what the screen says. Against the simulator over real HTTP.
 */

const MIN = 60_000;
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('sign-out is final', () => {
  it('a silent re-sign-in in flight when the staffer signs out leaves no live session: every portal channel answers not_signed_in', async () => {
    h = await startHarness();
    const harness = h;
    await harness.ok('customers:open', { customerId: 'C1001' });
    // The portal's session runs out; the next call renews it silently — slowly.
    await harness.sim$.advance(31 * MIN);
    await harness.sim$.fault({ path: '/pap/v1/sessions', method: 'POST', kind: 'latency', latencyMs: 600 });
    const search = harness.call('customers:search', { name: 'acme' });
    await new Promise((r) => setTimeout(r, 200));
    expect((await harness.ok('auth:forget', {})).credential).toBeNull();
    expect(code(await search)).toBe('not_signed_in');
    // The sign-in the portal answered after sign-out is not kept: nothing reaches the portal any more.
    await new Promise((r) => setTimeout(r, 600));
    const before = (await harness.sim$.stats()).requests;
    expect(code(await harness.call('customers:search', { name: 'acme' }))).toBe('not_signed_in');
    expect(code(await harness.call('customers:open', { customerId: 'C1001' }))).toBe('not_signed_in');
    expect(code(await harness.call('users:search', { customerId: 'C1001', q: 'jane' }))).toBe('not_signed_in');
    expect(code(await harness.call('users:get', { customerId: 'C1001', userId: JANE }))).toBe('not_signed_in');
    expect(code(await harness.call('users:setEmail', { customerId: 'C1001', userId: JANE, email: 'x@example.com' }))).toBe('not_signed_in');
    expect(code(await harness.call('reset:warnings', { customerId: 'C1001', userId: JANE }))).toBe('not_signed_in');
    expect(code(await harness.call('reset:start', { customerId: 'C1001', userId: JANE, intentId: 'intent-after-out-1', expectedEmail: emailOf(JANE) }))).toBe('not_signed_in');
    expect(code(await harness.call('reset:status', { customerId: 'C1001', userId: JANE, since: new Date().toISOString() }))).toBe('not_signed_in');
    expect(code(await harness.call('callers:find', { q: 'jane' }))).toBe('not_signed_in');
    expect((await harness.sim$.stats()).requests).toBe(before);
    expect(await harness.sim$.outbox()).toEqual([]);
  });
});

describe('sign-in and sign-out run one at a time', () => {
  it('two sign-ins at once ("keychain", then "session only"): storage ends as the last answer says', async () => {
    // A keychain that takes its time, so the two sign-ins would overlap if they could.
    const slow = createMemoryVault();
    const keychain = Object.assign(Object.create(slow) as typeof slow, {
      probe: async () => {},
      set: async (account: string, password: string) => {
        await new Promise((r) => setTimeout(r, 300));
        await slow.set(account, password);
      },
    });
    h = await startHarness({ signIn: false, core: { keychain } });
    const input = { portal: { mode: 'url' as const, url: h.sim.url }, username: 'helpdesk', password: canary };
    const first = h.call('auth:signIn', { ...input, storage: 'keychain' });
    const second = h.call('auth:signIn', { ...input, storage: 'session' });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ ok: true, data: { credential: { storage: 'keychain' } } });
    expect(b).toMatchObject({ ok: true, data: { credential: { storage: 'session' } } });
    // What the screen shows last is where the credential is: this session only, nothing kept on disk.
    expect(await h.ok('settings:get', {})).toMatchObject({ credential: { storage: 'session' } });
    expect(await keychain.get(h.sim.url)).toBeNull();
    const settings = JSON.parse(await readFile(path.join(h.dir, 'settings.json'), 'utf8')) as { profiles: Record<string, unknown> };
    expect(settings.profiles).toEqual({});
  });

  it('sign-in then sign-out at once: signed out, nothing stored', async () => {
    h = await startHarness({ signIn: false });
    const signIn = h.call('auth:signIn', { portal: { mode: 'url', url: h.sim.url }, username: 'helpdesk', password: canary, storage: 'session' });
    const forget = h.call('auth:forget', {});
    expect(code(await signIn)).toBe('ok');
    expect(await forget).toMatchObject({ ok: true, data: { credential: null } });
    expect(code(await h.call('customers:search', { name: 'acme' }))).toBe('not_signed_in');
  });
});
