import { AppFailure } from '../../shared/errors';
import type { HistoryEntry, HistoryStatusCheck } from '../../shared/ipc/contract';
import { resetActions, statusOf, type AuditRecord, type HistoryFilter, type Verification } from '../audit/audit-store';
import { subjectOf } from './audit-subject';
import type { ConsoleContext } from './console-context';
import { toCsv } from './csv-export';
import type { PortalChoice } from './portal-profiles';
import { statusOfReset } from './reset-status';

export type { HistoryFilter };

/** A History row: the reset, the last status a check found (or the one it started with), and whether it can be trusted. */
export type HistoryRow = HistoryEntry & Verification;

/** History shows at most this many rows at once; the index answers a page of them without reading the disk. */
export const historyPageSize = 100;

export function historyEntryOf(r: AuditRecord): HistoryRow {
  const check = r.lastCheck;
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
    issuedAt: check?.issuedAt ?? r.issuedAt,
    expiresAt: check?.expiresAt ?? r.expiresAt,
    outcome: r.outcome,
    status: statusOf(r),
    statusCheckedAt: check ? check.at : null,
    replacedAt: r.replacedAt,
    ...(r.verifiable ? { verifiable: true, unverifiableReason: null } : { verifiable: false, unverifiableReason: r.unverifiableReason }),
  };
}

function choiceOfProfile(profile: string): PortalChoice {
  return profile === 'demo' ? { mode: 'demo' } : { mode: 'url', url: profile };
}

const csvHeader = ['Time', 'Staff', 'Portal', 'Customer ID', 'Customer', 'Account number', 'User ID', 'User', 'Extension', 'Sent to', 'Action', 'Outcome', 'Reset reference', 'Issued', 'Expires', 'Status', 'Status checked', 'Verified'];

export function createHistoryService(ctx: ConsoleContext) {
  /** Every matching row, newest first (the contract's list; the renderer virtualises it). */
  async function list(filter: HistoryFilter): Promise<HistoryRow[]> {
    const { records } = await ctx.audit.listResets(filter, { limit: Number.MAX_SAFE_INTEGER });
    return records.map(historyEntryOf);
  }

  return {
    list,

    /** One page of rows, newest first, with the total and the cursor for the next page. */
    async page(filter: HistoryFilter, cursor: string | null = null, limit = historyPageSize): Promise<{ entries: HistoryRow[]; total: number; nextCursor: string | null }> {
      const page = await ctx.audit.listResets(filter, { limit, cursor });
      return { entries: page.records.map(historyEntryOf), total: page.total, nextCursor: page.nextCursor };
    },

    /** Reads the live status; when the portal cannot answer, the last known status stays, with its time. */
    async refreshStatus(entryId: string): Promise<HistoryStatusCheck> {
      const record = await ctx.audit.get(entryId);
      const entry = record && resetActions.has(record.action) ? historyEntryOf(record) : null;
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
      const rows = (await list(filter)).map((e) => [
        e.at, e.staffName, e.profile, e.customerId, e.customerName, e.accountNumber, e.userId, e.userName, e.extension, e.email,
        e.action, e.outcome, e.resetId, e.issuedAt, e.expiresAt, e.status, e.statusCheckedAt,
        e.verifiable ? 'yes' : `no: ${e.unverifiableReason}`,
      ]);
      return { csv: toCsv(csvHeader, rows), fileName: `reset-history-${ctx.now().toISOString().slice(0, 10)}.csv` };
    },

    async noteCopied(input: { entryId: string | null; customerId: string; userId: string }): Promise<Record<string, never>> {
      const portal = await ctx.portal().catch(() => null);
      const subject = portal ? subjectOf(portal, input.customerId, input.userId) : { customerId: input.customerId, userId: input.userId };
      await ctx.audit.append({ ...ctx.auditBase(), ...subject, action: 'note_copied', refersTo: input.entryId, outcome: 'ok' });
      return {};
    },
  };
}
