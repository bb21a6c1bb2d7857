import { z } from 'zod';
import { callerHit, customer, customerSummary, passwordState, user, userSummary } from '../domain/portal-entities';
import { portalChoice } from '../portal-choice';
import { callerVerification } from '../recipient/caller-verification-schema';
import { historyFilter, historyListInput, historyListPage, historyStatusCheck, resetStatusCheck, resetWarnings, teamStatus, teamUserActivity } from './history-schemas';

/**
 * The one IPC contract: channel name → {input, output}. The preload's `window.api`, its type in the
 * renderer and the main-process handler signatures are all derived from this object.
 * Channels are `domain:action`.
 */

const id = z.string().min(1).max(200);
const userIdentifier = z.string().min(1).max(320);
const emptyInput = z.object({}).strict();

export const keychainStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('available') }),
  z.object({ status: z.literal('unavailable'), reason: z.string() }),
]);
export type KeychainStatus = z.infer<typeof keychainStatus>;

export const portalMode = z.union([z.literal('demo'), z.string().url()]);

export const appInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  portalMode,
  keychain: keychainStatus,
});
export type AppInfo = z.infer<typeof appInfo>;

export const credentialStorage = z.enum(['keychain', 'session']);
export type CredentialStorage = z.infer<typeof credentialStorage>;

/** What the renderer may know about the stored parent-admin credential: never the password. */
export const credentialInfo = z.object({
  username: z.string(),
  storage: credentialStorage,
});
export type CredentialInfo = z.infer<typeof credentialInfo>;

export const settingsView = z.object({
  portalMode,
  staffName: z.string(),
  /** The staffer's chosen IANA time zone for every time on screen; null = the system's. */
  timeZone: z.string().nullable(),
  credential: credentialInfo.nullable(),
  /** Set when the settings file could not be read and was set aside. */
  settingsProblem: z.string().nullable(),
});
export type SettingsView = z.infer<typeof settingsView>;

export const staffName = z.string().trim().min(1).max(80);

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
/** An IANA time zone name this runtime knows, e.g. `Europe/London`. */
export const timeZoneName = z.string().min(1).max(64).refine(isTimeZone, 'Not a time zone this computer knows.');

export const signInInput = z
  .object({
    /** Checked and normalised here, once: a refused address answers its own one-line reason. */
    portal: portalChoice,
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(1024),
    storage: credentialStorage,
  })
  .strict();
export type SignInInput = z.output<typeof signInInput>;

export const connectionStatus = z.object({
  signedIn: z.boolean(),
  portalReachable: z.boolean(),
  checkedAt: z.string(),
});
export type ConnectionStatus = z.infer<typeof connectionStatus>;

export const resetOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('sent'),
    resetId: z.string(),
    sentTo: z.string(),
    issuedAt: z.string(),
    expiresAt: z.string(),
  }),
  z.object({
    outcome: z.literal('unknown'),
    /** The password state re-read after the connection dropped, when the portal could be reached. */
    password: passwordState.nullable(),
    message: z.string(),
  }),
]);
export type ResetOutcome = z.infer<typeof resetOutcome>;

export * from './history-schemas';


/** A caller search across all customers (phone number, Email, User ID, name or extension). */
export const callerQuery = z.string().max(100);
/**
 * Where a search is answered: `portal` (the default) asks the portal; `index` answers at once from the main
 * process's index of the customers opened last, for results while the staffer types. An index answer is one
 * first page (`nextCursor` null) and says so; the portal's answer, asked for after the debounce, replaces it.
 */
export const searchSource = z.enum(['portal', 'index']);
/** On an index answer: null when no index could answer (not open, still filling), else how many matched. */
export const indexAnswer = z.object({ total: z.number().int().nonnegative() }).nullable().optional();
export const callerHits = z.object({ hits: z.array(callerHit), total: z.number().int().nonnegative(), index: indexAnswer });
export type CallerHits = z.infer<typeof callerHits>;

