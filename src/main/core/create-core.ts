import { createDispatcher, type Dispatcher, type Handlers } from '../ipc/dispatcher';
import type { Logger } from '../log/logger';
import type { AppInfo } from '../../shared/ipc/contract';
import { openLocalAuditStore } from '../audit/local/local-audit-store';
import type { GatewayFactory, GatewayTuning } from '../portal/gateway';
import { createAuthService } from '../services/auth-service';
import { createCallerService } from '../services/caller-service';
import { createConsoleContext } from '../services/console-context';
import { CredentialService } from '../services/credential-service';
import { createCustomerService } from '../services/customer-service';
import { createHistoryService } from '../services/history-service';
import { PortalRegistry, portalModeOf, type DemoPortalStarter, type PortalChoice } from '../services/portal-profiles';
import { createResetService } from '../services/reset-service';
import { settingsViewOf } from '../services/settings-view';
import { createUserService } from '../services/user-service';
import { createTeamService, type TeamServiceOptions } from '../services/team-service';
import type { AuditStore } from '../audit/audit-store';
import { TeamDbError } from '../audit/team-postgres/team-db-error';
import type { TeamDbTarget } from '../audit/team-postgres/team-db-url';
import { AppFailure } from '../../shared/errors';
import { openSettingsStore } from '../settings/settings-store';
import type { CredentialVault } from '../vault/credential-vault';
import { createKeytarVault, type KeytarLoader } from '../vault/keytar-vault';
import { createMemoryVault } from '../vault/memory-vault';
import { loadAuditKey } from '../vault/audit-key';

export type { PortalChoice, DemoPortalStarter };

export interface CoreOptions {
  host: AppInfo['host'];
  version: string;
  /** Where settings, the audit log and logs live. */
  userDataDir: string;
  /** From `--demo` / `--portal-url`; overrides the stored profile for this run. */
  portalOverride: PortalChoice | null;
  /** The only origin allowed to call the core, e.g. `app://console`. */
  allowedOrigin: string;
  log: Logger;
  startDemoPortal: DemoPortalStarter;
  /** Tests: a keychain stand-in instead of keytar (must offer `probe`). */
  keychain?: CredentialVault & { probe(): Promise<void> };
  /** Tests: how keytar is loaded (e.g. a loader that fails like a broken native module). */
  loadKeytar?: KeytarLoader;
  /** How long a keychain call may take before the keychain counts as unavailable (default 4 s). */
  keychainTimeoutMs?: number;
  /** Portal timeouts, caps and retry pacing (tests shorten them). */
  gateway?: Partial<GatewayTuning>;
  /** Tests: another gateway than Portal API v1 over HTTP (e.g. the in-memory one). */
  makeGateway?: GatewayFactory;
  now?: () => Date;
  /** `--team-db=`: the team database for this run (else the one in Settings, if any). */
  teamDb?: TeamDbTarget | null;
  /** Tests: faster outbox retries. */
  teamTuning?: TeamServiceOptions['tuning'];
}

/** A team-database failure as the renderer sees it: the module's message, never a password. */
function teamFailure(err: unknown): never {
  if (err instanceof TeamDbError) throw new AppFailure('invalid_input', { message: err.message, retryable: err.retryable });
  throw err;
}

