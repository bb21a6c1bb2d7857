import { AppFailure, codeOf } from '../../shared/errors';
import type { HistoryEntry, HistoryFilter, HistoryStatusCheck } from '../../shared/ipc/contract';
import { foldText } from '../../shared/text/fold';
import type { AuditEntry } from '../audit/audit-entry';
import { subjectOf } from './audit-subject';
import type { ConsoleContext } from './console-context';
import { toCsv } from './csv-export';
import type { PortalChoice } from './portal-profiles';
import { statusOfReset, withReplacements } from './reset-status';

const resetActions = new Set(['reset_sent', 'reset_refused', 'reset_unknown']);

/** Reset entries of the audit log, each with the last status a check found (or the one it started with). */
export function historyOf(entries: readonly AuditEntry[]): HistoryEntry[] {
  const checks = new Map<string, AuditEntry>();
  for (const e of entries) if (e.action === 'status_checked' && e.refersTo) checks.set(e.refersTo, e);
  const out: HistoryEntry[] = [];
  for (const e of entries) {
    if (!resetActions.has(e.action)) continue;
    const check = checks.get(e.id);
    out.push({
      id: e.id,
      at: e.at,
      action: e.action as HistoryEntry['action'],
      staffName: e.staffName,
      profile: e.profile,
      customerId: e.customerId ?? '',
      customerName: e.customerName ?? '',
      accountNumber: e.accountNumber,
      userId: e.userId ?? '',
      userName: e.userName ?? '',
      extension: e.extension ?? '',
      email: e.email,
      resetId: e.resetId,
      issuedAt: check?.issuedAt ?? e.issuedAt,
      expiresAt: check?.expiresAt ?? e.expiresAt,
      outcome: e.outcome,
      status: check?.status ?? e.status ?? 'unknown',
      statusCheckedAt: check ? check.at : null,
      replacedAt: null,
    });
  }
  return withReplacements(out).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

function matches(filter: HistoryFilter, e: HistoryEntry): boolean {
  const has = (needle: string | undefined, ...hay: (string | null)[]) => !needle?.trim() || hay.some((h) => h !== null && foldText(h).includes(foldText(needle.trim())));
  if (!has(filter.customer, e.customerName, e.customerId, e.accountNumber)) return false;
  if (!has(filter.user, e.userName, e.userId, e.extension, e.email)) return false;
  if (filter.from && Date.parse(e.at) < Date.parse(filter.from)) return false;
  if (filter.to && Date.parse(e.at) > Date.parse(filter.to)) return false;
  return !filter.status || e.status === filter.status;
}

function choiceOfProfile(profile: string): PortalChoice {
  return profile === 'demo' ? { mode: 'demo' } : { mode: 'url', url: profile };
}

const csvHeader = ['Time', 'Staff', 'Portal', 'Customer ID', 'Customer', 'Account number', 'User ID', 'User', 'Extension', 'Sent to', 'Action', 'Outcome', 'Reset reference', 'Issued', 'Expires', 'Status', 'Status checked'];

export function createHistoryService(ctx: ConsoleContext) {
  async function list(filter: HistoryFilter): Promise<HistoryEntry[]> {
    return historyOf(await ctx.audit.readAll()).filter((e) => matches(filter, e));
  }

  return {
    list,

    /** Reads the live status; when the portal cannot answer, the last known status stays, with its time. */
    async refreshStatus(entryId: string): Promise<HistoryStatusCheck> {
      const entries = await ctx.audit.readAll();
      const entry = historyOf(entries).find((e) => e.id === entryId);
      if (!entry) throw new AppFailure('not_found', { message: 'This history entry does not exist.' });
      // A refused reset sent nothing: there is no status to read.
      if (entry.action === 'reset_refused') return { ...entry, live: true, problem: null };
      let password;
      try {
        const portal = await ctx.portals.get(choiceOfProfile(entry.profile));
        password = (await portal.gateway.getUser(entry.customerId, entry.userId)).password;
      } catch (err) {
        const code = codeOf(err);
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
