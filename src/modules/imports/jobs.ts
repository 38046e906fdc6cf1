import 'server-only';
import type { Job } from 'pg-boss';
import { getDb } from '@/server/db/client';
import { QUEUES } from '@/server/jobs/queues';
import type { JobWorker } from '@/server/jobs/worker';
import { CUSTOMER_IMPORT_QUEUE, type CustomerImportJob } from './job';
import { failImport, runCustomerImport } from './mutations';

/**
 * Works one delivery of an import job. A thrown error hands the job back for a retry, which goes on
 * from the last committed batch; after the last retry the import is marked failed.
 */
export async function handleCustomerImportJob(job: Pick<Job<CustomerImportJob>, 'data' | 'retryCount'>): Promise<void> {
  try {
    await runCustomerImport(getDb(), job.data);
  } catch (err) {
    if (job.retryCount >= QUEUES[CUSTOMER_IMPORT_QUEUE].retryLimit) await failImport(getDb(), job.data);
    throw err;
  }
}

/** Customer CSV imports, resumed from their last committed batch after a restart. */
export const customerImportWorker: JobWorker = {
  queues: [CUSTOMER_IMPORT_QUEUE],
  async work(boss) {
    // One import at a time per process: an import keeps a CPU busy, and the machine serves pages too.
    await boss.work<CustomerImportJob>(CUSTOMER_IMPORT_QUEUE, { batchSize: 1, localConcurrency: 1 }, async ([job]) => {
      if (job) await handleCustomerImportJob(job);
    });
  },
};
