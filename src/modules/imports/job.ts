import 'server-only';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type Job } from 'pg-boss';
import { getDb, type Transaction } from '@/server/db/client';
import { getBoss } from '@/server/jobs/boss';
import { QUEUES, type QueueName } from '@/server/jobs/queues';

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

/**
 * Works one delivery of an import job. A thrown error hands the job back for a retry, which goes on
 * from the last committed batch; after the last retry the import is marked failed.
 */
export async function handleCustomerImportJob(job: Pick<Job<CustomerImportJob>, 'data' | 'retryCount'>): Promise<void> {
  // Loaded here, not at the top: the worker imports this file, and the mutations import the job.
  const { failImport, runCustomerImport } = await import('./mutations');
  try {
    await runCustomerImport(getDb(), job.data);
  } catch (err) {
    if (job.retryCount >= QUEUES[CUSTOMER_IMPORT_QUEUE].retryLimit) await failImport(getDb(), job.data);
    throw err;
  }
}
