import 'server-only';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { businesses, customers, notificationPreferences, notifications, personnel, reminders, tasks, user, userSettings } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import { publishEvent } from '@/server/events/publish';
import { enqueueNotificationEmail, type NotificationEmailJob } from '@/server/jobs/notification-jobs';
import { sendNotificationMail } from '@/server/mail/notification-mail';
import { appUrl } from '@/server/auth/auth';
import { newId } from '@/lib/ids';
import { formatDateTime } from '@/lib/format-date';
import { effectiveTimeZone } from '@/server/auth/context';
import { markRemindersNotified } from '@/modules/reminders';
import { MESSAGES } from '@/i18n/messages';
import type { Locale } from '@/i18n/locale';

export const REMINDER_DUE_KIND = 'reminder.due';
export const TASK_DUE_KIND = 'task.due';

/** The key that makes one notification per reminder and due date, however often a pass runs. */
export function reminderDedupeKey(reminderId: string, dueAt: Date): string {
  return `reminder:${reminderId}:${dueAt.toISOString()}`;
}

/**
 * One pass of the notifier over every business: the open reminders that fell due and were not
 * notified yet (the partial index `reminders_pending_notify_idx` holds exactly those), in batches.
 * Each batch is one transaction: it locks its reminders (SKIP LOCKED, so a second pass running at
 * the same moment takes other rows or none), inserts each notification with a dedupe key (ON
 * CONFLICT DO NOTHING, for a pass that reads a reminder after another committed it), queues the
 * e-mail with the notification, and has the reminders module set `notified_at`. Nothing is half done if it fails.
 */
export async function notifyDueReminders(
  db: Executor,
  options: { batchSize?: number; maxBatches?: number; now?: Date } = {},
): Promise<{ reminders: number; notifications: number; emails: number }> {
  const batchSize = options.batchSize ?? 100;
  const totals = { reminders: 0, notifications: 0, emails: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const result = await notifyBatch(db, batchSize, options.now);
    totals.reminders += result.reminders;
    totals.notifications += result.notifications;
    totals.emails += result.emails;
    if (result.reminders < batchSize) break;
  }
  return totals;
}

async function notifyBatch(db: Executor, batchSize: number, now?: Date) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        businessId: reminders.businessId,
        id: reminders.id,
        title: reminders.title,
        dueAt: reminders.dueAt,
        customerName: customers.name,
        slug: businesses.slug,
        userId: personnel.userId,
        inApp: notificationPreferences.inApp,
        email: notificationPreferences.email,
      })
      .from(reminders)
      .innerJoin(businesses, eq(businesses.id, reminders.businessId))
      .leftJoin(customers, and(eq(customers.businessId, reminders.businessId), eq(customers.id, reminders.customerId)))
      // The assignee's login, if any: a person without one (or no longer active) is told nothing.
      .leftJoin(
        personnel,
        and(eq(personnel.businessId, reminders.businessId), eq(personnel.id, reminders.assigneeId), eq(personnel.active, true)),
      )
      .leftJoin(notificationPreferences, eq(notificationPreferences.userId, personnel.userId))
      .where(and(lte(reminders.dueAt, now ?? sql`now()`), isNull(reminders.doneAt), isNull(reminders.notifiedAt)))
      .orderBy(asc(reminders.dueAt))
      .limit(batchSize)
      .for('update', { of: reminders, skipLocked: true });
    let created = 0;
    let emails = 0;
    for (const r of due) {
      const inApp = r.inApp ?? true;
      const byEmail = r.email ?? true;
      if (!r.userId || (!inApp && !byEmail)) continue;
      const id = newId();
      // With in-app notices off the row is still written, already read: it keeps the e-mail to
      // one (its dedupe key) and is what the e-mail job claims, but lights up no bell.
      const [inserted] = await tx
        .insert(notifications)
        .values({
          businessId: r.businessId,
          id,
          userId: r.userId,
          kind: REMINDER_DUE_KIND,
          title: r.title,
          body: r.customerName ?? null,
          link: `/${r.slug}/reminders/${r.id}`,
          dedupeKey: reminderDedupeKey(r.id, r.dueAt),
          readAt: inApp ? null : sql`now()`,
        })
        .onConflictDoNothing({ target: [notifications.businessId, notifications.dedupeKey] })
        .returning({ id: notifications.id });
      if (!inserted) continue;
      created++;
      if (byEmail) {
        await enqueueNotificationEmail(tx, { businessId: r.businessId, notificationId: id });
        emails++;
      }
      if (inApp) await publishEvent(tx, { businessId: r.businessId, kind: 'notification.created', id, actorUserId: null });
    }
    if (due.length > 0) {
      for (const businessId of new Set(due.map((r) => r.businessId))) {
        const ids = due.filter((r) => r.businessId === businessId).map((r) => r.id);
        await markRemindersNotified(tx, businessId, ids);
      }
    }
    return { reminders: due.length, notifications: created, emails };
  });
}


