import path from 'node:path';
import type { TeamStatus, TeamUserActivity } from '../../shared/ipc/contract';
import type { AuditStore, UserSubject } from '../audit/audit-store';
import {
  auditStoreTrail,
  createOutbox,
  describeTarget,
  openTeamStore,
  parseTeamDbUrl,
  TeamDbError,
  unsharedIds,
  type OutboxStatus,
  type Subscription,
  type TeamDbTarget,
  type TeamStore,
} from '../audit/team-postgres';
import type { Logger } from '../log/logger';
import type { CredentialVault } from '../vault/credential-vault';

const longPollMs = 25_000;

/** The keychain account of a team login's password: one per login and database, never a profile id. */
export function teamPasswordAccount(target: TeamDbTarget): string {
  return `reset-console:team-db:${describeTarget(target)}`;
}

/** The address as the staffer gave it, normalised; keeps the TLS options (never a password: there is none). */
export function teamAddressOf(target: TeamDbTarget): string {
  const options = new URLSearchParams();
  if (target.loopback && target.tls) options.set('sslmode', 'verify-full');
  if (target.caFile) options.set('sslrootcert', target.caFile);
  const query = options.toString();
  return `postgres://${describeTarget(target)}${query ? `?${query}` : ''}`;
}

/** One open connection to the team database: the outbox shipping this desk's trail, and the live feed. */
export interface TeamConnection {
  readonly target: TeamDbTarget;
  readonly store: TeamStore;
  /** A local entry is durable: ship it now. */
  kick(): void;
  status(): OutboxStatus;
  /** Ids of this desk's entries not yet in the team database. */
  unshared(): Promise<Set<string>>;
  /** The team's count and newest reset of a user, with this desk's unshipped ones; null when the database cannot answer. */
  activity(subject: UserSubject, since: Date): Promise<TeamUserActivity | null>;
  close(): Promise<void>;
}

export interface TeamConnectionOptions {
  target: TeamDbTarget;
  audit: AuditStore;
  /** Where the outbox remembers how far it shipped (next to the trail). */
  userDataDir: string;
  password: (target: TeamDbTarget) => Promise<string>;
  onWrongPassword: () => void;
  /** Something the renderer shows from the team may be stale; `user` when a new entry names one. */
  onChange: (user?: { customerId: string; userId: string }) => void;
  log: Logger;
  tuning?: { idleCheckMs?: number; minBackoffMs?: number; maxBackoffMs?: number };
}

export function openTeamConnection(o: TeamConnectionOptions): TeamConnection {
  const store = openTeamStore(o.target, { password: () => o.password(o.target) });
  let last: OutboxStatus = { state: 'idle', pending: 0, problem: null };
  const outbox = createOutbox({
    trail: auditStoreTrail(o.audit),
    store,
    cursorFile: path.join(o.userDataDir, 'audit.team-cursor.json'),
    // The position is an entry id: a cursor of another database, or a byte offset of old, starts again (idempotent).
    databaseKey: `${describeTarget(o.target)}#entry-ids`,
    ...o.tuning,
    onStatus: (s) => {
      if (s.problem?.code === 'wrong_password' && last.problem?.code !== 'wrong_password') o.onWrongPassword();
      if (s.state !== last.state || s.problem?.code !== last.problem?.code) o.log.info('team.outbox', { state: s.state, pending: s.pending, code: s.problem?.code ?? null });
      last = s;
      o.onChange();
    },
  });
  outbox.start();
  // The live feed connects at once, so a wrong or missing password shows before this desk has anything to ship.
  let feedProblem: OutboxStatus['problem'] = null;
  // Another desk's entry (or a gap in the feed): whatever the renderer shows from the team may be stale.
  const subscription: Subscription = store.subscribe(
    (notice) => o.onChange(notice.customerId && notice.userId ? { customerId: notice.customerId, userId: notice.userId } : undefined),
    (error) => {
      if (error?.code === 'wrong_password' && feedProblem?.code !== 'wrong_password') o.onWrongPassword();
      // An unreachable database is the outbox's to report (it knows what waits); the feed reports what
      // only a person can fix (password, TLS, schema), even while this desk has nothing to ship.
      feedProblem = error && !error.retryable ? { code: error.code, message: error.message } : null;
      o.onChange();
    },
  );
  subscription.ready.then(
    () => {
      feedProblem = null;
    },
    () => {},
  );
  const status = (): OutboxStatus => {
    const s = outbox.status();
    return s.problem || !feedProblem ? s : { ...s, state: 'unavailable', problem: feedProblem };
  };

  const unshared = () => unsharedIds(o.audit, outbox.position());

  return {
    target: o.target,
    store,
    kick: () => outbox.kick(),
    status,
    unshared,
    async activity(subject, since) {
      if (status().state === 'unavailable') return null;
      try {
        const [team, waiting] = await Promise.all([store.warnings(subject, since), unshared()]);
        const mine = (await o.audit.resetsOfUser(subject, since)).filter(
          (e) => e.verifiable && waiting.has(e.id) && (e.action === 'reset_sent' || e.action === 'reset_unknown'),
        );
        const newestMine = mine[0];
        const latest =
          newestMine && (!team.latest || newestMine.at > team.latest.at)
            ? { staffer: o.target.user, at: newestMine.at, status: newestMine.status ?? 'unknown', used: newestMine.status === 'pending' ? false : null }
            : team.latest && { staffer: team.latest.staffer, at: team.latest.at, status: team.latest.status, used: team.latest.used };
        return { team: true, recentResets: team.recentResets + mine.length, latest: latest ?? null };
      } catch (error) {
        o.log.warn('team.activity_unavailable', { code: error instanceof TeamDbError ? error.code : 'unknown' });
        return null;
      }
    },
    async close() {
      await outbox.stop();
      await subscription.close();
      await store.close();
    },
  };
}

