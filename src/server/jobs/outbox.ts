import 'server-only';
import { sql } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import type { Transaction } from '../db/client';
import { getBoss } from './boss';
import type { QueueName } from './queues';

export const OUTBOX_QUEUE = 'outbox.send' satisfies QueueName;

/** Which outbox row to send; the message itself stays in the table. */
export type OutboxJob = { businessId: string; id: string };

/**
 * Queues the sending of an outbox row in the caller's transaction: a message that rolls back is
 * never sent, and the worker sees the job only once the row is committed. The job's id is the
 * row's id, so the same row is never queued twice.
 */
export async function enqueueOutboxDelivery(tx: Transaction, job: OutboxJob): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(OUTBOX_QUEUE, job, { id: job.id, db: fromDrizzle(tx, sql) });
}
