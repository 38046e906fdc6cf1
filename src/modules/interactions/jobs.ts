import 'server-only';
import { OUTBOX_QUEUE, type OutboxJob } from '@/server/jobs/outbox';
import type { JobWorker } from '@/server/jobs/worker';
import { deliverOutboxMessage } from './outbox';

/** Sends the outbox: e-mails and SMS to customers, one row per job. */
export const outboxWorker: JobWorker = {
  queues: [OUTBOX_QUEUE],
  async work(boss) {
    await boss.work<OutboxJob>(OUTBOX_QUEUE, { batchSize: 1, localConcurrency: 2 }, async ([job]) => {
      if (job) await deliverOutboxMessage(job.data);
    });
  },
};
