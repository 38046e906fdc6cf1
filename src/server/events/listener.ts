import 'server-only';
import pg from 'pg';
import { getDatabaseUrl } from '../db/database-url';
import { parseLiveEvent, type LiveEvent } from '../../lib/live-events';
import { EVENTS_CHANNEL } from './publish';

/**
 * What a subscriber receives: an event of its business, or `resync` after the LISTEN connection
 * was lost and made again, when events committed in between are gone and pages must refetch.
 */
export type ListenerMessage = { type: 'event'; event: LiveEvent } | { type: 'resync' };
export type Subscriber = (message: ListenerMessage) => void;

export type Replay = {
  events: LiveEvent[];
  /** False when events may be missing (the process was not listening then, or forgot them). */
  complete: boolean;
};

// A stream that reconnects, or a page that rendered a moment before its stream opened, gets what it
// missed from this memory; anything older is answered with "refetch everything".
const RECENT_MS = 2 * 60_000;
const RECENT_MAX = 2_000;
const PING_MS = 30_000;
const PING_TIMEOUT_MS = 5_000;
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 10_000;

/**
 * One LISTEN connection per process, whatever the number of open streams: browsers × businesses
 * would otherwise exhaust PostgreSQL's connections. Events of every business arrive on it and are
 * handed to the subscribers of their business only.
 */
class EventListener {
  #client: pg.Client | null = null;
  #backendPid: number | null = null;
  #connecting: Promise<void> | null = null;
  #subscribers = new Map<string, Set<Subscriber>>();
  #recent: { event: LiveEvent; at: number }[] = [];
  /** Every event with a larger `ts` has reached #recent (this process's clock). */
  #coveredFrom = Number.POSITIVE_INFINITY;
  #everConnected = false;
  #attempt = 0;
  #retryTimer: NodeJS.Timeout | null = null;
  #pingTimer: NodeJS.Timeout | null = null;
  #stopped = false;

  /** Adds a subscriber once the connection listens; the returned function removes it. */
  async subscribe(businessId: string, subscriber: Subscriber): Promise<() => void> {
    let set = this.#subscribers.get(businessId);
    if (!set) this.#subscribers.set(businessId, (set = new Set()));
    set.add(subscriber);
    const remove = () => {
      const current = this.#subscribers.get(businessId);
      current?.delete(subscriber);
      if (current?.size === 0) this.#subscribers.delete(businessId);
    };
    try {
      await this.#ensureConnected();
    } catch (err) {
      remove();
      throw err;
    }
    return remove;
  }

