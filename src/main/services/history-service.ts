import { AppFailure } from '../../shared/errors';
import type { HistoryEntry, HistoryStatusCheck } from '../../shared/ipc/contract';
import { resetActions, statusOf, type AuditRecord, type HistoryFilter, type Verification } from '../audit/audit-store';
import { haystackOf, matcherOf } from '../audit/history-filter';
import { historyCursor, type TeamHistoryFilter, type TeamHistoryRow } from '../audit/team-postgres';
import { subjectOf } from './audit-subject';
import type { ConsoleContext } from './console-context';
import { toCsv } from './csv-export';
import type { PortalChoice } from './portal-profiles';
import { statusOfReset } from './reset-status';
import type { TeamConnection } from './team-service';

export type { HistoryFilter };

/** A History row: the reset, the last status a check found (or the one it started with), and whether it can be trusted. */
export type HistoryRow = HistoryEntry & Verification;

/** History shows at most this many rows at once; the index answers a page of them without reading the disk. */
export const historyPageSize = 100;

type Recorded = Pick<AuditRecord, 'id' | 'at' | 'staffName' | 'profile' | 'customerId' | 'customerName' | 'accountNumber' | 'userId' | 'userName' | 'extension' | 'email' | 'resetId' | 'outcome'> & { action: string };

/** What a History row says of the reset itself, whichever store it came from. */
function whoAndWhat(r: Recorded) {
  return {
    id: r.id,
    at: r.at,
    action: r.action as HistoryEntry['action'],
    staffName: r.staffName,
    profile: r.profile,
    customerId: r.customerId ?? '',
    customerName: r.customerName ?? '',
    accountNumber: r.accountNumber,
    userId: r.userId ?? '',
    userName: r.userName ?? '',
    extension: r.extension ?? '',
    email: r.email,
    resetId: r.resetId,
    outcome: r.outcome,
  };
}

export function historyEntryOf(r: AuditRecord): HistoryRow {
  const check = r.lastCheck;
  return {
    ...whoAndWhat(r),
    issuedAt: check?.issuedAt ?? r.issuedAt,
    expiresAt: check?.expiresAt ?? r.expiresAt,
    status: statusOf(r),
    statusCheckedAt: check ? check.at : null,
    replacedAt: r.replacedAt,
    ...(r.verifiable ? { verifiable: true, unverifiableReason: null } : { verifiable: false, unverifiableReason: r.unverifiableReason }),
    staffer: null,
    sharing: null,
    fromThisDesk: true,
  };
}

/** A row of the team database's History: verified when it was shipped; named by the desk's database login. */
export function historyEntryOfTeamRow(r: TeamHistoryRow, fromThisDesk: boolean): HistoryRow {
  return {
    ...whoAndWhat(r),
    issuedAt: r.issuedAt,
    expiresAt: r.expiresAt,
    status: r.status,
    statusCheckedAt: r.statusCheckedAt,
    replacedAt: null,
    verifiable: true,
    unverifiableReason: null,
    staffer: r.staffer,
    sharing: 'shared',
    fromThisDesk,
  };
}

