import 'server-only';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Executor, Transaction } from '../db/client';
import { getDb } from '../db/client';
import { getBoss } from '../jobs/boss';
import type { QueueName } from '../jobs/queues';

/**
 * Domain events: how one module's write reaches the tables another module owns. The writer emits
 * an event inside its transaction; the owning module's subscriber reacts, either in that same
 * transaction (`mode: 'tx'`: the effect commits or rolls back with the change, e.g. the audit
 * entry, a notification) or afterwards as a job (`mode: 'job'`: the effect may come later and may
 * be retried, e.g. the project of a won deal). See docs/decisions/009-module-contract.md.
 *
 * This runtime knows no module: the composition root (src/composition/wiring.ts) registers the
 * modules' subscribers once per process, before any request or job is served.
 */

export type DomainAction = 'create' | 'update' | 'delete' | 'invite' | 'accept' | 'merge' | 'move' | 'assign' | 'unassign' | 'win';

export type DomainEvent = {
  /** `<entityType>.<action>`, e.g. `customer.create`, `task.assign`. */
  type: string;
  businessId: string;
  /** Who caused it: a signed-in user, an API key (acting for its creator), or null for the system. */
  actor: { userId: string | null; apiKeyId?: string | null; personnelId?: string | null };
  entityType: string;
  entityId: string;
  action: DomainAction;
  /** Names of the fields that changed: never their values, which may be personal data. */
  changedFields?: string[];
  /** Small, non-personal facts a subscriber needs (ids, counts, flags). */
  meta?: Record<string, string | number | boolean | null>;
  /**
   * Ids of related records the subscribers act on (e.g. `customerIds` of an interaction). Not
   * written to the audit log.
   */
  refs?: Record<string, string[]>;
  /** Set on events that only drive effects and are no change of their own worth an audit entry. */
  unaudited?: boolean;
};

type Match = string | readonly string[];

export type TxSubscriber = {
  name: string;
  /** Event types, or `*` for every event. */
  on: Match;
  mode: 'tx';
  handle: (tx: Transaction, event: DomainEvent) => Promise<void>;
};

export type JobSubscriber = {
  name: string;
  on: Match;
  mode: 'job';
  /** Runs after the commit, at least once: it must be idempotent (pg-boss may deliver a job twice). */
  handle: (db: Executor, event: DomainEvent) => Promise<void>;
};

export type Subscriber = TxSubscriber | JobSubscriber;

export const DOMAIN_EVENTS_QUEUE = 'events.handle' satisfies QueueName;

type EventJob = { subscriber: string; event: DomainEvent };

type Registry = { subscribers: Subscriber[]; registered: boolean };
// Kept on globalThis: Next bundles routes, pages and the instrumentation hook separately, and all
// of them must see the one list the composition root registered.
const registry = ((globalThis as Record<string, unknown>).__tezgahDomainEvents ??= { subscribers: [], registered: false }) as Registry;

/** The subscribers registered now, in order (tests add theirs to these). */
export function registeredSubscribers(): readonly Subscriber[] {
  return registry.subscribers;
}

/** Registers the subscribers of every module; called once by the composition root. */
export function registerSubscribers(subscribers: readonly Subscriber[]): void {
  const names = new Set<string>();
  for (const s of subscribers) {
    if (names.has(s.name)) throw new Error(`Two subscribers are named ${s.name}`);
    names.add(s.name);
  }
  registry.subscribers = [...subscribers];
  registry.registered = true;
}

function matches(on: Match, type: string): boolean {
  if (on === '*') return true;
  return typeof on === 'string' ? on === type : on.includes(type);
}

/**
 * Emits an event in the writer's transaction: runs the in-transaction subscribers now and queues
 * one job per job subscriber, which commits (or rolls back) with the change.
 */
export async function emitDomainEvent(tx: Transaction, event: DomainEvent): Promise<void> {
  // An entry point that forgot the composition root would drop audit entries and notifications
  // without a word: that is a bug, and it fails loudly.
  if (!registry.registered) throw new Error('No domain event subscribers are registered: import @/composition/wiring first');
  let boss: PgBoss | null = null;
  for (const subscriber of registry.subscribers) {
    if (!matches(subscriber.on, event.type)) continue;
    if (subscriber.mode === 'tx') {
      await subscriber.handle(tx, event);
    } else {
      boss ??= await getBoss();
      const job: EventJob = { subscriber: subscriber.name, event };
      await boss.send(DOMAIN_EVENTS_QUEUE, job, { db: fromDrizzle(tx, sql) });
    }
  }
}

/** Who acted, as the operations' context carries it. */
export type EventActor = { businessId: string; userId: string | null; apiKeyId?: string | null; personnelId?: string | null };

/** The common case: a record changed; builds the event from the actor and what changed. */
export function emitChange(
  tx: Transaction,
  actor: EventActor,
  change: Omit<DomainEvent, 'type' | 'businessId' | 'actor'> & { type?: string },
): Promise<void> {
  const { type, ...rest } = change;
  return emitDomainEvent(tx, {
    ...rest,
    type: type ?? `${change.entityType}.${change.action}`,
    businessId: actor.businessId,
    actor: { userId: actor.userId, apiKeyId: actor.apiKeyId ?? null, personnelId: actor.personnelId ?? null },
  });
}

/** Works the job subscribers' queue; the composition root adds it to the worker's list. */
export async function workDomainEventJobs(boss: PgBoss): Promise<void> {
  await boss.work<EventJob>(DOMAIN_EVENTS_QUEUE, { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const subscriber = registry.subscribers.find((s) => s.name === job.data.subscriber);
    // A job of a subscriber that no longer exists (renamed or removed in an upgrade) has nobody to run it.
    if (!subscriber || subscriber.mode !== 'job') {
      console.warn(`[events] no job subscriber named ${job.data.subscriber}; the job is dropped`);
      return;
    }
    await subscriber.handle(getDb(), job.data.event);
  });
}
