import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { createKeytarVault, type KeytarLike } from './keytar-vault';

function fakeKeytar(): KeytarLike & { store: Map<string, string> } {
  const store = new Map<string, string>();
  return {
    store,
    getPassword: async (s, a) => store.get(`${s}/${a}`) ?? null,
    setPassword: async (s, a, p) => void store.set(`${s}/${a}`, p),
    deletePassword: async (s, a) => store.delete(`${s}/${a}`),
  };
}

async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppFailure ? e.error.code : 'thrown'),
  );
}

describe('keytar vault', () => {
  it('uses service reset-console and the profile id as account', async () => {
    const k = fakeKeytar();
    const vault = createKeytarVault({ load: async () => k });
    await vault.set('https://portal.example', 'pw');
    expect([...k.store.keys()]).toEqual(['reset-console/https://portal.example']);
    expect(await vault.get('https://portal.example')).toBe('pw');
    await vault.delete('https://portal.example');
    expect(k.store.size).toBe(0);
  });

  it('a keychain that never answers is unavailable after the timeout', async () => {
    const hanging: KeytarLike = { getPassword: () => new Promise(() => {}), setPassword: () => new Promise(() => {}), deletePassword: () => new Promise(() => {}) };
    const statuses: unknown[] = [];
    const vault = createKeytarVault({ load: async () => hanging, timeoutMs: 150, onStatus: (s) => statuses.push(s) });
    const started = Date.now();
    expect(await codeOf(vault.set('p', 'pw'))).toBe('keychain_unavailable');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(statuses).toEqual([{ ok: false, reason: expect.stringContaining('did not answer') }]);
  });

  it('a native module that fails to load is unavailable, not a crash, and is retried later', async () => {
    let loads = 0;
    const vault = createKeytarVault({
      load: async () => {
        loads++;
        if (loads === 1) throw new Error('Module did not self-register');
        return fakeKeytar();
      },
    });
    const err = await vault.probe().catch((e: AppFailure) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).error.message).toContain('Module did not self-register');
    await vault.probe();
    expect(loads).toBe(2);
  });

  it('never puts the password in its failure message', async () => {
    const failing: KeytarLike = { ...fakeKeytar(), setPassword: async () => { throw new Error('DBus error'); } };
    const err = await createKeytarVault({ load: async () => failing }).set('p', 'Secret-123!').catch((e: AppFailure) => e);
    expect(JSON.stringify((err as AppFailure).error)).not.toContain('Secret-123!');
  });
});
