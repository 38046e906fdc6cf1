import 'server-only';
import type { PgBoss } from 'pg-boss';
import { AUTH_MAIL_QUEUE, deliverAuthMail, type AuthMailJob } from './auth-mail';
import { getWorkingBoss, stopBoss } from './boss';
import type { QueueName } from './queues';
import { CUSTOMER_IMPORT_QUEUE, handleCustomerImportJob, type CustomerImportJob } from '../../modules/imports/job';

const working = new WeakSet<PgBoss>();

/**
 * Works every queue in this process: inside the app by default (src/instrumentation.ts), or alone
 * in `npm run worker`. Any number of processes may do so at once; pg-boss hands each job to one of
 * them (SELECT … FOR UPDATE SKIP LOCKED).
 */
export async function startWorker(): Promise<{ queues: QueueName[] }> {
  const boss = await getWorkingBoss();
  if (!working.has(boss)) {
    working.add(boss);
    await boss.work<AuthMailJob>(AUTH_MAIL_QUEUE, { batchSize: 1, localConcurrency: 2 }, async ([job]) => {
      if (job) await deliverAuthMail(job, boss);
    });
    // One import at a time per process: an import keeps a CPU busy, and the machine serves pages too.
    await boss.work<CustomerImportJob>(CUSTOMER_IMPORT_QUEUE, { batchSize: 1, localConcurrency: 1 }, async ([job]) => {
      if (job) await handleCustomerImportJob(job);
    });
  }
  return { queues: [AUTH_MAIL_QUEUE, CUSTOMER_IMPORT_QUEUE] };
}

/** Stops taking jobs and hands the ones in progress back to the queue. */
export async function stopWorker(): Promise<void> {
  await stopBoss();
}
