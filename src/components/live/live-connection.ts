import { parseLiveEvent, type LiveEvent } from '@/lib/live-events';

/*
 * The browser end of live updates. Browsers allow about six HTTP/1.1 connections per site, so a
 * stream per tab would soon block page loads: the tabs of one business elect a leader with the Web
 * Locks API, only the leader opens an EventSource, and it relays what arrives to the other tabs
 * over a BroadcastChannel. When the leader tab closes, its lock passes to a waiting tab, which
 * opens the stream in turn. Without those APIs every tab opens its own stream.
 */

export type LiveStatus = 'connecting' | 'connected' | 'offline';
export type RevokeReason = 'business' | 'access' | 'session';

export type LiveHandlers = {
  onEvent(event: LiveEvent): void;
  /** Events may have been missed: refetch what the page shows. */
  onResync(): void;
  /** The stream ended for good: the business is gone, or the user no longer belongs to it. */
  onRevoked(reason: RevokeReason): void;
  onStatus(status: LiveStatus): void;
};

export type LiveOptions = {
  slug: string;
  /** Server time (ms) when the page was rendered: events after it are what the page has not seen. */
  since: number;
  handlers: LiveHandlers;
};

type ChannelMessage =
  | { type: 'event'; event: LiveEvent }
  | { type: 'resync' }
  | { type: 'revoked'; reason: RevokeReason }
  | { type: 'status'; status: LiveStatus }
  | { type: 'hello'; tab: string; since: number }
  | { type: 'welcome'; tab: string; events: LiveEvent[]; complete: boolean; status: LiveStatus };

/** Same look-back as the server's: a change published just before a render may commit after it. */
const SINCE_MARGIN_MS = 5_000;
const BUFFER_MAX = 200;
const BUFFER_MS = 2 * 60_000;
const SEEN_MAX = 500;
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

type StreamCallbacks = {
  event(event: LiveEvent): void;
  /** The stream is open; `complete` says whether the server could replay everything missed. */
  ready(info: { reconnected: boolean; complete: boolean; serverNow: number }): void;
  resync(): void;
  revoked(reason: RevokeReason): void;
  status(status: LiveStatus): void;
};

/** One EventSource, reopened with a growing delay when the server refuses it (401, 404, 503). */
class EventStream {
  #source: EventSource | null = null;
  #opened = false;
  #lastEventId: string | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #retries = 0;
  #closed = false;
  // Back online: try at once rather than at the end of a grown delay.
  #onOnline = () => {
    if (!this.#retryTimer) return;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#open();
  };

