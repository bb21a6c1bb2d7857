import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openLocalAuditStore } from '../../audit/local/local-audit-store';
import { silentLogger } from '../../log/logger';
import { InMemoryGateway } from '../../portal/in-memory/in-memory-gateway';
import { openSettingsStore } from '../../settings/settings-store';
import { createMemoryVault } from '../../vault/memory-vault';
import { createConsoleContext, type ConsoleContext } from '../console-context';
import { CredentialService } from '../credential-service';
import { PortalRegistry } from '../portal-profiles';

/**
 * A console context for the services' unit tests: the real settings store, audit log and credential
 * service in a throw-away folder, and the in-memory gateway behind the real portal registry, signed in
 * to the demo profile with the in-memory portal's credentials ("session only").
 */
export async function consoleOnMemory(now: () => Date = () => new Date()) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'services-'));
  const settings = await openSettingsStore(dir, silentLogger, now);
  const audit = await openLocalAuditStore(dir, { key: null, now });
  const credentials = new CredentialService({ keychain: Object.assign(createMemoryVault(), { probe: async () => {} }), session: createMemoryVault(), settings, log: silentLogger });
  let gateway: InMemoryGateway | null = null;
  const portals = new PortalRegistry({
    startDemoPortal: async () => ({ url: 'http://127.0.0.1:9', close: async () => {} }),
    credentialsFor: (profileId) => credentials.credentials(profileId),
    log: silentLogger,
    makeGateway: (setup) => (gateway = new InMemoryGateway({ ...setup, tuning: { now: () => now().getTime() } })),
  });
  const ctx: ConsoleContext = createConsoleContext({ settings, credentials, portals, audit, log: silentLogger, now }, { mode: 'demo' });
  await credentials.save('demo', 'helpdesk', 'in-memory-password', 'session');
  await ctx.portal();
  return {
    ctx,
    /** The portal behind the console: its outbox, the calls it got, faults and edits. */
    portal: gateway as unknown as InMemoryGateway,
    async close() {
      await portals.close();
      await audit.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
