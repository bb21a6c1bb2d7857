import { describe, expect, it } from 'vitest';
import { auditKeyAccount, loadAuditKey } from './audit-key';
import type { CredentialVault } from './credential-vault';
import { createMemoryVault } from './memory-vault';

describe('audit key', () => {
  it('is generated once, kept in the keychain and the same on the next start', async () => {
    const vault = createMemoryVault();
    const first = await loadAuditKey(vault);
    expect(first).toHaveLength(32);
    expect(await vault.get(auditKeyAccount)).toBe(first!.toString('base64'));
    expect((await loadAuditKey(vault))!.equals(first!)).toBe(true);
  });

  it('is null when the keychain cannot be used, so the trail falls back to a plain hash chain', async () => {
    const broken: CredentialVault = {
      get: async () => {
        throw new Error('keychain_unavailable');
      },
      set: async () => {},
      delete: async () => {},
    };
    expect(await loadAuditKey(broken)).toBeNull();
    const forgetful: CredentialVault = { get: async () => null, set: async () => {}, delete: async () => {} };
    expect(await loadAuditKey(forgetful)).toBeNull();
  });
});
