import 'server-only';
import { decodeRule, ruleMessage } from '@/lib/field-rules';
import { AppError, ERROR_STATUS, isAppError, type ErrorCode } from '../../lib/errors';
import { RateLimited } from './caller';
import { apiTranslator } from './i18n';
import { checkDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/unavailable';

function headersFor(code: ErrorCode, err?: AppError): Record<string, string> {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (err instanceof RateLimited) headers['Retry-After'] = String(err.retryAfterSeconds);
  if (code === 'UNAVAILABLE') headers['Retry-After'] = String(RETRY_AFTER_SECONDS);
  return headers;
}

/**
 * An error answered outside an endpoint (the proxy, the API's catch-all route) in the API's shape,
 * `{ error: { code, message } }`, with the message in the caller's language.
 */
export function apiErrorResponse(request: Request, code: ErrorCode): Response {
  return Response.json({ error: { code, message: apiTranslator(request)(`errors.${code}`) } }, { status: ERROR_STATUS[code], headers: headersFor(code) });
}

/**
 * Whatever a handler threw, as the API answers it: an expected error with its status, translated
 * message and field errors; the database going away as 503 with Retry-After (no bug of this
 * request); anything else logged under `where` and answered as a bare 500. The API's endpoints and
 * the app's own route handlers share it, so a code means one status everywhere.
 */
export function errorResponseFor(request: Request, thrown: unknown, where: string): Response {
  const t = apiTranslator(request);
  const err = isAppError(thrown) ? thrown : checkDatabaseUnavailable(thrown) ? new AppError('UNAVAILABLE') : null;
  if (!err) {
    console.error(`[${where}]`, thrown);
    return Response.json({ error: { code: 'INTERNAL', message: t('errors.INTERNAL') } }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
  }
  // Each field says which rule it broke, the message in the caller's language, and the limit.
  const fields = err.fields
    ? Object.fromEntries(
        Object.entries(err.fields).map(([k, v]: [string, string]) => {
          const rule = decodeRule(v);
          const tv = Object.assign((key: string, values?: Record<string, string | number>) => t(`validation.${key}`, values), {
            has: (key: string) => t.has(`validation.${key}`),
          });
          return [k, { ...rule, message: ruleMessage(tv, rule) }];
        }),
      )
    : undefined;
  return Response.json(
    { error: { code: err.code, message: t(err.message), ...(fields ? { fields } : {}) } },
    { status: ERROR_STATUS[err.code], headers: headersFor(err.code, err) },
  );
}
