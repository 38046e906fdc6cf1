import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type PgBoss } from 'pg-boss';
import type { Transaction } from '../db/client';
import { getBoss } from './boss';
import type { QueueName } from './queues';

export const REMINDER_NOTIFY_QUEUE = 'reminders.notify' satisfies QueueName;
export const NOTIFICATION_EMAIL_QUEUE = 'notifications.email' satisfies QueueName;

/** One waiting and one running pass at most (the queue is `stately`): they share this key. */
const NOTIFY_KEY = 'scan';

export type NotificationEmailJob = { businessId: string; notificationId: string };

/** Seconds between two passes of the notifier; REMINDER_SCAN_SECONDS changes it (tests, demos). */
export function reminderScanSeconds(): number {
  const value = Number(process.env.REMINDER_SCAN_SECONDS);
  return Number.isFinite(value) && value >= 1 && value <= 600 ? value : 15;
}

/** A UUID derived from the notification, so the e-mail of one notification is one job. */
export function notificationEmailJobId(notificationId: string): string {
  const hex = createHash('sha256').update(`${NOTIFICATION_EMAIL_QUEUE}:${notificationId}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Queues the e-mail of a notification in the transaction that creates the notification. */
export async function enqueueNotificationEmail(tx: Transaction, job: NotificationEmailJob): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(NOTIFICATION_EMAIL_QUEUE, job, { id: notificationEmailJobId(job.notificationId), db: fromDrizzle(tx, sql) });
}

/** Queues the next pass of the notifier, `inSeconds` from now (ignored when one is waiting). */
export async function queueReminderPass(boss: PgBoss, inSeconds = 0): Promise<string | null> {
  return boss.send(REMINDER_NOTIFY_QUEUE, {}, { singletonKey: NOTIFY_KEY, ...(inSeconds > 0 ? { startAfter: inSeconds } : {}) });
}

/** The minute cron that restarts the chain of passes after a crash or a failed pass. */
export async function scheduleReminderPasses(boss: PgBoss): Promise<void> {
  await boss.schedule(REMINDER_NOTIFY_QUEUE, '* * * * *', {}, { singletonKey: NOTIFY_KEY });
}
