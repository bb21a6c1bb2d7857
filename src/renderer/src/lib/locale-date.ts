/**
 * The console speaks British English (as its ticket notes do): dates read day/month/year whatever language
 * the browser or the machine was set up with.
 */
export const CONSOLE_LOCALE = 'en-GB';

export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

type DayPart = 'day' | 'month' | 'year';

/** The order of day, month and year in the locale's short dates, and what to show as a hint: `dd/mm/yyyy`. */
export function datePattern(locale: string): { order: DayPart[]; placeholder: string } {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(2006, 10, 25));
  const hint: Record<string, string> = { day: 'dd', month: 'mm', year: 'yyyy' };
  return {
    order: parts.filter((p): p is Intl.DateTimeFormatPart & { type: DayPart } => p.type in hint).map((p) => p.type),
    placeholder: parts.map((p) => hint[p.type] ?? p.value).join(''),
  };
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** A whole date as typed in the locale's order (`25/11/2026`) or as ISO (`2026-11-25`); null when half-typed or impossible. */
export function parseDay(text: string, locale: string): CalendarDay | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  let found: CalendarDay | null = null;
  if (iso) found = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  else {
    const nums = /^(\d{1,4})[/.\- ](\d{1,2})[/.\- ](\d{1,4})$/.exec(t);
    if (!nums) return null;
    const { order } = datePattern(locale);
    const value = Object.fromEntries(order.map((part, i) => [part, Number(nums[i + 1])])) as Record<DayPart, number>;
    if (String(value.year).length !== 4) return null;
    found = { year: value.year, month: value.month, day: value.day };
  }
  const check = new Date(Date.UTC(found.year, found.month - 1, found.day));
  return check.getUTCMonth() === found.month - 1 && check.getUTCDate() === found.day ? found : null;
}

/** How far `timeZone` is ahead of UTC at instant `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(ms / 1000) * 1000;
}

/** The instant a calendar day starts in `timeZone` (the system's when omitted). */
export function startOfDay(d: CalendarDay, timeZone?: string): Date {
  if (!timeZone) return new Date(d.year, d.month - 1, d.day);
  const guess = Date.UTC(d.year, d.month - 1, d.day);
  const first = guess - offsetAt(guess, timeZone);
  return new Date(guess - offsetAt(first, timeZone));
}
