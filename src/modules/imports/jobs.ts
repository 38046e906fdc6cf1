import 'server-only';
import type { Job } from 'pg-boss';
import { getDb } from '@/server/db/client';
import { isDatabaseUnavailable } from '@/server/db/unavailable';
import { QUEUES } from '@/server/jobs/queues';
import type { JobWorker } from '@/server/jobs/worker';
import { CUSTOMER_IMPORT_QUEUE, type CustomerImportJob } from './job';
import { failImport, runCustomerImport } from './mutations';
import { holdImportLock, resumeAbandonedImports } from './runner';

/**
 * Works one delivery of an import job. A thrown error hands the job back for a retry, which goes on
 * from the last committed batch; after the last retry the import is marked failed. The import's
 * lock is held throughout, so that other processes can tell a running import from an abandoned one.
 */
export async function handleCustomerImportJob(job: Pick<Job<CustomerImportJob>, 'data' | 'retryCount'>): Promise<void> {
  const lock = await holdImportLock(job.data.importId);
  try {
    await runCustomerImport(getDb(), job.data);
  } catch (err) {
    if (job.retryCount >= QUEUES[CUSTOMER_IMPORT_QUEUE].retryLimit) await failImport(getDb(), job.data);
    throw err;
  } finally {
    await lock.release();
  }
}

/** How often a working process looks for imports whose worker died. */
export const ABANDONED_IMPORT_CHECK_MS = 2_000;

/** Customer CSV imports, resumed from their last committed batch after a restart. */
export const customerImportWorker: JobWorker = {
  queues: [CUSTOMER_IMPORT_QUEUE],
  async work(boss) {
    // One import at a time per process: an import keeps a CPU busy, and the machine serves pages too.
    await boss.work<CustomerImportJob>(CUSTOMER_IMPORT_QUEUE, { batchSize: 1, localConcurrency: 1 }, async ([job]) => {
      if (job) await handleCustomerImportJob(job);
    });
    // At start (the process that died may be this one, restarted) and then every few seconds
    // (another process died, or the database restarted under a running import).
    let checking = false;
    const check = async () => {
      if (checking) return;
      checking = true;
      try {
        const resumed = await resumeAbandonedImports(boss);
        if (resumed.length) console.info(`[imports] resuming ${resumed.length} import(s) whose worker stopped: ${resumed.join(', ')}`);
      } catch (err) {
        if (!isDatabaseUnavailable(err)) console.error('[imports] looking for abandoned imports failed:', err instanceof Error ? err.message : err);
      } finally {
        checking = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), ABANDONED_IMPORT_CHECK_MS);
    timer.unref();
    boss.once('stopped', () => clearInterval(timer));
  },
};
