import { getDb } from '@/server/db/client';
import { getAuth } from '@/server/auth/auth';
import { getSessionUser } from '@/server/auth/session';
import { loadBusinessContext, loadBusinessContextById } from '@/server/auth/context';
import { openEventStream } from '@/server/events/stream';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

function refuse(status: 401 | 404): Response {
  return new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * `GET /api/events?business=<slug>[&since=<ms>][&last=<event id>]`: the live events of one business, for its signed-in
 * members. A GET needs no Origin check: it changes nothing, and another site can neither read the
 * stream (no CORS headers) nor send the session cookie along (SameSite=Lax). What protects the data
 * is that the stream only ever carries the caller's own business, checked here and again while
 * it runs.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return refuse(401);
  const params = new URL(request.url).searchParams;
  const slug = params.get('business');
  if (!slug) return refuse(404);
  let ctx;
  try {
    ctx = await loadBusinessContext(getDb(), user.id, slug);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') return refuse(404);
    throw err;
  }
  const since = Number(params.get('since'));
  return openEventStream({
    ctx,
    signal: request.signal,
    // The browser's own reconnects send the header; a stream opened anew passes it as `last`.
    lastEventId: request.headers.get('last-event-id') ?? params.get('last'),
    since: Number.isFinite(since) && since > 0 ? since : null,
    async recheck() {
      const session = await getAuth().api.getSession({ headers: request.headers });
      if (!session || session.user.id !== user.id) return 'session';
      const still = await loadBusinessContextById(getDb(), user.id, ctx.businessId).catch(() => null);
      return still ? null : 'access';
    },
  });
}