export interface Core {
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/** Assembles services behind the dispatcher. Host-neutral: no Electron imports below this line. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const log = options.log;
  const settings = await openSettingsStore(options.userDataDir, log, now);
  // The vault reports every keychain success or failure to the credential service, which app:info reads.
  let credentials: CredentialService | null = null;
  const keychain =
    options.keychain ??
    createKeytarVault({
      ...(options.loadKeytar ? { load: options.loadKeytar } : {}),
      ...(options.keychainTimeoutMs !== undefined ? { timeoutMs: options.keychainTimeoutMs } : {}),
      onStatus: (s) => {
        credentials?.noteKeychain(s);
        if (!s.ok) log.warn('vault.keychain_unavailable', { reason: s.reason });
      },
    });
  credentials = new CredentialService({ keychain, session: createMemoryVault(), settings, log });
  // The audit trail is sealed with a key from the keychain (a plain hash chain where there is none).
  const localAudit = await openLocalAuditStore(options.userDataDir, { key: await loadAuditKey(keychain), now });
  const creds = credentials;
  // Team mode: every entry stays durable locally first; the outbox then ships it (kicked after each append).
  const team = createTeamService({
    audit: localAudit,
    userDataDir: options.userDataDir,
    keychain,
    commandLine: options.teamDb ?? null,
    stored: () => settings.current().teamDb ?? null,
    save: async (teamDb) => void (await settings.update((s) => ({ ...s, teamDb }))),
    log,
    ...(options.teamTuning ? { tuning: options.teamTuning } : {}),
  });
  await team.start();
  const audit: AuditStore = {
    ...localAudit,
    append: async (draft) => {
      const entry = await localAudit.append(draft);
      team.kick();
      return entry;
    },
  };

  const portals = new PortalRegistry({
    startDemoPortal: options.startDemoPortal,
    credentialsFor: (profileId) => creds.credentials(profileId),
    log,
    ...(options.gateway ? { tuning: options.gateway } : {}),
    ...(options.makeGateway ? { makeGateway: options.makeGateway } : {}),
  });
  const ctx = createConsoleContext({ settings, credentials: creds, portals, audit, log, now }, options.portalOverride);

  const auth = createAuthService(ctx);
  const customers = createCustomerService(ctx);
  const users = createUserService(ctx);
  const resets = createResetService(ctx, (subject, since) => team.connection()?.activity(subject, since) ?? Promise.resolve(null));
  const history = createHistoryService(ctx, () => team.connection());
  const callers = createCallerService(ctx);

  const handlers: Handlers = {
    'app:info': async () => ({
      version: options.version,
      host: options.host,
      portalMode: portalModeOf(ctx.activeChoice()),
      keychain: await creds.keychainStatus(),
    }),
    'settings:get': async () => settingsViewOf(ctx),
    'settings:setStaffName': async ({ staffName }) => {
      await settings.update((s) => ({ ...s, staffName }));
      return settingsViewOf(ctx);
    },
    'settings:setTimeZone': async ({ timeZone }) => {
      await settings.update((s) => ({ ...s, timeZone }));
      return settingsViewOf(ctx);
    },
    'auth:signIn': (input) => auth.signIn(input),
    'auth:forget': () => auth.forget(),
    'auth:status': () => auth.status(),
    'customers:search': ({ name, limit }, { signal }) => customers.search(name, limit, signal),
    'customers:get': ({ customerId }, { signal }) => customers.get(customerId, signal),
    'customers:open': ({ customerId }) => customers.open(customerId),
    'users:search': ({ customerId, q, limit, cursor, from }, { signal }) => users.search(customerId, q, limit, cursor, signal, from),
    'users:get': ({ customerId, userId }, { signal }) => users.get(customerId, userId, signal),
    'users:setEmail': ({ customerId, userId, email }) => users.setEmail(customerId, userId, email),
    'reset:warnings': ({ customerId, userId }) => resets.warnings(customerId, userId),
    'reset:start': ({ customerId, userId, intentId, expectedEmail, ...confirmation }) => resets.start(customerId, userId, { intentId, expectedEmail }, confirmation),
    'reset:status': ({ customerId, userId, since }) => resets.status(customerId, userId, since),
    'callers:find': ({ q, limit, from }, { signal }) => callers.find(q, limit, signal, from),
    'history:list': ({ cursor, limit, ...filter }) => history.page(filter, cursor ?? null, limit),
    'history:refreshStatus': ({ entryId }) => history.refreshStatus(entryId),
    'history:exportCsv': (filter) => history.exportCsv(filter),
    'history:noteCopied': (input) => history.noteCopied(input),
    'team:status': () => team.status(),
    'team:setDatabase': ({ address }) => team.setDatabase(address).catch(teamFailure),
    'team:setPassword': ({ password }) => team.setPassword(password).catch(teamFailure),
    'team:nextChange': ({ since }, { signal }) => team.nextChange(since, signal),
    'team:userActivity': ({ customerId, userId }) =>
      team.activity({ profile: ctx.auditBase().profile, customerId, userId }, new Date(now().getTime() - 24 * 60 * 60 * 1000)),
  };

  return {
    dispatcher: createDispatcher(handlers, options.allowedOrigin, log),
    close: async () => {
      await portals.close();
      await team.close();
      await localAudit.close();
    },
  };
}
