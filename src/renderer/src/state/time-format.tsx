import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatDay, formatInstant } from '../../../shared/ticket-note';
import { CONSOLE_LOCALE, systemTimeZone } from '../lib/locale-date';

export interface TimeFormat {
  timeZone: string;
  locale: string;
  /** `Sat 28 Nov 2026, 20:54 GMT` */
  instant(iso: string): string;
  /** `Sat 28 Nov 2026` */
  day(iso: string): string;
  /** `28 Nov 2026`: a day short enough for a table cell. */
  date(iso: string): string;
  /** `20:54 GMT` */
  clock(iso: string): string;
}

function timeFormatOf(timeZone: string, locale: string): TimeFormat {
  const options = { timeZone, locale };
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  const clockFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone });
  return {
    timeZone,
    locale,
    instant: (iso) => formatInstant(iso, options),
    day: (iso) => formatDay(iso, options),
    date: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
    },
    clock: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : clockFormat.format(date);
    },
  };
}

const Ctx = createContext<TimeFormat>(timeFormatOf(systemTimeZone(), CONSOLE_LOCALE));

/** Every time on screen in the staffer's chosen zone (Settings), or the system's when none is chosen. */
export function TimeFormatProvider({ timeZone, children }: { timeZone: string | null; children: ReactNode }) {
  const value = useMemo(() => timeFormatOf(timeZone ?? systemTimeZone(), CONSOLE_LOCALE), [timeZone]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useTimeFormat(): TimeFormat {
  return useContext(Ctx);
}