  constructor(
    private readonly slug: string,
    private readonly since: number,
    private readonly on: StreamCallbacks,
    lastEventId: string | null = null,
  ) {
    this.#lastEventId = lastEventId;
    window.addEventListener('online', this.#onOnline);
    this.#open();
  }

  close(): void {
    this.#closed = true;
    window.removeEventListener('online', this.#onOnline);
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#source?.close();
    this.#source = null;
  }

  #open(): void {
    const params = new URLSearchParams({ business: this.slug, since: String(this.since) });
    // A new EventSource sends no Last-Event-ID header of its own: pass what was seen last.
    if (this.#lastEventId) params.set('last', this.#lastEventId);
    const source = new EventSource(`/api/events?${params}`);
    this.#source = source;
    source.onmessage = (message) => {
      const event = parseLiveEvent(message.data as string);
      if (!event) return;
      this.#lastEventId = event.eventId;
      this.on.event(event);
    };
    source.addEventListener('ready', (message) => {
      const data = JSON.parse((message as MessageEvent<string>).data) as { complete?: boolean; now?: number };
      const reconnected = this.#opened;
      this.#opened = true;
      this.#retries = 0;
      this.on.status('connected');
      this.on.ready({ reconnected, complete: data.complete === true, serverNow: data.now ?? Date.now() });
    });
    source.addEventListener('resync', () => this.on.resync());
    source.addEventListener('revoked', (message) => {
      const data = JSON.parse((message as MessageEvent<string>).data) as { reason?: RevokeReason };
      this.close();
      this.on.revoked(data.reason ?? 'access');
    });
    source.onerror = () => {
      if (this.#closed) return;
      if (source.readyState === EventSource.CLOSED) {
        // Refused rather than dropped: the browser gives up, so we try again later ourselves,
        // and the page refetches now to show whatever the server says about it (sign-in, 404).
        // Not while offline: Next answers a failed refetch with a full reload, an error page.
        this.on.status('offline');
        if (navigator.onLine) this.on.resync();
        const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** this.#retries++);
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = null;
          if (!this.#closed) this.#open();
        }, delay);
      } else {
        // Dropped: the browser reconnects by itself, sending Last-Event-ID.
        this.on.status('connecting');
      }
    };
  }
}

/** Keeps the ids of recent events, so one relayed twice (a replay overlapping a relay) counts once. */
class Seen {
  #ids = new Set<string>();
  has(id: string): boolean {
    return this.#ids.has(id);
  }
  add(id: string): void {
    this.#ids.add(id);
    if (this.#ids.size > SEEN_MAX) this.#ids.delete(this.#ids.values().next().value!);
  }
}

/** Connects this tab to the live events of a business; `close()` on unmount. */
export function connectLive({ slug, since, handlers }: LiveOptions): { close(): void } {
  const seen = new Seen();
  const deliver = (event: LiveEvent) => {
    if (seen.has(event.eventId)) return;
    seen.add(event.eventId);
    handlers.onEvent(event);
  };

  const shared = typeof navigator !== 'undefined' && 'locks' in navigator && typeof BroadcastChannel !== 'undefined';
  if (!shared) {
    const stream = new EventStream(slug, since, {
      event: deliver,
      ready: ({ reconnected, complete }) => (reconnected || !complete) && handlers.onResync(),
      resync: () => handlers.onResync(),
      revoked: (reason) => handlers.onRevoked(reason),
      status: (status) => handlers.onStatus(status),
    });
    return { close: () => stream.close() };
  }

  const name = `tezgah-live:${slug}`;
  const channel = new BroadcastChannel(name);
  const tab = Math.random().toString(36).slice(2);
  const abort = new AbortController();
  let closed = false;
  let releaseLock: (() => void) | null = null;
  let stream: EventStream | null = null;
  let leaderStatus: LiveStatus = 'connecting';
  let lastEventId: string | null = null;
  // Leader only: recent events, to tell a tab that opens later what it missed since its render.
  let buffer: LiveEvent[] = [];
  let coveredSince = Number.POSITIVE_INFINITY;
  const pendingHellos: { tab: string; since: number }[] = [];

  const post = (message: ChannelMessage) => {
    if (!closed) channel.postMessage(message);
  };

  const answerHello = (hello: { tab: string; since: number }) => {
    const from = hello.since - SINCE_MARGIN_MS;
    post({
      type: 'welcome',
      tab: hello.tab,
      events: buffer.filter((e) => e.ts > from),
      complete: coveredSince <= from,
      status: leaderStatus,
    });
  };

  const remember = (event: LiveEvent) => {
    lastEventId = event.eventId;
    buffer.push(event);
    const oldest = Date.now() - BUFFER_MS;
    while (buffer.length > BUFFER_MAX || (buffer[0] && buffer[0].ts < oldest)) {
      coveredSince = Math.max(coveredSince, buffer.shift()!.ts);
    }
  };

  const lead = () => {
    // A tab that saw another leader takes over from it: events may have passed in between.
    const takingOver = lastEventId !== null || leaderStatus !== 'connecting';
    stream = new EventStream(
      slug,
      since,
      {
        event(event) {
          remember(event);
          post({ type: 'event', event });
          deliver(event);
        },
        ready({ reconnected, complete, serverNow }) {
          if (reconnected || takingOver || !complete) {
            coveredSince = serverNow;
            buffer = buffer.filter((e) => e.ts > serverNow);
            post({ type: 'resync' });
            handlers.onResync();
          } else {
            coveredSince = since - SINCE_MARGIN_MS;
          }
          for (const hello of pendingHellos.splice(0)) answerHello(hello);
        },
        resync() {
          post({ type: 'resync' });
          handlers.onResync();
        },
        revoked(reason) {
          post({ type: 'revoked', reason });
          handlers.onRevoked(reason);
        },
        status(status) {
          leaderStatus = status;
          post({ type: 'status', status });
          handlers.onStatus(status);
        },
      },
      lastEventId,
    );
  };

  channel.onmessage = (message: MessageEvent<ChannelMessage>) => {
    const data = message.data;
    switch (data.type) {
      case 'event':
        lastEventId = data.event.eventId;
        deliver(data.event);
        break;
      case 'resync':
        handlers.onResync();
        break;
      case 'revoked':
        handlers.onRevoked(data.reason);
        break;
      case 'status':
        leaderStatus = data.status;
        handlers.onStatus(data.status);
        break;
      case 'hello':
        if (!stream) break;
        if (leaderStatus === 'connected') answerHello(data);
        else pendingHellos.push(data);
        break;
      case 'welcome':
        if (data.tab !== tab) break;
        leaderStatus = data.status;
        for (const event of data.events) deliver(event);
        if (!data.complete) handlers.onResync();
        handlers.onStatus(data.status);
        break;
    }
  };

  navigator.locks
    .request(name, { signal: abort.signal }, async () => {
      if (closed) return;
      lead();
      await new Promise<void>((resolve) => (releaseLock = resolve));
    })
    .catch(() => undefined); // aborted on close while waiting for the lock

  // If a leader exists it answers; if not, the lock above makes this tab the leader.
  post({ type: 'hello', tab, since });

  return {
    close() {
      closed = true;
      abort.abort();
      stream?.close();
      releaseLock?.();
      channel.close();
    },
  };
}
