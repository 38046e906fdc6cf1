import 'server-only';
import type { PgBoss } from 'pg-boss';
import { getDb, type Executor } from '@/server/db/client';
import {
  NOTIFICATION_EMAIL_QUEUE,
  queueReminderPass,
  REMINDER_NOTIFY_QUEUE,
  reminderScanSeconds,
  scheduleReminderPasses,
  type NotificationEmailJob,
} from '@/server/jobs/notification-jobs';
import type { JobWorker } from '@/server/jobs/worker';
import { deliverNotificationEmail, notifyDueReminders } from './notifier';
import { notifyDueTasks } from './task-notifier';

/** A scan that turns what fell due into notifications. */
export type DueScan = (db: Executor) => Promise<unknown>;

/**
 * The reminder notifier and the notification e-mails: one pass over the due reminders, the tasks
 * whose reminder time came (and any other due scans) every few seconds (each pass queues the next),
 * and the e-mails those passes queue.
 */
export async function workNotificationQueues(boss: PgBoss, otherScans: readonly DueScan[] = []): Promise<void> {
  // A pass waits `reminderScanSeconds` after the one before (startAfter, which no NOTIFY announces):
  // a poll at a third of that finds it at most a third late, and costs a third of a poll a second.
  const pollingIntervalSeconds = Math.max(1, Math.floor(reminderScanSeconds() / 3));
  await boss.work(REMINDER_NOTIFY_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async () => {
    try {
      await notifyDueReminders(getDb());
      await notifyDueTasks(getDb());
      for (const scan of otherScans) await scan(getDb());
    } finally {
      // Each pass queues the next; a pass that throws is retried and still keeps the chain.
      await queueReminderPass(boss, reminderScanSeconds());
    }
  });
  // A batch drains a backlog (after a restart) without waiting a poll per e-mail, and a full batch
  // fetches the next at once. One failed send fails the batch; the retry finds the others claimed
  // and sends only what is left.
  await boss.work<NotificationEmailJob>(NOTIFICATION_EMAIL_QUEUE, { batchSize: 10, localConcurrency: 2, burstWhenBatchFull: true }, async (jobs) => {
    for (const job of jobs) await deliverNotificationEmail(getDb(), job.data);
  });
  // Start the chain now (a pass waiting from before a restart is kept, not doubled) and let the
  // minute cron restart it should it ever break.
  await queueReminderPass(boss);
  await scheduleReminderPasses(boss);
}

export function notificationWorker(otherScans: readonly DueScan[] = []): JobWorker {
  return { queues: [REMINDER_NOTIFY_QUEUE, NOTIFICATION_EMAIL_QUEUE], work: (boss) => workNotificationQueues(boss, otherScans) };
}
