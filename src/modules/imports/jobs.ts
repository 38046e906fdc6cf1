import 'server-only';
import type { JobWorker } from '@/server/jobs/worker';
import { CUSTOMER_IMPORT_QUEUE, handleCustomerImportJob, type CustomerImportJob } from './job';

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
