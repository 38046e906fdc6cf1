import 'server-only';
import { getAuth } from '../auth/auth';
import { loadBusinessContext, type Ctx } from '../auth/context';
import { getDb } from '../db/client';
import { errorResponseFor } from '../api/error-response';
import { AppError } from '../../lib/errors';

export type BusinessRouteCall<P> = {
  request: Request;
  /** The signed-in member's context in the business of the path (or of `?business=`). */
  ctx: Ctx;
  params: P;
};

type RouteContext<P> = { params: Promise<P> };

/**
 * The one wrapper for the app's own route handlers (files, PDFs, CSV exports, option lists, the
 * event stream): a browser session only (API keys belong to /api/v1), membership of the business
 * checked before the handler runs, and every error answered as the API answers it — a non-member
 * gets 404, a role that may not gets 403, bad input 400/422 with its fields — never a page or a 500
 * for an expected failure. The handler still authorizes its own resource and action.
 */
export function businessRoute<P extends Record<string, string>>(
  name: string,
  handle: (call: BusinessRouteCall<P>) => Promise<Response>,
): (request: Request, context?: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      // Next passes no params to a route without dynamic segments (the event stream).
      const params = ((await context?.params) ?? {}) as P;
      const slug = (params as Record<string, string | undefined>).business ?? new URL(request.url).searchParams.get('business');
      const session = await getAuth().api.getSession({ headers: request.headers });
      if (!session) throw new AppError('UNAUTHENTICATED');
      if (!slug) throw new AppError('NOT_FOUND');
      const ctx = await loadBusinessContext(getDb(), session.user.id, slug);
      return await handle({ request, ctx, params });
    } catch (err) {
      return errorResponseFor(request, err, name);
    }
  };
}
