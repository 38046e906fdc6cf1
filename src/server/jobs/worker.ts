import 'server-only';
import type { PgBoss } from 'pg-boss';
import { AUTH_MAIL_QUEUE, deliverAuthMail, type AuthMailJob } from './auth-mail';
import { getWorkingBoss, stopBoss } from './boss';
import type { QueueName } from './queues';

/**
 * What a module gives the worker: the queues it works and how. Modules define these beside their
 * code; the composition root hands the list to `startWorker`, so the jobs runtime knows no module.
 */
export type JobWorker = {
  queues: readonly QueueName[];
  work: (boss: PgBoss) => Promise<void>;
};

const working = new WeakSet<PgBoss>();

/**
 * Works every queue in this process: inside the app by default (src/instrumentation.ts), or alone
 * in `npm run worker`. Any number of processes may do so at once; pg-boss hands each job to one of
 * them (SELECT … FOR UPDATE SKIP LOCKED).
 */
export async function startWorker(workers: readonly JobWorker[]): Promise<{ queues: QueueName[] }> {
  const boss = await getWorkingBoss();
  if (!working.has(boss)) {
    working.add(boss);
    await boss.work<AuthMailJob>(AUTH_MAIL_QUEUE, { batchSize: 1, localConcurrency: 2 }, async ([job]) => {
      if (job) await deliverAuthMail(job, boss);
    });
    for (const worker of workers) await worker.work(boss);
  }
  return { queues: [AUTH_MAIL_QUEUE, ...workers.flatMap((w) => w.queues)] };
}

/** Stops taking jobs and hands the ones in progress back to the queue. */
export async function stopWorker(): Promise<void> {
  await stopBoss();
}
