import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLocalAuditStore } from '../../../src/main/audit/local/local-audit-store';
import { auditKeyAccount, loadAuditKey } from '../../../src/main/vault/audit-key';
import { createKeytarVault, loadKeytar } from '../../../src/main/vault/keytar-vault';

const hasDbus = !!process.env.DBUS_SESSION_BUS_ADDRESS;
const why = 'needs a D-Bus session with an unlocked gnome-keyring (see scripts/test.sh)';

describe('the audit key in the OS keychain', () => {
  it.skipIf(!hasDbus)(`is made once, survives a restart, seals entries and never reaches the disk (${why})`, async () => {
    const service = `reset-console-test-${randomUUID()}`;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-keychain-'));
    try {
      const key = await loadAuditKey(createKeytarVault({ service }));
      expect(key).not.toBeNull();
      const stored = await (await loadKeytar()).getPassword(service, auditKeyAccount);
      expect(stored).toBe(key!.toString('base64'));

      const first = await openLocalAuditStore(dir, { key });
      const entry = await first.append({ staffName: 'Sam', profile: 'demo', action: 'sign_in_ok', outcome: 'ok' });
      await first.close();
      const raw = await readFile(path.join(dir, 'audit.log'), 'utf8');
      expect(JSON.parse(raw).chain).toMatch(/^hmac-sha256:/);
      expect(raw).not.toContain(stored!);

      // The next start reads the same key from the keychain, and the entry still verifies.
      const again = await loadAuditKey(createKeytarVault({ service }));
      expect(again!.equals(key!)).toBe(true);
      const second = await openLocalAuditStore(dir, { key: again });
      expect(await second.get(entry.id)).toMatchObject({ verifiable: true });
      await second.close();

      // A keychain that lost the key (another service here) makes a new one; the old seals are then not checkable.
      const other = await loadAuditKey(createKeytarVault({ service: `${service}-other` }));
      const third = await openLocalAuditStore(dir, { key: other });
      expect((await third.get(entry.id))!.unverifiableReason).toMatch(/key this computer no longer has/);
      await third.close();
      const keytar = await loadKeytar();
      await keytar.deletePassword(service, auditKeyAccount);
      await keytar.deletePassword(`${service}-other`, auditKeyAccount);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
