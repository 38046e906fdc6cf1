import 'server-only';
import { apiErrorResponse } from '../api/error-response';
import { localeFromAcceptLanguage } from '../../i18n/locale';
import { isDatabaseDown } from './health';
import { RETRY_AFTER_SECONDS } from './unavailable';

/**
 * While the database is down (a request saw it go away, and the last probe found it still away),
 * every page and API call answers 503 with Retry-After instead of failing with a 500 of its own.
 * Costs nothing while the database is up. The health check still answers for itself. Used by the
 * proxy (src/proxy.ts) for everything Next serves and by the API's lean path.
 */
export async function outageResponse(request: Request, pathname: string): Promise<Response | undefined> {
  if (pathname === '/api/health' || !(await isDatabaseDown())) return undefined;
  if (pathname.startsWith('/api/')) return apiErrorResponse(request, 'UNAVAILABLE');
  const text = UNAVAILABLE_PAGE[localeFromAcceptLanguage(request.headers.get('accept-language'))];
  return new Response(text, {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' },
  });
}

/** Plain text: no layout, translations or styles that might need what is unavailable. */
const UNAVAILABLE_PAGE = {
  tr: 'Tezgah geçici olarak kullanılamıyor: veritabanına şu anda ulaşılamıyor. Lütfen birkaç saniye sonra sayfayı yenileyin.\n\nTezgah is temporarily unavailable: its database cannot be reached right now. Please reload the page in a few seconds.\n',
  en: 'Tezgah is temporarily unavailable: its database cannot be reached right now. Please reload the page in a few seconds.\n\nTezgah geçici olarak kullanılamıyor: veritabanına şu anda ulaşılamıyor. Lütfen birkaç saniye sonra sayfayı yenileyin.\n',
} as const;
