import { foldText } from '../../shared/text/fold';
import type { AuditEntry } from './audit-entry';
import type { HistoryFilter } from './audit-store';

/** The text History's customer and user filters search in, folded once per entry (folding is the costly part). */
export interface FilterHaystack {
  customer: string;
  user: string;
}

// A separator no folded needle can span: the filter matches within one field, as it always did.
const join = (...fields: (string | null)[]) => fields.filter((f): f is string => f !== null).map(foldText).join('\u0000');

export function haystackOf(e: AuditEntry): FilterHaystack {
  return { customer: join(e.customerName, e.customerId, e.accountNumber), user: join(e.userName, e.userId, e.extension, e.email) };
}

export type EntryMatcher = (e: AuditEntry, status: NonNullable<AuditEntry['status']>, hay: FilterHaystack) => boolean;

/** History's filters, as the local store runs them (a database store runs the same rules in SQL); needles folded once. */
export function matcherOf(filter: HistoryFilter): EntryMatcher {
  const needle = (text: string | undefined) => (text?.trim() ? foldText(text.trim()) : null);
  const customer = needle(filter.customer);
  const user = needle(filter.user);
  const from = filter.from ? Date.parse(filter.from) : null;
  const to = filter.to ? Date.parse(filter.to) : null;
  return (e, status, hay) => {
    if (customer !== null && !hay.customer.includes(customer)) return false;
    if (user !== null && !hay.user.includes(user)) return false;
    if (from !== null && !(Date.parse(e.at) >= from)) return false;
    if (to !== null && !(Date.parse(e.at) <= to)) return false;
    return !filter.status || status === filter.status;
  };
}

export function isEmptyFilter(filter: HistoryFilter): boolean {
  return !filter.customer?.trim() && !filter.user?.trim() && !filter.from && !filter.to && !filter.status;
}
