import { AppFailure } from '../../shared/errors';
import { keychainServiceName, type CredentialVault } from './credential-vault';

/** The three keytar calls the vault needs; tests inject a fake, production loads keytar lazily. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export type KeytarLoader = () => Promise<KeytarLike>;

/**
 * A broken native module must make the keychain "unavailable", not crash the console, so keytar is
 * imported only when first needed and inside a try.
 */
export const loadKeytar: KeytarLoader = async () => {
  const mod = (await import('keytar')) as unknown as KeytarLike & { default?: KeytarLike };
  return mod.default && typeof mod.default.getPassword === 'function' ? mod.default : mod;
};

export interface KeytarVaultOptions {
  load?: KeytarLoader;
  service?: string;
  /** A locked keychain can wait forever for a prompt; after this the keychain counts as unavailable. */
  timeoutMs?: number;
  /** Told of every success and failure, so the app can report the keychain's state. */
  onStatus?: (status: { ok: true } | { ok: false; reason: string }) => void;
}

export const keychainTimeoutMs = 4_000;

/** The OS keychain: service `reset-console`, account = profile id. */
export function createKeytarVault(options: KeytarVaultOptions = {}): CredentialVault & { probe(): Promise<void> } {
  const load = options.load ?? loadKeytar;
  const service = options.service ?? keychainServiceName;
  const timeoutMs = options.timeoutMs ?? keychainTimeoutMs;
  let loaded: Promise<KeytarLike> | null = null;

  async function run<T>(op: (k: KeytarLike) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the keychain did not answer within ${Math.round(timeoutMs / 1000)} s (locked or not running)`)), timeoutMs);
    });
    try {
      loaded ??= load().catch((err: unknown) => {
        loaded = null;
        throw err;
      });
      const result = await Promise.race([loaded.then(op), timeout]);
      options.onStatus?.({ ok: true });
      return result;
    } catch (err) {
      const reason = reasonOf(err);
      options.onStatus?.({ ok: false, reason });
      throw new AppFailure('keychain_unavailable', { message: `The system keychain cannot be used (${reason}). You can keep the password for this session only.` });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get: (profileId) => run((k) => k.getPassword(service, profileId)),
    set: (profileId, password) => run((k) => k.setPassword(service, profileId, password)),
    delete: async (profileId) => {
      await run((k) => k.deletePassword(service, profileId));
    },
    // Reading an account that never exists proves the keychain answers without touching real entries.
    probe: async () => {
      await run((k) => k.getPassword(service, '__probe__'));
    },
  };
}

/** keytar/libsecret messages name the cause ("Cannot autolaunch D-Bus…"); they never hold a secret. */
function reasonOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, ' ').trim().slice(0, 200) || 'unknown error';
}
