import 'server-only';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Transaction } from '../db/client';
import { getBoss } from './boss';
import type { QueueName } from './queues';

export const DEALS_WON_QUEUE = 'deals.won' satisfies QueueName;

/** A deal that reached a won stage; `actorPersonnelId` is who moved it (the project's owner when the deal has none). */
export type DealWonJob = { businessId: string; dealId: string; actorPersonnelId: string | null };

/**
 * Queues the project of a won deal. Given the deal's transaction, the job commits (or rolls back)
 * with the move that won it; given a boss, it is sent at once.
 */
export async function queueDealWon(txOrBoss: Transaction | PgBoss, data: DealWonJob): Promise<string | null> {
  if ('send' in txOrBoss && typeof (txOrBoss as PgBoss).work === 'function') {
    return (txOrBoss as PgBoss).send(DEALS_WON_QUEUE, data);
  }
  const boss = await getBoss();
  return boss.send(DEALS_WON_QUEUE, data, { db: fromDrizzle(txOrBoss as Transaction, sql) });
}
