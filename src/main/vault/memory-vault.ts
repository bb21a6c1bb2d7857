import type { CredentialVault } from './credential-vault';

/** Passwords kept for this session only; they die with the process. */
export function createMemoryVault(): CredentialVault {
  const store = new Map<string, string>();
  return {
    get: async (profileId) => store.get(profileId) ?? null,
    set: async (profileId, password) => {
      store.set(profileId, password);
    },
    delete: async (profileId) => {
      store.delete(profileId);
    },
  };
}
