/**
 * The one place that turns dates into text for people to read, on the server and in the browser.
 * An instant is always shown in a named zone (the caller's effective one, `ctx.timeZone`), never in
 * the zone of the process or the browser that happens to render it; a calendar day ("2026-01-31",
 * a `date` column) has no zone and is shown as that day everywhere. ESLint forbids
 * `Intl.DateTimeFormat`, `toLocale*String` and date-fns `format` in every other file.
 */

type Instant = Date | string | number;
export type DateStyle = 'full' | 'long' | 'medium' | 'short';

/** The formatting locale of an app language ("tr", "en"); other tags pass through. */
export function dateLocale(language: string): string {
  if (language === 'tr') return 'tr-TR';
  if (language === 'en') return 'en-GB';
  return language;
}

// Building a formatter costs far more than using one, and a board formats hundreds of cards.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    if (formatters.size > 500) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "31 Jan 2026, 09:00": an instant's date and time on the clocks of `timeZone`. */
export function formatDateTime(
  value: Instant,
  language: string,
  timeZone: string,
  styles: { date?: DateStyle; time?: DateStyle } = {},
): string {
  return formatter(dateLocale(language), { dateStyle: styles.date ?? 'medium', timeStyle: styles.time ?? 'short', timeZone }).format(toDate(value));
}

/** "31 Jan 2026": the day an instant falls on in `timeZone`. */
export function formatDate(value: Instant, language: string, timeZone: string, style: DateStyle = 'medium'): string {
  return formatter(dateLocale(language), { dateStyle: style, timeZone }).format(toDate(value));
}

/** A calendar day ("YYYY-MM-DD", no zone) as text: "31 Jan 2026", or "31 Jan" with `dayMonth`. */
export function formatCalendarDay(day: string, language: string, style: DateStyle | 'dayMonth' = 'medium'): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  const noon = new Date(Date.UTC(y, m - 1, d, 12));
  const options: Intl.DateTimeFormatOptions = style === 'dayMonth' ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { dateStyle: style, timeZone: 'UTC' };
  return formatter(dateLocale(language), options).format(noon);
}

/** The calendar day ("YYYY-MM-DD") an instant falls on in `timeZone`. */
export function calendarDayIn(value: Instant, timeZone: string): string {
  return formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(value));
}

/** Whether this runtime knows an IANA zone name. */
export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
