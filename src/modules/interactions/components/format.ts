/** Dates as the business sees them: in its time zone, in the reader's language. */
export function formatInstant(date: Date | string, locale: string, timeZone: string, withTime = true): string {
  return new Intl.DateTimeFormat(locale === 'tr' ? 'tr-TR' : 'en-GB', {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone,
  }).format(typeof date === 'string' ? new Date(date) : date);
}
