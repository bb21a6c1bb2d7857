/**
 * Where a profile's parent-admin password lives: three operations, keyed by profile id.
 * Backends: the OS keychain (keytar) and memory (this session only).
 */
export interface CredentialVault {
  get(profileId: string): Promise<string | null>;
  set(profileId: string, password: string): Promise<void>;
  delete(profileId: string): Promise<void>;
}

export const keychainServiceName = 'reset-console';
