import 'server-only';
import { createTranslator } from 'next-intl';
import en from '../../i18n/messages/en.json';
import tr from '../../i18n/messages/tr.json';
import { localeFromAcceptLanguage } from '../../i18n/locale';

const MESSAGES = { tr, en } as const;

/** The API answers in the caller's Accept-Language (Turkish or English). */
export function apiTranslator(request: Request) {
  const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  return (key: string, values?: Record<string, string | number>): string =>
    t.has(key as never) ? t(key as never, values as never) : key;
}