function teamFilterOf(f: HistoryFilter): TeamHistoryFilter {
  return {
    ...(f.customer?.trim() ? { customerText: f.customer } : {}),
    ...(f.user?.trim() ? { userText: f.user } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
}

// Cursors say which store they page: a team page's cursor is never handed to the local store.
const teamCursorPrefix = 't:';
const localCursorPrefix = 'l:';
const encodeTeamCursor = (c: { at: string; id: string }) => teamCursorPrefix + Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeTeamCursor(text: string) {
  try {
    return historyCursor.parse(JSON.parse(Buffer.from(text.slice(teamCursorPrefix.length), 'base64url').toString('utf8')));
  } catch {
    throw new AppFailure('invalid_input');
  }
}

const waitingShownMax = 500;

export interface HistoryListPage {
  entries: HistoryRow[];
  total: number | null;
  nextCursor: string | null;
}

function choiceOfProfile(profile: string): PortalChoice {
  return profile === 'demo' ? { mode: 'demo' } : { mode: 'url', url: profile };
}

const csvHeader = ['Time', 'Staff', 'Portal', 'Customer ID', 'Customer', 'Account number', 'User ID', 'User', 'Extension', 'Sent to', 'Action', 'Outcome', 'Reset reference', 'Issued', 'Expires', 'Status', 'Status checked', 'Verified'];

export function createHistoryService(ctx: ConsoleContext, team: () => TeamConnection | null = () => null) {
  async function localPage(filter: HistoryFilter, cursor: string | null, limit: number, unshared: Set<string> | null): Promise<HistoryListPage> {
    const page = await ctx.audit.listResets(filter, { limit, cursor: cursor?.startsWith(localCursorPrefix) ? cursor.slice(localCursorPrefix.length) : null });
    return {
      entries: page.records.map((r) => ({ ...historyEntryOf(r), ...(unshared ? { sharing: unshared.has(r.id) ? 'not_yet_shared' : 'shared' } : {}) }) as HistoryRow),
      total: page.total,
      nextCursor: page.nextCursor === null ? null : localCursorPrefix + page.nextCursor,
    };
  }

  /** This desk's resets still waiting in the outbox that match the filter, newest first ("not yet shared"). */
  async function waitingRows(filter: HistoryFilter, unshared: Set<string>): Promise<HistoryRow[]> {
    const matches = matcherOf(filter);
    const rows: HistoryRow[] = [];
    // The newest waiting entries only: a long outage's backlog shows in full in the local fallback.
    for (const id of [...unshared].slice(-waitingShownMax)) {
      const record = await ctx.audit.get(id);
      if (!record || !resetActions.has(record.action) || !matches(record, statusOf(record), haystackOf(record))) continue;
      rows.push({ ...historyEntryOf(record), sharing: 'not_yet_shared' });
    }
    return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  /** A page from the team database; on the first page, this desk's unshipped resets come first. */
  async function teamPage(t: TeamConnection, filter: HistoryFilter, cursor: string | null, limit: number): Promise<HistoryListPage> {
    const unshared = await t.unshared();
    const page = await t.store.list(teamFilterOf(filter), cursor ? decodeTeamCursor(cursor) : null, limit);
    const waiting = cursor ? [] : await waitingRows(filter, unshared);
    const shown = new Set(waiting.map((w) => w.id));
    const rows = await Promise.all(
      page.rows.filter((r) => !shown.has(r.id)).map(async (r) => historyEntryOfTeamRow(r, (await ctx.audit.get(r.id)) !== null)),
    );
    return { entries: [...waiting, ...rows], total: null, nextCursor: page.next ? encodeTeamCursor(page.next) : null };
  }


  /** Every matching row, newest first (the contract's list; the renderer virtualises it). */
  async function list(filter: HistoryFilter): Promise<HistoryRow[]> {
    const { records } = await ctx.audit.listResets(filter, { limit: Number.MAX_SAFE_INTEGER });
    return records.map(historyEntryOf);
  }

  return {
    list,

    /**
     * One page of rows, newest first, with the cursor for the next page. In team mode the team database
     * answers; while it cannot, the local trail does, its unshipped entries marked "not yet shared".
     */
    async page(filter: HistoryFilter, cursor: string | null = null, limit = historyPageSize): Promise<HistoryListPage> {
      const t = team();
      if (t && (cursor === null || cursor.startsWith(teamCursorPrefix))) {
        try {
          return await teamPage(t, filter, cursor, limit);
        } catch (err) {
          if (cursor !== null || err instanceof AppFailure) throw err;
          ctx.log.info('history.team_unavailable', { code: (err as { code?: string }).code ?? 'unknown' });
        }
      }
      return localPage(filter, cursor, limit, t ? await t.unshared() : null);
    },

    /** Reads the live status; when the portal cannot answer, the last known status stays, with its time. */
    async refreshStatus(entryId: string): Promise<HistoryStatusCheck> {
      const record = await ctx.audit.get(entryId);
      // Team mode: another desk's reset is read from the team; this desk's check is shared like any entry.
      const teamRow = !record ? await team()?.store.byId(entryId).catch(() => null) : null;
      const entry = record && resetActions.has(record.action) ? historyEntryOf(record) : teamRow ? historyEntryOfTeamRow(teamRow, false) : null;
      if (!entry) throw new AppFailure('not_found', { message: 'This history entry does not exist.' });
      // A refused reset sent nothing: there is no status to read.
      if (entry.action === 'reset_refused') return { ...entry, live: true, problem: null };
      let password;
      try {
        const portal = await ctx.portals.get(choiceOfProfile(entry.profile));
        password = (await portal.gateway.getUser(entry.customerId, entry.userId)).password;
      } catch (err) {
        const code = err instanceof AppFailure ? err.error.code : 'internal_error';
        ctx.log.info('history.status_unavailable', { code });
        return { ...entry, live: false, problem: code };
      }
      const { status, issuedAt } = statusOfReset(entry, password);
      const expiresAt = issuedAt && issuedAt === password.tempIssuedAt ? password.tempExpiresAt : entry.expiresAt;
      const check = await ctx.audit.append({
        staffName: ctx.settings.current().staffName,
        profile: entry.profile,
        customerId: entry.customerId,
        userId: entry.userId,
        action: 'status_checked',
        refersTo: entry.id,
        status,
        issuedAt,
        expiresAt,
        outcome: status,
      });
      return { ...entry, status, issuedAt, expiresAt, statusCheckedAt: check.at, live: true, problem: null };
    },

    async exportCsv(filter: HistoryFilter): Promise<{ csv: string; fileName: string }> {
      const fileName = `reset-history-${ctx.now().toISOString().slice(0, 10)}.csv`;
      const t = team();
      if (t) {
        try {
          // Streams from the database a page at a time; the renderer saves the text it is given.
          let csv = '';
          for await (const chunk of t.store.exportCsv(teamFilterOf(filter))) csv += chunk;
          return { csv, fileName };
        } catch (err) {
          ctx.log.info('history.team_export_unavailable', { code: (err as { code?: string }).code ?? 'unknown' });
        }
      }
      const rows = (await list(filter)).map((e) => [
        e.at, e.staffName, e.profile, e.customerId, e.customerName, e.accountNumber, e.userId, e.userName, e.extension, e.email,
        e.action, e.outcome, e.resetId, e.issuedAt, e.expiresAt, e.status, e.statusCheckedAt,
        e.verifiable ? 'yes' : `no: ${e.unverifiableReason}`,
      ]);
      return { csv: toCsv(csvHeader, rows), fileName };
    },

    async noteCopied(input: { entryId: string | null; customerId: string; userId: string }): Promise<Record<string, never>> {
      const portal = await ctx.portal().catch(() => null);
      const subject = portal ? subjectOf(portal, input.customerId, input.userId) : { customerId: input.customerId, userId: input.userId };
      await ctx.audit.append({ ...ctx.auditBase(), ...subject, action: 'note_copied', refersTo: input.entryId, outcome: 'ok' });
      return {};
    },
  };
}