/**
 * Sends the e-mail of a notification once. The row is claimed with a conditional UPDATE
 * (`emailed_at is null`) in a transaction that stays open while the mail is handed to the SMTP
 * server: a second delivery of the job (pg-boss delivers at least once), or another worker, waits
 * on the row lock and then finds it claimed. A failed send rolls the claim back, and the job is
 * retried. What remains is a crash between the SMTP server's "accepted" and the commit; the
 * Message-ID derived from the notification lets mail systems drop such a duplicate.
 */
export async function deliverNotificationEmail(db: Executor, job: NotificationEmailJob): Promise<'sent' | 'already-sent' | 'skipped'> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(notifications)
      .set({ emailedAt: sql`now()` })
      .where(and(eq(notifications.businessId, job.businessId), eq(notifications.id, job.notificationId), isNull(notifications.emailedAt)))
      .returning();
    if (!claimed) return 'already-sent';
    const [recipient] = await tx
      .select({
        email: user.email,
        wantsEmail: notificationPreferences.email,
        locale: notificationPreferences.locale,
        businessName: businesses.name,
        businessTimeZone: businesses.timeZone,
        userTimeZone: userSettings.timeZone,
      })
      .from(user)
      .innerJoin(businesses, eq(businesses.id, claimed.businessId))
      .leftJoin(userSettings, eq(userSettings.userId, user.id))
      .leftJoin(notificationPreferences, eq(notificationPreferences.userId, user.id))
      .where(eq(user.id, claimed.userId));
    // The user may have turned e-mails off since the notice was made: the claim stays, nothing goes.
    if (!recipient || recipient.wantsEmail === false) return 'skipped';
    const locale: Locale = recipient.locale === 'en' ? 'en' : 'tr';
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'notifications.email' });
    // The key names the reminder or task (`reminder:<id>:…`, `task-due:<id>:…`) whose due time the e-mail gives.
    const subjectId = claimed.dedupeKey.split(':')[1];
    const isTask = claimed.kind === TASK_DUE_KIND;
    const [subject] = !subjectId
      ? []
      : isTask
        ? await tx
            .select({ dueAt: tasks.dueAt, note: sql<string | null>`null` })
            .from(tasks)
            .where(and(eq(tasks.businessId, claimed.businessId), eq(tasks.id, subjectId)))
        : await tx
            .select({ dueAt: reminders.dueAt, note: reminders.note })
            .from(reminders)
            .where(and(eq(reminders.businessId, claimed.businessId), eq(reminders.id, subjectId)));
    const when = subject?.dueAt
      ? formatDateTime(subject.dueAt, locale, effectiveTimeZone(recipient.userTimeZone, recipient.businessTimeZone), { date: 'full' })
      : null;
    const lines = [
      t(isTask ? 'taskIntro' : 'intro', { business: recipient.businessName }),
      '',
      claimed.title,
      ...(when ? [t('due', { when })] : []),
      ...(claimed.body ? [t('customer', { name: claimed.body })] : []),
      ...(subject?.note ? ['', subject.note] : []),
      '',
      ...(claimed.link ? [t('open', { url: `${appUrl()}${claimed.link}` })] : []),
      '',
      t('footer'),
    ];
    await sendNotificationMail(
      { to: recipient.email, subject: t(isTask ? 'taskSubject' : 'subject', { title: claimed.title }), text: lines.join('\n') + '\n' },
      { messageId: `<notification-${claimed.id}@tezgah.invalid>` },
    );
    return 'sent';
  });
}
