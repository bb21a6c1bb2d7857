/**
 * Times for the screen and the ticket note. An instant always carries its time zone ("14:05 BST"); the
 * note adds UTC in brackets, because a ticket is read later, by people in other zones, beside logs in UTC.
 */

export interface TimeOptions {
  /** An IANA zone such as `Europe/London`. The screen defaults to the runtime's zone, the note to UTC. */
  timeZone?: string;
  locale?: string;
}

/** The zone if the runtime knows it, else undefined: a bad setting must not break a note or a screen. */
const zones = new Map<string, string | undefined>();
export function knownTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  if (!zones.has(timeZone)) {
    if (zones.size > 200) zones.clear();
    try {
      zones.set(timeZone, new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone);
    } catch {
      zones.set(timeZone, undefined);
    }
  }
  return zones.get(timeZone);
}

function knownLocale(locale: string | undefined): string {
  try {
    return locale ? (Intl.DateTimeFormat.supportedLocalesOf(locale)[0] ?? 'en-GB') : 'en-GB';
  } catch {
    return 'en-GB';
  }
}


// Building an Intl.DateTimeFormat costs far more than using one; a note or a History screen formats
// many instants with the same few.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? '', options]);
  let f = formatters.get(key);
  if (!f) {
    if (formatters.size > 200) formatters.clear();
    f = new Intl.DateTimeFormat(knownLocale(locale), options);
    formatters.set(key, f);
  }
  return f;
}

function format(iso: string, options: TimeOptions, parts: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const timeZone = knownTimeZone(options.timeZone);
  return formatter(options.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...parts,
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** `Thu 27 Nov 2026, 14:05 GMT`: an instant in local time, always with its time zone. */
export function formatInstant(iso: string, options: TimeOptions = {}): string {
  return format(iso, options, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
}

/** `Thu 27 Nov 2026`: a date without time, for the 90-day expiry and "last changed". */
export function formatDay(iso: string, options: TimeOptions = {}): string {
  return format(iso, options, {});
}

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * `Thu 27 Nov 2026, 14:05 BST (13:05 UTC)`: the note's form, in the staffer's zone (UTC when none is
 * given or the one given is unknown), with UTC in brackets. The bracket names the UTC day as well when
 * it is not the local day; a note written in UTC needs no bracket.
 */
export function formatNoteInstant(iso: string, options: TimeOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const timeZone = knownTimeZone(options.timeZone) ?? 'UTC';
  const local = formatInstant(iso, { ...options, timeZone });
  if (timeZone === 'UTC') return local;
  const localDay = formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  const time = formatter(options.locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(date);
  const dayAndTime = formatter(options.locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(date);
  return localDay === utcDay(date) ? `${local} (${time} UTC)` : `${local} (${dayAndTime} UTC)`;
}
