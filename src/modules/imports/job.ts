import 'server-only';
import { sql } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import type { Transaction } from '@/server/db/client';
import { getBoss } from '@/server/jobs/boss';
import type { QueueName } from '@/server/jobs/queues';

export const CUSTOMER_IMPORT_QUEUE = 'import.customers' satisfies QueueName;

export type CustomerImportJob = { businessId: string; importId: string };

/**
 * Queues an import in the caller's transaction: the job exists exactly when the import is marked
 * queued. The import's id names the job, so queueing it again finds the first job.
 */
export async function enqueueCustomerImport(data: CustomerImportJob, tx: Transaction): Promise<void> {
  const boss = await getBoss();
  await boss.send(CUSTOMER_IMPORT_QUEUE, data, { id: data.importId, db: fromDrizzle(tx, sql) });
}
