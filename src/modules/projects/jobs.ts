import 'server-only';
import type { PgBoss } from 'pg-boss';
import { getDb } from '@/server/db/client';
import { DEALS_WON_QUEUE, type DealWonJob } from '@/server/jobs/deals-won';
import type { JobWorker } from '@/server/jobs/worker';
import { createProjectFromWonDeal } from './from-deal';

/** Won deals become projects (see from-deal.ts); the job is idempotent. */
export async function workDealsWonQueue(boss: PgBoss): Promise<void> {
  await boss.work<DealWonJob>(DEALS_WON_QUEUE, { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await createProjectFromWonDeal(getDb(), job.data);
  });
}

export const dealsWonWorker: JobWorker = { queues: [DEALS_WON_QUEUE], work: workDealsWonQueue };
