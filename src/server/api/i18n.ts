import 'server-only';
import { createTranslator } from 'next-intl';
import { MESSAGES } from '../../i18n/messages';
import { localeFromAcceptLanguage } from '../../i18n/locale';

/** The API answers in the caller's Accept-Language (Turkish or English). */
export function apiTranslator(request: Request) {
  const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const translate = (key: string, values?: Record<string, string | number>): string => (t.has(key as never) ? t(key as never, values as never) : key);
  return Object.assign(translate, { has: (key: string): boolean => t.has(key as never) });
}
