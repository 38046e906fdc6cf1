import { apiErrorResponse } from '@/server/api/error-response';

export const dynamic = 'force-dynamic';

/*
 * Any path under /api/ that no route serves: the API's JSON error, not the HTML not-found page.
 * Routes with static segments (/api/v1/deals, /api/auth/…) take precedence over this catch-all.
 */
function notFound(request: Request): Response {
  return apiErrorResponse(request, 'NOT_FOUND');
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
