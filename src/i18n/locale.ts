export const LOCALES = ['tr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'tr';
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language of an Accept-Language header, or the default (Turkish). */
export function localeFromAcceptLanguage(header: string | null): Locale {
  return acceptedLocale(header) ?? DEFAULT_LOCALE;
}

/**
 * The language a request asks for: the language chosen in the app (its cookie), then the
 * browser's (Accept-Language); null when neither names one we have.
 */
export function requestedLocale(cookieValue: string | null | undefined, acceptLanguage: string | null): Locale | null {
  return isLocale(cookieValue) ? cookieValue : acceptedLocale(acceptLanguage);
}

/** The value of the language cookie in a Cookie header. */
export function localeCookieOf(cookieHeader: string | null): string | null {
  const match = cookieHeader?.split(';').map((c) => c.trim()).find((c) => c.startsWith(`${LOCALE_COOKIE}=`));
  return match ? match.slice(LOCALE_COOKIE.length + 1) : null;
}

function acceptedLocale(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return (ranked.find((r) => isLocale(r.lang))?.lang as Locale | undefined) ?? null;
}