export interface TeamServiceOptions {
  audit: AuditStore;
  userDataDir: string;
  keychain: CredentialVault;
  /** `--team-db=`: wins over Settings for this run. */
  commandLine: TeamDbTarget | null;
  stored: () => string | null;
  save: (address: string | null) => Promise<void>;
  log: Logger;
  tuning?: TeamConnectionOptions['tuning'];
}

/** Team mode as a whole: which database (command line or Settings), its password, and the change feed. */
export function createTeamService(o: TeamServiceOptions) {
  let connection: TeamConnection | null = null;
  let fromCommandLine = o.commandLine !== null;
  let configProblem: { code: string; message: string } | null = null;
  // Where the keychain cannot keep it, the password lives for this run only (never on disk).
  const sessionPasswords = new Map<string, string>();
  let version = 0;
  let waiters: (() => void)[] = [];
  // Users named by recent entries, so the window re-reads only the open user it shows (a portal call).
  const recentUsers: { version: number; customerId: string; userId: string }[] = [];
  const recentUsersKept = 200;

  function changed(user?: { customerId: string; userId: string }): void {
    version++;
    if (user) {
      recentUsers.push({ version, ...user });
      if (recentUsers.length > recentUsersKept) recentUsers.shift();
    }
    const wake = waiters;
    waiters = [];
    for (const w of wake) w();
  }

  async function storedPassword(target: TeamDbTarget): Promise<string | null> {
    const account = teamPasswordAccount(target);
    return sessionPasswords.get(account) ?? (await o.keychain.get(account).catch(() => null));
  }

  function open(target: TeamDbTarget): void {
    connection = openTeamConnection({
      target,
      audit: o.audit,
      userDataDir: o.userDataDir,
      log: o.log,
      tuning: o.tuning,
      onChange: changed,
      password: async (t) => {
        const password = await storedPassword(t);
        if (!password) throw new TeamDbError('password_needed', `The team database asks for the password of ${t.user}. Enter it in Settings → Team history.`);
        return password;
      },
      // A refused password is forgotten, so Settings asks again instead of the desk retrying it forever.
      onWrongPassword: () => {
        const account = teamPasswordAccount(target);
        sessionPasswords.delete(account);
        void o.keychain.delete(account).catch(() => {});
      },
    });
  }

  async function switchTo(address: string | null): Promise<void> {
    await connection?.close();
    connection = null;
    configProblem = null;
    if (address) {
      try {
        open(parseTeamDbUrl(address));
      } catch (error) {
        configProblem = { code: 'bad_url', message: error instanceof TeamDbError ? error.message : 'The team database address is not valid.' };
      }
    }
    changed();
  }

  async function status(): Promise<TeamStatus> {
    if (!connection) {
      return { enabled: false, address: null, fromCommandLine, state: 'off', waiting: 0, problem: configProblem, passwordStored: false };
    }
    const s = connection.status();
    return {
      enabled: true,
      address: teamAddressOf(connection.target),
      fromCommandLine,
      state: s.state,
      waiting: s.pending,
      problem: s.problem,
      passwordStored: (await storedPassword(connection.target)) !== null,
    };
  }

  return {
    async start(): Promise<void> {
      if (o.commandLine) open(o.commandLine);
      else await switchTo(o.stored());
    },
    connection: () => connection,
    kick: () => connection?.kick(),
    status,
    async setDatabase(address: string | null): Promise<TeamStatus> {
      const normalised = address?.trim() ? teamAddressOf(parseTeamDbUrl(address)) : null;
      await o.save(normalised);
      fromCommandLine = false;
      await switchTo(normalised);
      return status();
    },
    async setPassword(password: string): Promise<TeamStatus> {
      if (!connection) throw new TeamDbError('bad_url', 'Set the team database address first.');
      const account = teamPasswordAccount(connection.target);
      try {
        await o.keychain.set(account, password);
        sessionPasswords.delete(account);
      } catch {
        sessionPasswords.set(account, password);
      }
      // A fresh pool asks again at once rather than after the outbox's backoff.
      await switchTo(teamAddressOf(connection.target));
      return status();
    },
    /**
     * Long poll for the renderer: resolves once the version passes `since` (or after ~25 s) with the users
     * new entries named since then; `allUsers` when more changed than is remembered.
     */
    async nextChange(since: number, signal?: AbortSignal, timeoutMs = longPollMs): Promise<TeamChange> {
      if (version <= since && since >= 0) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            waiters = waiters.filter((w) => w !== done);
            resolve();
          };
          const timer = setTimeout(done, timeoutMs);
          signal?.addEventListener('abort', done, { once: true });
          waiters.push(done);
        });
      }
      const oldest = recentUsers[0]?.version ?? version + 1;
      const users = new Map(recentUsers.filter((u) => u.version > since).map((u) => [`${u.customerId}\u0000${u.userId}`, { customerId: u.customerId, userId: u.userId }]));
      return { version, users: [...users.values()], allUsers: since >= 0 && oldest > since + 1 && recentUsers.length >= recentUsersKept };
    },
    async activity(subject: UserSubject, since: Date): Promise<TeamUserActivity> {
      return (await connection?.activity(subject, since)) ?? { team: false, recentResets: 0, latest: null };
    },
    async close(): Promise<void> {
      await connection?.close();
      connection = null;
      changed();
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
export type TeamChange = { version: number; users: { customerId: string; userId: string }[]; allUsers: boolean };
