import { foldText } from '../../shared/text/fold';
import { statusOf, type AuditRecord, type HistoryFilter } from './audit-store';

/** History's filters, as the local store runs them (a database store runs the same rules in SQL). */
export function matchesFilter(filter: HistoryFilter, r: AuditRecord): boolean {
  const has = (needle: string | undefined, ...hay: (string | null)[]) => {
    const n = needle?.trim();
    if (!n) return true;
    const folded = foldText(n);
    return hay.some((h) => h !== null && foldText(h).includes(folded));
  };
  if (!has(filter.customer, r.customerName, r.customerId, r.accountNumber)) return false;
  if (!has(filter.user, r.userName, r.userId, r.extension, r.email)) return false;
  if (filter.from && !(Date.parse(r.at) >= Date.parse(filter.from))) return false;
  if (filter.to && !(Date.parse(r.at) <= Date.parse(filter.to))) return false;
  return !filter.status || statusOf(r) === filter.status;
}

export function isEmptyFilter(filter: HistoryFilter): boolean {
  return !filter.customer?.trim() && !filter.user?.trim() && !filter.from && !filter.to && !filter.status;
}
