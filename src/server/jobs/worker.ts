import 'server-only';
import type { PgBoss } from 'pg-boss';
import { getDb } from '../db/client';
import { deliverNotificationEmail, notifyDueReminders } from '../../modules/notifications/notifier';
import { AUTH_MAIL_QUEUE, deliverAuthMail, type AuthMailJob } from './auth-mail';
import { getWorkingBoss, stopBoss } from './boss';
import { OUTBOX_QUEUE, type OutboxJob } from './outbox';
import {
  NOTIFICATION_EMAIL_QUEUE,
  queueReminderPass,
  REMINDER_NOTIFY_QUEUE,
  reminderScanSeconds,
  scheduleReminderPasses,
  type NotificationEmailJob,
} from './notification-jobs';
import type { QueueName } from './queues';
import { CUSTOMER_IMPORT_QUEUE, handleCustomerImportJob, type CustomerImportJob } from '../../modules/imports/job';
import { DEALS_WON_QUEUE, type DealWonJob } from './deals-won';

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
    // One import at a time per process: an import keeps a CPU busy, and the machine serves pages too.
    await boss.work<CustomerImportJob>(CUSTOMER_IMPORT_QUEUE, { batchSize: 1, localConcurrency: 1 }, async ([job]) => {
      if (job) await handleCustomerImportJob(job);
    });
    await workNotificationQueues(boss);
    await workDealsWonQueue(boss);
  }
  return { queues: [AUTH_MAIL_QUEUE, OUTBOX_QUEUE, REMINDER_NOTIFY_QUEUE, NOTIFICATION_EMAIL_QUEUE, CUSTOMER_IMPORT_QUEUE, DEALS_WON_QUEUE] };
}

/**
 * The reminder notifier and the notification e-mails: one pass over the due reminders every few
 * seconds (each pass queues the next), and the e-mails those passes queue.
 */
export async function workNotificationQueues(boss: PgBoss): Promise<void> {
  await boss.work(REMINDER_NOTIFY_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async () => {
    try {
      await notifyDueReminders(getDb());
      // Tasks due within the hour ride on the same pass.
      const { notifyDueTasks } = await import('../../modules/tasks/notifier');
      await notifyDueTasks(getDb());
    } finally {
      // Each pass queues the next; a pass that throws is retried and still keeps the chain.
      await queueReminderPass(boss, reminderScanSeconds());
    }
  });
  // A batch drains a backlog (after a restart) without waiting a poll per e-mail. One failed send
  // fails the batch; the retry finds the others claimed and sends only what is left.
  await boss.work<NotificationEmailJob>(NOTIFICATION_EMAIL_QUEUE, { batchSize: 10, localConcurrency: 2, pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) await deliverNotificationEmail(getDb(), job.data);
  });
  // Start the chain now (a pass waiting from before a restart is kept, not doubled) and let the
  // minute cron restart it should it ever break.
  await queueReminderPass(boss);
  await scheduleReminderPasses(boss);
}

/** Won deals become projects (see modules/projects/from-deal.ts); the job is idempotent. */
export async function workDealsWonQueue(boss: PgBoss): Promise<void> {
  const { createProjectFromWonDeal } = await import('../../modules/projects/from-deal');
  await boss.work<DealWonJob>(DEALS_WON_QUEUE, { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await createProjectFromWonDeal(getDb(), job.data);
  });
}

/** Stops taking jobs and hands the ones in progress back to the queue. */
export async function stopWorker(): Promise<void> {
  await stopBoss();
}
