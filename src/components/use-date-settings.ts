import { useLocale, useTimeZone } from 'next-intl';

/**
 * The language and the time zone a client component shows dates in: the caller's effective zone,
 * handed down by the business layout's NextIntlClientProvider, never the browser's own.
 */
export function useDateSettings(): { locale: string; timeZone: string } {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? 'Europe/Istanbul';
  return { locale, timeZone };
}
