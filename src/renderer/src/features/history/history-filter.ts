import type { ResetStatus } from '../../../../shared/ipc/contract';
import type { HistoryFilter } from './queries';

/** What the filter fields hold: free text, `YYYY-MM-DD` dates from date inputs (local days), a status. */
export interface FilterForm {
  customer: string;
  user: string;
  from: string;
  to: string;
  status: ResetStatus | '';
}

export const emptyFilterForm: FilterForm = { customer: '', user: '', from: '', to: '', status: '' };

/** Local midnight of a `YYYY-MM-DD` day, or null when the text is not a whole date. */
function localDay(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) || d.getDate() !== Number(m[3]) ? null : d;
}

/** The filter the core understands: `from` is the start of its local day, `to` the end of its local day (inclusive). */
export function filterOf(form: FilterForm): HistoryFilter {
  const filter: HistoryFilter = {};
  if (form.customer.trim()) filter.customer = form.customer.trim();
  if (form.user.trim()) filter.user = form.user.trim();
  const from = localDay(form.from);
  if (from) filter.from = from.toISOString();
  const to = localDay(form.to);
  if (to) filter.to = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1, 0, 0, 0, -1).toISOString();
  if (form.status) filter.status = form.status;
  return filter;
}

export function isFiltered(form: FilterForm): boolean {
  return Object.keys(filterOf(form)).length > 0;
}
