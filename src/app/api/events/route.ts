import { getDb } from '@/server/db/client';
import { getAuth } from '@/server/auth/auth';
import { loadBusinessContextById } from '@/server/auth/context';
import { openEventStream } from '@/server/events/stream';
import { businessRoute } from '@/server/http/business-route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * `GET /api/events?business=<slug>[&since=<ms>][&last=<event id>]`: the live events of one business, for its signed-in
 * members. A GET needs no Origin check: it changes nothing, and another site can neither read the
 * stream (no CORS headers) nor send the session cookie along (SameSite=Lax). What protects the data
 * is that the stream only ever carries the caller's own business, checked here and again while
 * it runs.
 */
export const GET = businessRoute<Record<string, string>>('event stream', async ({ request, ctx }) => {
  const params = new URL(request.url).searchParams;
  const since = Number(params.get('since'));
  return openEventStream({
    ctx,
    signal: request.signal,
    // The browser's own reconnects send the header; a stream opened anew passes it as `last`.
    lastEventId: request.headers.get('last-event-id') ?? params.get('last'),
    since: Number.isFinite(since) && since > 0 ? since : null,
    async recheck() {
      const session = await getAuth().api.getSession({ headers: request.headers });
      if (!session || session.user.id !== ctx.userId) return 'session';
      const still = await loadBusinessContextById(getDb(), ctx.userId, ctx.businessId).catch(() => null);
      return still ? null : 'access';
    },
  });
});
