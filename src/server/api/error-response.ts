import 'server-only';
import { ERROR_STATUS, isAppError, type ErrorCode } from '../../lib/errors';
import { RateLimited } from './caller';
import { apiTranslator } from './i18n';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * An error answered outside an endpoint (the proxy, the API's catch-all route) in the API's shape,
 * `{ error: { code, message } }`, with the message in the caller's language.
 */
export function apiErrorResponse(request: Request, code: ErrorCode): Response {
  return Response.json(
    { error: { code, message: apiTranslator(request)(`errors.${code}`) } },
    { status: ERROR_STATUS[code], headers: NO_STORE },
  );
}

/**
 * Whatever a handler threw, as the API answers it: an expected error with its status, translated
 * message and field errors; anything else logged under `where` and answered as a bare 500. The
 * API's endpoints and the app's own route handlers share it, so a code means one status everywhere.
 */
export function errorResponseFor(request: Request, err: unknown, where: string): Response {
  const t = apiTranslator(request);
  if (!isAppError(err)) {
    console.error(`[${where}]`, err);
    return Response.json({ error: { code: 'INTERNAL', message: t('errors.INTERNAL') } }, { status: 500, headers: NO_STORE });
  }
  const fields = err.fields
    ? Object.fromEntries(Object.entries(err.fields).map(([k, v]: [string, string]) => [k, t(`validation.${v}`)]))
    : undefined;
  const headers: Record<string, string> = { ...NO_STORE };
  if (err instanceof RateLimited) headers['Retry-After'] = String(err.retryAfterSeconds);
  return Response.json(
    { error: { code: err.code, message: t(err.message), ...(fields ? { fields } : {}) } },
    { status: ERROR_STATUS[err.code], headers },
  );
}
