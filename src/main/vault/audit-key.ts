import { randomBytes } from 'node:crypto';
import type { CredentialVault } from './credential-vault';

/** The keychain account that holds the audit trail's sealing key (beside the profiles' passwords, never a profile id). */
export const auditKeyAccount = 'reset-console:audit-key';

/**
 * The key that seals audit entries: generated once and kept in the OS keychain, never on disk. Null where
 * the keychain cannot be used; the trail is then chained with a plain hash.
 */
export async function loadAuditKey(keychain: CredentialVault): Promise<Buffer | null> {
  try {
    const stored = await keychain.get(auditKeyAccount);
    if (stored) {
      const key = Buffer.from(stored, 'base64');
      if (key.length >= 32) return key;
    }
    const fresh = randomBytes(32);
    await keychain.set(auditKeyAccount, fresh.toString('base64'));
    // Read back: a keychain that accepts and forgets would otherwise seal entries with a key nobody keeps.
    return (await keychain.get(auditKeyAccount)) === fresh.toString('base64') ? fresh : null;
  } catch {
    return null;
  }
}
