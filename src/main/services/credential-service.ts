import type { CredentialInfo, CredentialStorage, KeychainStatus } from '../../shared/ipc/contract';
import type { Logger } from '../log/logger';
import type { ParentCredentials } from '../portal/gateway';
import type { SettingsStore } from '../settings/settings-store';
import type { CredentialVault } from '../vault/credential-vault';

export interface CredentialServiceOptions {
  keychain: CredentialVault & { probe(): Promise<void> };
  session: CredentialVault;
  settings: SettingsStore;
  log: Logger;
}

/**
 * The parent-admin credential per profile. The username is a setting (keychain) or kept in memory
 * (session); the password is only ever in the keychain or in the session vault. The renderer learns
 * the username and where it is kept, never the password.
 */
export class CredentialService {
  private readonly sessionUsers = new Map<string, string>();
  private keychainState: KeychainStatus | null = null;

  constructor(private readonly o: CredentialServiceOptions) {}

  /** Called by the keychain vault on every success and failure. */
  noteKeychain(result: { ok: true } | { ok: false; reason: string }): void {
    this.keychainState = result.ok ? { status: 'available' } : { status: 'unavailable', reason: result.reason };
  }

  async keychainStatus(): Promise<KeychainStatus> {
    if (this.keychainState?.status === 'available') return this.keychainState;
    // Unknown or failed before: ask again, a keychain can be unlocked while the console runs.
    try {
      await this.o.keychain.probe();
      this.noteKeychain({ ok: true });
    } catch (err) {
      // The keytar vault has usually recorded the precise reason already; keep it.
      if (this.keychainState?.status !== 'unavailable') this.noteKeychain({ ok: false, reason: err instanceof Error ? err.message.slice(0, 200) : 'unknown error' });
    }
    return this.keychainState ?? { status: 'unavailable', reason: 'not checked' };
  }

  info(profileId: string): CredentialInfo | null {
    const sessionUser = this.sessionUsers.get(profileId);
    if (sessionUser !== undefined) return { username: sessionUser, storage: 'session' };
    const stored = Object.hasOwn(this.o.settings.current().profiles, profileId) ? this.o.settings.current().profiles[profileId] : undefined;
    return stored ? { username: stored.username, storage: 'keychain' } : null;
  }

  /** The password, for the gateway's silent sign-in; null when none is kept (or the keychain lost it). */
  async credentials(profileId: string): Promise<ParentCredentials | null> {
    const info = this.info(profileId);
    if (!info) return null;
    const vault = info.storage === 'session' ? this.o.session : this.o.keychain;
    const password = await vault.get(profileId);
    return password === null ? null : { username: info.username, password };
  }

  /** Saves or replaces; on a keychain failure nothing changes and `keychain_unavailable` is thrown. */
  async save(profileId: string, username: string, password: string, storage: CredentialStorage): Promise<void> {
    if (storage === 'keychain') {
      await this.o.keychain.set(profileId, password);
      await this.o.session.delete(profileId);
      this.sessionUsers.delete(profileId);
      await this.o.settings.update((s) => ({ ...s, profiles: { ...s.profiles, [profileId]: { username } } }));
      return;
    }
    await this.o.session.set(profileId, password);
    this.sessionUsers.set(profileId, username);
    // A password the staffer now wants kept for this session only must not stay in the keychain.
    // Often the keychain is the reason for choosing "session", so failing to clean it is not fatal.
    if (Object.hasOwn(this.o.settings.current().profiles, profileId)) {
      await this.removeStored(profileId).catch(() => {});
    }
  }

  async forget(profileId: string): Promise<void> {
    await this.o.session.delete(profileId);
    this.sessionUsers.delete(profileId);
    if (Object.hasOwn(this.o.settings.current().profiles, profileId)) await this.removeStored(profileId);
  }

  private async removeStored(profileId: string): Promise<void> {
    try {
      await this.o.keychain.delete(profileId);
    } catch (err) {
      // The setting goes anyway so the console stops using it; the keychain entry is reported.
      this.o.log.warn('vault.delete_failed', { profile: profileId });
      await this.dropSetting(profileId);
      throw err;
    }
    await this.dropSetting(profileId);
  }

  private async dropSetting(profileId: string): Promise<void> {
    await this.o.settings.update((s) => {
      const profiles = { ...s.profiles };
      delete profiles[profileId];
      return { ...s, profiles };
    });
  }
}
