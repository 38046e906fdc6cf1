import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from './locale';
import { MESSAGES } from './messages';

// The language is the user's choice (a cookie) or, until they choose, their browser's.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: 'Europe/Istanbul',
  };
});