  /** Events of the business after `lastEventId`, or published after `since` (ms), from memory. */
  replay(businessId: string, from: { lastEventId?: string | null; since?: number | null }): Replay {
    if (!this.#client) return { events: [], complete: false };
    if (from.lastEventId) {
      const index = this.#recent.findIndex((r) => r.event.eventId === from.lastEventId);
      if (index < 0) return { events: [], complete: false };
      // NOTIFY delivers in commit order to every listener, so "after it here" is "after it".
      return { events: this.#recent.slice(index + 1).map((r) => r.event).filter((e) => e.businessId === businessId), complete: true };
    }
    if (from.since == null) return { events: [], complete: true };
    const since = from.since;
    return {
      events: this.#recent.filter((r) => r.event.businessId === businessId && r.event.ts > since).map((r) => r.event),
      complete: this.#coveredFrom <= since,
    };
  }

  stats(): { connected: boolean; backendPid: number | null; businesses: number; subscribers: number } {
    let subscribers = 0;
    for (const set of this.#subscribers.values()) subscribers += set.size;
    return { connected: this.#client !== null, backendPid: this.#backendPid, businesses: this.#subscribers.size, subscribers };
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#stopPing();
    await this.#connecting?.catch(() => undefined);
    const client = this.#client;
    this.#client = null;
    this.#backendPid = null;
    this.#coveredFrom = Number.POSITIVE_INFINITY;
    this.#recent = [];
    this.#subscribers.clear();
    this.#everConnected = false;
    await client?.end().catch(() => undefined);
  }

  #ensureConnected(): Promise<void> {
    if (this.#client) return Promise.resolve();
    this.#stopped = false;
    this.#connecting ??= this.#connect().finally(() => (this.#connecting = null));
    return this.#connecting;
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: getDatabaseUrl(),
      // Names the connection in pg_stat_activity, so "one per process" can be checked there.
      application_name: `tezgah:events:${process.pid}`,
      keepAlive: true,
    });
    let listening = false;
    // Before LISTEN succeeds, connect() and query() reject on their own; an `error` event with no
    // listener would crash the process.
    client.on('error', (err) => listening && this.#lost(client, err));
    client.on('end', () => listening && this.#lost(client, new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL && message.payload) this.#deliver(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      this.#backendPid = rows[0]?.pid ?? null;
    } catch (err) {
      void client.end().catch(() => undefined);
      throw err;
    }
    if (this.#stopped) {
      void client.end().catch(() => undefined);
      throw new Error('The event listener was stopped while connecting.');
    }
    listening = true;
    this.#client = client;
    // A transaction that commits from now on reaches us; one that committed while we were away does not.
    this.#coveredFrom = Date.now();
    this.#recent = [];
    this.#attempt = 0;
    this.#startPing(client);
    if (this.#everConnected) {
      console.info('[events] listening again; open pages refetch what they show');
      this.#broadcast({ type: 'resync' });
    }
    this.#everConnected = true;
  }

  #deliver(payload: string): void {
    const event = parseLiveEvent(payload);
    if (!event) return;
    const now = Date.now();
    this.#recent.push({ event, at: now });
    while (this.#recent.length > RECENT_MAX || (this.#recent[0] && this.#recent[0].at < now - RECENT_MS)) {
      const dropped = this.#recent.shift()!;
      // Receipt order is commit order, not `ts` order: forget only what is older than anything kept.
      this.#coveredFrom = Math.max(this.#coveredFrom, dropped.event.ts);
    }
    const subscribers = this.#subscribers.get(event.businessId);
    if (!subscribers) return;
    for (const subscriber of [...subscribers]) {
      try {
        subscriber({ type: 'event', event });
      } catch (err) {
        console.error('[events] subscriber failed', err);
      }
    }
  }

  #broadcast(message: ListenerMessage): void {
    for (const set of this.#subscribers.values()) {
      for (const subscriber of [...set]) {
        try {
          subscriber(message);
        } catch (err) {
          console.error('[events] subscriber failed', err);
        }
      }
    }
  }

  #lost(client: pg.Client, err: Error): void {
    if (this.#client !== client) return;
    this.#client = null;
    this.#backendPid = null;
    this.#coveredFrom = Number.POSITIVE_INFINITY;
    this.#recent = [];
    this.#stopPing();
    console.warn(`[events] LISTEN connection lost (${err.message}); reconnecting`);
    // Do not wait: a half-open socket may never answer the goodbye.
    void client.end().catch(() => undefined);
    if (!this.#stopped) this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#retryTimer || this.#stopped) return;
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.#attempt);
    this.#attempt += 1;
    // Jitter, so that many app instances do not reconnect in step after a database restart.
    const delay = base / 2 + Math.random() * (base / 2);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#ensureConnected().catch((err: Error) => {
        console.warn(`[events] reconnect failed (${err.message})`);
        this.#scheduleReconnect();
      });
    }, delay);
    this.#retryTimer.unref();
  }

  // TCP keepalive notices a dead peer only after minutes; a query with a deadline notices in seconds.
  #startPing(client: pg.Client): void {
    this.#stopPing();
    this.#pingTimer = setInterval(() => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer to a ping')), PING_TIMEOUT_MS);
      });
      Promise.race([client.query('select 1'), timeout])
        .catch((err: Error) => this.#lost(client, err))
        .finally(() => clearTimeout(timer));
    }, PING_MS);
    this.#pingTimer.unref();
  }

  #stopPing(): void {
    if (this.#pingTimer) clearInterval(this.#pingTimer);
    this.#pingTimer = null;
  }
}

// One per process, kept across Next's module reloads in development.
const holder = ((globalThis as Record<string, unknown>).__tezgahEvents ??= {}) as { listener?: EventListener };

export function getEventListener(): EventListener {
  holder.listener ??= new EventListener();
  return holder.listener;
}

export function subscribeToBusiness(businessId: string, subscriber: Subscriber): Promise<() => void> {
  return getEventListener().subscribe(businessId, subscriber);
}

/** Closes the LISTEN connection (tests, shutdown). */
export async function stopEventListener(): Promise<void> {
  await holder.listener?.stop();
}
