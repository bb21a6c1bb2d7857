import { AppFailure, codeOf, errorTable } from '../../shared/errors';
import type { CallerVerification } from '../../shared/recipient/caller-verification';
import { inspectRecipient } from '../../shared/recipient/inspect-recipient';
import type { ResetOutcome, ResetStatusCheck, ResetWarnings } from '../../shared/ipc/contract';
import type { PasswordState, User, UserSummary } from '../../shared/domain/portal-entities';
import type { ResetRequest } from '../portal/gateway';
import { subjectOf } from './audit-subject';
import type { ConsoleContext } from './console-context';
import type { Portal } from './portal-profiles';
import { wentThrough } from './reset-status';

const dayMs = 24 * 60 * 60 * 1000;
/** Above this many users, fetching every page for the shared-Email check costs more than it tells. */
export const sharedEmailScanLimit = 2_000;
const pageSize = 200;
/** Outcomes remembered per intent, so a repeated click gets the first answer, not a second reset. */
const rememberedIntents = 200;

/** What the staffer confirmed in the dialog besides the address: recorded with the reset. */
export interface ResetConfirmation {
  /** The unusual characters (`U+0430`, …) acknowledged; must be exactly the ones main finds. */
  acknowledgedCharacters: string[];
  verification?: CallerVerification;
  warningsChecked?: boolean;
}

/**
 * The characters the staffer must have acknowledged, found again here: the renderer's word is not
 * enough, since a look-alike address is exactly what it might not have shown.
 */
function unacknowledged(user: UserSummary | User, expectedEmail: string, acknowledged: string[]): string | null {
  const inspection = inspectRecipient({ email: expectedEmail, name: `${user.firstName} ${user.lastName}`, userId: user.userId });
  const expected = [...new Set(inspection.characters.map((c) => c.codePoint))].sort();
  const given = [...new Set(acknowledged)].sort();
  if (expected.length === given.length && expected.every((c, i) => c === given[i])) return null;
  return expected.length === 0
    ? 'The Email and the name hold only plain characters now; read the user again and confirm. Nothing was sent.'
    : `The Email or the name holds characters that were not acknowledged (${expected.join(', ')}); read the user again and confirm. Nothing was sent.`;
}

export function userLabel(u: UserSummary): string {
  return `${u.firstName} ${u.lastName}, ext. ${u.extension} (${u.userId})`;
}

/** Team mode's view of a user's resets by anyone (null outside team mode or while the database cannot answer). */
export type TeamActivity = (subject: { profile: string; customerId: string; userId: string }, since: Date) => Promise<{ team: boolean; recentResets: number } | null>;

