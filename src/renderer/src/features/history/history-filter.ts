import type { ResetStatus } from '../../../../shared/ipc/contract';
import { CONSOLE_LOCALE, parseDay, startOfDay } from '../../lib/locale-date';
import type { HistoryFilter } from '../../state/query-keys';

/** What the filter fields hold: free text, dates as typed (`25/11/2026`, or ISO), a status. */
export interface FilterForm {
  customer: string;
  user: string;
  from: string;
  to: string;
  status: ResetStatus | '';
}

export const emptyFilterForm: FilterForm = { customer: '', user: '', from: '', to: '', status: '' };

/**
 * The filter the core understands: `from` is the start of its day, `to` the end of its day (inclusive), both
 * in the staffer's time zone (the system's when none is given).
 */
export function filterOf(form: FilterForm, timeZone?: string): HistoryFilter {
  const filter: HistoryFilter = {};
  if (form.customer.trim()) filter.customer = form.customer.trim();
  if (form.user.trim()) filter.user = form.user.trim();
  const from = parseDay(form.from, CONSOLE_LOCALE);
  if (from) filter.from = startOfDay(from, timeZone).toISOString();
  const to = parseDay(form.to, CONSOLE_LOCALE);
  if (to) filter.to = new Date(startOfDay({ ...to, day: to.day + 1 }, timeZone).getTime() - 1).toISOString();
  if (form.status) filter.status = form.status;
  return filter;
}

export function isFiltered(form: FilterForm): boolean {
  return Object.keys(filterOf(form)).length > 0;
}
