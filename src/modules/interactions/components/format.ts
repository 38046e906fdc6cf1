import { formatDate, formatDateTime } from '@/lib/format-date';
/** Dates as the business sees them: in its time zone, in the reader's language. */
export function formatInstant(date: Date | string, locale: string, timeZone: string, withTime = true): string {
  return withTime ? formatDateTime(date, locale, timeZone) : formatDate(date, locale, timeZone);
}
