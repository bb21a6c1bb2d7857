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

/**
 * Intl's first use loads the time-zone data, tens of milliseconds on a slow desk: the zone and the
 * formatters are made when a time is first shown, not while the console opens (its first screen has none).
 */
function timeFormatOf(chosenZone: string | null, locale: string): TimeFormat {
  let zone: string | undefined;
  let formats: { date: Intl.DateTimeFormat; clock: Intl.DateTimeFormat } | undefined;
  const timeZone = () => (zone ??= chosenZone ?? systemTimeZone());
  const formatsOf = () =>
    (formats ??= {
      date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: timeZone() }),
      clock: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone: timeZone() }),
    });
  const withDate = (iso: string, format: (date: Date) => string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format(date);
  };
  return {
    get timeZone() {
      return timeZone();
    },
    locale,
    instant: (iso) => formatInstant(iso, { timeZone: timeZone(), locale }),
    day: (iso) => formatDay(iso, { timeZone: timeZone(), locale }),
    date: (iso) => withDate(iso, (d) => formatsOf().date.format(d)),
    clock: (iso) => withDate(iso, (d) => formatsOf().clock.format(d)),
  };
}

const Ctx = createContext<TimeFormat>(timeFormatOf(null, CONSOLE_LOCALE));

/** Every time on screen in the staffer's chosen zone (Settings), or the system's when none is chosen. */
export function TimeFormatProvider({ timeZone, children }: { timeZone: string | null; children: ReactNode }) {
  const value = useMemo(() => timeFormatOf(timeZone, CONSOLE_LOCALE), [timeZone]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useTimeFormat(): TimeFormat {
  return useContext(Ctx);
}