export function createResetService(ctx: ConsoleContext, teamActivity: TeamActivity = async () => null) {
  const intents = new Map<string, Promise<ResetOutcome>>();

  async function knownUser(portal: Portal, customerId: string, userId: string): Promise<UserSummary | User> {
    const cached = portal.directory.user(customerId, userId);
    if (cached) return cached;
    const user = await portal.gateway.getUser(customerId, userId);
    portal.directory.rememberUsers(customerId, [user]);
    return user;
  }

  async function customerSize(portal: Portal, customerId: string): Promise<number> {
    const cached = portal.directory.customer(customerId);
    if (cached) return cached.userCount;
    const customer = await portal.gateway.getCustomer(customerId);
    portal.directory.rememberCustomers([customer]);
    return customer.userCount;
  }

  async function readAllUsers(portal: Portal, customerId: string): Promise<void> {
    let cursor: string | null = null;
    for (let page = 0; page < Math.ceil(sharedEmailScanLimit / pageSize) + 1; page++) {
      const result = await portal.gateway.searchUsers(customerId, '', { limit: pageSize, cursor });
      portal.directory.rememberUsers(customerId, result.users);
      cursor = result.nextCursor;
      if (cursor === null) {
        portal.directory.markComplete(customerId);
        return;
      }
    }
  }

  async function send(portal: Portal, customerId: string, userId: string, request: ResetRequest, confirmation: ResetConfirmation): Promise<ResetOutcome> {
    const base = {
      ...ctx.auditBase(),
      ...(confirmation.verification ? { verification: confirmation.verification } : {}),
      ...(confirmation.warningsChecked !== undefined ? { warningsChecked: confirmation.warningsChecked } : {}),
      acknowledged: confirmation.acknowledgedCharacters,
    };
    let user: UserSummary | User | undefined;
    let attempt;
    try {
      user = await knownUser(portal, customerId, userId);
      const problem = unacknowledged(user, request.expectedEmail, confirmation.acknowledgedCharacters);
      if (problem) throw new AppFailure('invalid_input', { message: problem });
      attempt = await portal.gateway.startReset(customerId, userId, request);
    } catch (err) {
      // The address the staffer confirmed: for `email_changed` the portal's is not the one they saw.
      await ctx.audit.append({ ...base, ...subjectOf(portal, customerId, userId, user), action: 'reset_refused', email: request.expectedEmail, outcome: codeOf(err) });
      throw err;
    }
    if (attempt.kind === 'sent') {
      const b = attempt.reset;
      await ctx.audit.append({
        ...base,
        ...subjectOf(portal, customerId, userId, user),
        action: 'reset_sent',
        email: b.sentTo,
        resetId: b.resetId,
        issuedAt: b.issuedAt,
        expiresAt: b.expiresAt,
        outcome: 'sent',
        status: 'pending',
      });
      return { outcome: 'sent', resetId: b.resetId, sentTo: b.sentTo, issuedAt: b.issuedAt, expiresAt: b.expiresAt };
    }
    // Never send again: read what the portal now says about the user's password instead.
    let password: PasswordState | null = null;
    try {
      const fresh = await portal.gateway.getUser(customerId, userId);
      portal.directory.rememberUsers(customerId, [fresh]);
      password = fresh.password;
    } catch {
      // Still unknown; the staffer can check status later.
    }
    await ctx.audit.append({
      ...base,
      ...subjectOf(portal, customerId, userId, user),
      action: 'reset_unknown',
      email: user.email,
      issuedAt: password?.state === 'temp_issued' ? password.tempIssuedAt : null,
      expiresAt: password?.state === 'temp_issued' ? password.tempExpiresAt : null,
      outcome: `unknown:${attempt.reason}`,
      status: 'unknown',
    });
    return { outcome: 'unknown', password, message: errorTable.outcome_unknown.message };
  }

  return {
    async warnings(customerId: string, userId: string): Promise<ResetWarnings> {
      const portal = await ctx.signedInPortal();
      const since = ctx.now().getTime() - dayMs;
      const subject = { profile: portal.profileId, customerId, userId };
      // Team mode counts every desk's resets (this desk's unshipped ones included); else this desk's own.
      const team = await teamActivity(subject, new Date(since));
      const teamWide = team?.team === true;
      const recentResets = team && teamWide
        ? team.recentResets
        : // An entry that is not verifiable (hand-written, changed, impossible time) never counts.
          (await ctx.audit.resetsOfUser(subject, new Date(since))).filter((e) => e.verifiable && (e.action === 'reset_sent' || e.action === 'reset_unknown')).length;
      // Read fresh: the check is also a look at the address the dialog is about to confirm.
      const user = await portal.gateway.getUser(customerId, userId);
      portal.directory.rememberUsers(customerId, [user]);
      if (!user.email) return { recentResets, sharedEmailUsers: [], teamWide };
      if (!portal.directory.isComplete(customerId) && (await customerSize(portal, customerId)) <= sharedEmailScanLimit) {
        await readAllUsers(portal, customerId);
      }
      const email = user.email.toLowerCase();
      const sharedEmailUsers = portal.directory
        .knownUsers(customerId)
        .filter((u) => u.userId !== userId && u.email?.toLowerCase() === email)
        .map(userLabel);
      return { recentResets, sharedEmailUsers, teamWide };
    },

    /**
     * One reset per intent: a second call with the same intent, even concurrent, gets the first's answer.
     * `expectedEmail` is the address the staffer confirmed; if the portal's differs, nothing is sent.
     */
    async start(customerId: string, userId: string, request: ResetRequest, confirmation: ResetConfirmation = { acknowledgedCharacters: [] }): Promise<ResetOutcome> {
      const portal = await ctx.signedInPortal();
      const key = JSON.stringify([portal.profileId, customerId, userId, request.intentId]);
      const existing = intents.get(key);
      if (existing) return existing;
      const outcome = send(portal, customerId, userId, request, confirmation);
      intents.set(key, outcome);
      // A refused reset may be tried again once the cause is fixed (e.g. Email added).
      outcome.catch(() => intents.delete(key));
      while (intents.size > rememberedIntents) intents.delete(intents.keys().next().value!);
      return outcome;
    },

    /** Re-reads the user so the staffer sees the live password state, and whether the attempt started at `since` went through. */
    async status(customerId: string, userId: string, since: string): Promise<ResetStatusCheck> {
      const portal = await ctx.signedInPortal();
      const user = await portal.gateway.getUser(customerId, userId);
      portal.directory.rememberUsers(customerId, [user]);
      return { user, wentThrough: wentThrough(user.password, since) };
    },
  };
}
