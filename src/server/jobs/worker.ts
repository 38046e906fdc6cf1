import 'server-only';
import type { PgBoss } from 'pg-boss';
import { AUTH_MAIL_QUEUE, deliverAuthMail, type AuthMailJob } from './auth-mail';
import { getWorkingBoss, stopBoss } from './boss';
import { OUTBOX_QUEUE, type OutboxJob } from './outbox';
import type { QueueName } from './queues';

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
    // Loaded here, not at the top: the module layer depends on jobs, not the other way round.
    const { deliverOutboxMessage } = await import('../../modules/interactions/outbox');
    await boss.work<OutboxJob>(OUTBOX_QUEUE, { batchSize: 1, localConcurrency: 2 }, async ([job]) => {
      if (job) await deliverOutboxMessage(job.data);
    });
  }
  return { queues: [AUTH_MAIL_QUEUE, OUTBOX_QUEUE] };
}

/** Stops taking jobs and hands the ones in progress back to the queue. */
export async function stopWorker(): Promise<void> {
  await stopBoss();
}
