import 'server-only';
import type { Ctx } from '../auth/context';
import type { LiveEvent } from '../../lib/live-events';
import { getEventListener, type ListenerMessage } from './listener';

export const HEARTBEAT_MS = 15_000;
/** How often a long-lived stream checks that its session and membership still stand. */
export const RECHECK_MS = 60_000;
/**
 * `since` is the page's render time, but a change published (its `ts`) just before that render and
 * committed just after it was not in the page: look back this far, at the cost of a spare refetch.
 */
export const SINCE_MARGIN_MS = 5_000;
/** The browser waits this long before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

/** Why a stream ends for good: the business is gone, the user left it, or the session ended. */
export type RevokeReason = 'business' | 'access' | 'session';

export type EventStreamOptions = {
  ctx: Ctx;
  signal: AbortSignal;
  /** The browser's Last-Event-ID after a reconnect. */
  lastEventId?: string | null;
  /** Server time (ms) when the page that opens the stream was rendered. */
  since?: number | null;
  /** Answers whether the session and the membership still hold; null ends the stream. */
  recheck: () => Promise<RevokeReason | null>;
};

/**
 * The events of one business as Server-Sent Events, for a caller whose session and membership were
 * checked. Frames: `ready` (with whether the replay of missed events was complete), unnamed
 * messages with an id for events, `resync` when events were lost, `revoked` before the stream ends
 * for good, and a comment as heartbeat, so proxies and the browser keep the connection.
 */
export async function openEventStream(options: EventStreamOptions): Promise<Response> {
  const { ctx, signal } = options;
  const listener = getEventListener();
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  let live = false;
  const pending: ListenerMessage[] = [];
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe: () => void = () => undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    for (const timer of timers) clearInterval(timer);
    unsubscribe();
    signal.removeEventListener('abort', close);
    try {
      controller?.close();
    } catch {
      // Already closed by the client going away.
    }
  };

  const write = (frame: string) => {
    if (closed || !controller) return;
    try {
      controller.enqueue(encoder.encode(frame));
    } catch {
      close();
    }
  };

  const revoke = (reason: RevokeReason) => {
    write(`event: revoked\ndata: ${JSON.stringify({ reason })}\n\n`);
    close();
  };

  let rechecking = false;
  const recheck = () => {
    if (rechecking || closed) return;
    rechecking = true;
    options
      .recheck()
      .then((reason) => reason && revoke(reason))
      .catch((err) => console.error('[events] recheck failed', err))
      .finally(() => (rechecking = false));
  };

  const sendEvent = (event: LiveEvent) => {
    // Only the stream's own business ever reaches here (the listener splits by business); checked
    // again because this is the line that must never leak another tenant's activity.
    if (event.businessId !== ctx.businessId) return;
    write(`id: ${event.eventId}\ndata: ${JSON.stringify(event)}\n\n`);
    if (event.kind === 'business.deleted') revoke('business');
    else if (event.id === ctx.personnelId && event.kind === 'personnel.deleted') revoke('access');
    // A change of one's own record may be a deactivation: ask the database, not the event.
    else if (event.id === ctx.personnelId && event.kind === 'personnel.updated') recheck();
  };

  const handle = (message: ListenerMessage) => {
    if (!live) {
      pending.push(message);
      return;
    }
    if (message.type === 'resync') write('event: resync\ndata: {}\n\n');
    else sendEvent(message.event);
  };

  try {
    unsubscribe = await listener.subscribe(ctx.businessId, handle);
  } catch (err) {
    console.error('[events] cannot listen', err);
    return new Response(null, { status: 503, headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' } });
  }
  if (signal.aborted) {
    unsubscribe();
    return new Response(null, { status: 499 });
  }
  signal.addEventListener('abort', close);

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      write(`retry: ${RETRY_MS}\n\n`);
      const since = options.since == null ? null : options.since - SINCE_MARGIN_MS;
      const replay = listener.replay(ctx.businessId, { lastEventId: options.lastEventId, since });
      const replayed = new Set(replay.events.map((e) => e.eventId));
      for (const event of replay.events) sendEvent(event);
      write(`event: ready\ndata: ${JSON.stringify({ complete: replay.complete, now: Date.now() })}\n\n`);
      // Whatever arrived while subscribing is in the replay too, unless it came after it.
      live = true;
      for (const message of pending.splice(0)) {
        if (message.type === 'event' && replayed.has(message.event.eventId)) continue;
        handle(message);
      }
      if (closed) return;
      timers.push(setInterval(() => write(': ping\n\n'), HEARTBEAT_MS));
      timers.push(setInterval(recheck, RECHECK_MS));
    },
    cancel() {
      close();
    },
  });

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: a compressing proxy (or Next's own gzip) would hold events back in its buffer.
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
