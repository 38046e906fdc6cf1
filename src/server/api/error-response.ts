import 'server-only';
import { ERROR_STATUS, type ErrorCode } from '../../lib/errors';
import { apiTranslator } from './i18n';
import { RETRY_AFTER_SECONDS } from '../db/unavailable';

/**
 * An error answered outside an endpoint (the proxy, the API's catch-all route) in the API's shape,
 * `{ error: { code, message } }`, with the message in the caller's language.
 */
export function apiErrorResponse(request: Request, code: ErrorCode): Response {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (code === 'UNAVAILABLE') headers['Retry-After'] = String(RETRY_AFTER_SECONDS);
  return Response.json({ error: { code, message: apiTranslator(request)(`errors.${code}`) } }, { status: ERROR_STATUS[code], headers });
}