export const contract = {
  'app:info': { input: emptyInput, output: appInfo },
  'settings:get': { input: emptyInput, output: settingsView },
  'settings:setStaffName': { input: z.object({ staffName }).strict(), output: settingsView },
  'settings:setTimeZone': { input: z.object({ timeZone: timeZoneName.nullable() }).strict(), output: settingsView },
  'auth:signIn': { input: signInInput, output: settingsView },
  'auth:forget': { input: emptyInput, output: settingsView },
  'auth:status': { input: emptyInput, output: connectionStatus },
  'customers:search': {
    input: z.object({ name: z.string().max(100), limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: z.object({ customers: z.array(customerSummary), total: z.number().int() }),
  },
  'customers:get': { input: z.object({ customerId: id }).strict(), output: customer },
  'customers:open': { input: z.object({ customerId: id }).strict(), output: customer },
  'users:search': {
    input: z
      .object({
        customerId: id,
        q: z.string().max(100),
        limit: z.number().int().min(1).max(200).optional(),
        cursor: z.string().max(500).nullable().optional(),
        from: searchSource.optional(),
      })
      .strict(),
    output: z.object({ users: z.array(userSummary), nextCursor: z.string().nullable(), index: indexAnswer }),
  },
  'users:get': { input: z.object({ customerId: id, userId: userIdentifier }).strict(), output: user },
  'users:setEmail': {
    input: z.object({ customerId: id, userId: userIdentifier, email: z.string().max(320).nullable() }).strict(),
    output: user,
  },
  'reset:warnings': { input: z.object({ customerId: id, userId: userIdentifier }).strict(), output: resetWarnings },
  'reset:start': {
    input: z
      .object({
        customerId: id,
        userId: userIdentifier,
        /** Made once per staff intent (one confirmation dialog); the portal's Idempotency-Key. */
        intentId: z.string().min(8).max(128).regex(/^[A-Za-z0-9_-]+$/),
        /** The Email the dialog showed and the staffer confirmed; the portal sends nothing if it changed since. */
        expectedEmail: z.string().min(1).max(320),
        /**
         * The unusual characters of the Email or the name (`U+0430`, …) the staffer acknowledged; main
         * inspects the recipient again and refuses (`invalid_input`) unless this is exactly its list.
         */
        acknowledgedCharacters: z.array(z.string().regex(/^U\+[0-9A-F]{4,6}$/)).max(500).default([]),
        /** How the staffer verified the caller (`Caller verified by`); recorded in the audit entry. */
        verification: callerVerification.optional(),
        /** False when the earlier-resets check failed and the staffer chose to send without it. */
        warningsChecked: z.boolean().optional(),
      })
      .strict(),
    output: resetOutcome,
  },
  'reset:status': {
    input: z.object({ customerId: id, userId: userIdentifier, since: z.string().datetime({ offset: true }) }).strict(),
    output: resetStatusCheck,
  },
  'callers:find': {
    input: z.object({ q: callerQuery, limit: z.number().int().min(1).max(200).optional(), from: searchSource.optional() }).strict(),
    output: callerHits,
  },
  'history:list': { input: historyListInput, output: historyListPage },
  'history:refreshStatus': { input: z.object({ entryId: id }).strict(), output: historyStatusCheck },
  'history:exportCsv': { input: historyFilter, output: z.object({ csv: z.string(), fileName: z.string() }) },
  'history:noteCopied': { input: z.object({ entryId: id.nullable(), customerId: id, userId: userIdentifier }).strict(), output: z.object({}) },
  'team:status': { input: emptyInput, output: teamStatus },
  /** Sets (or with null, turns off) the team database address; kept in settings.json, never with a password. */
  'team:setDatabase': { input: z.object({ address: z.string().max(2000).nullable() }).strict(), output: teamStatus },
  /** The team database login's password, kept in the OS keychain. */
  'team:setPassword': { input: z.object({ password: z.string().min(1).max(1024) }).strict(), output: teamStatus },
  /** Long poll: answers once the team's history changed after `since` (or after about 25 s with the same version). */
  'team:nextChange': {
    input: z.object({ since: z.number().int().min(-1) }).strict(),
    output: z.object({
      version: z.number().int(),
      /** Users that new entries named since `since`: the window re-reads them if it shows one. */
      users: z.array(z.object({ customerId: z.string(), userId: z.string() })).max(200),
      /** More changed than the core remembers: re-read whatever user is shown. */
      allUsers: z.boolean(),
    }),
  },
  'team:userActivity': { input: z.object({ customerId: id, userId: userIdentifier }).strict(), output: teamUserActivity },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;
