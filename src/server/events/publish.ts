import 'server-only';
import { sql } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { newId } from '../../lib/ids';
import type { LiveEvent, LiveEventKind } from '../../lib/live-events';

/** The one NOTIFY channel of domain events; listeners split it by business in memory. */
export const EVENTS_CHANNEL = 'tezgah_events';

export type PublishInput = {
  businessId: string;
  kind: LiveEventKind;
  /** The record that changed. */
  id: string;
  actorUserId?: string | null;
};

/**
 * Announces a change to every open page of the business. It takes the caller's transaction, not a
 * database handle: PostgreSQL delivers a NOTIFY only when its transaction commits, and never when
 * it rolls back, so no page refetches for a change that did not happen, or before it is visible.
 */
export async function publishEvent(tx: Transaction, input: PublishInput): Promise<LiveEvent> {
  const event: LiveEvent = {
    eventId: newId(),
    kind: input.kind,
    id: input.id,
    businessId: input.businessId,
    actorUserId: input.actorUserId ?? null,
    ts: Date.now(),
  };
  // A few hundred bytes, far below NOTIFY's 8000-byte limit: ids only, no content.
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
  return event;
}
