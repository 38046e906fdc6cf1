import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { businesses, notificationPreferences, notifications, personnel, taskAssignees, tasks } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import { publishEvent } from '@/server/events/publish';
import { enqueueNotificationEmail } from '@/server/jobs/notification-jobs';
import { newId } from '@/lib/ids';
import { markTasksReminded } from '@/modules/tasks';
import { TASK_DUE_KIND } from './notifier';

/** One notice per task, assignee and reminder time, however often a pass runs. */
export function taskDueDedupeKey(taskId: string, remindAt: Date, personnelId: string): string {
  return `task-due:${taskId}:${remindAt.toISOString()}:${personnelId}`;
}

/**
 * One pass over the open tasks whose reminder time (`remind_at`: the due time less the task's
 * lead) has come and that were not reminded yet (the partial index `tasks_remind_idx` holds
 * exactly the candidates), in batches, like the reminder notifier: a batch locks its tasks (SKIP
 * LOCKED), writes one notice per assignee with a login (dedupe key, ON CONFLICT DO NOTHING), queues
 * its e-mail as the assignee's preferences say, and has the tasks module set `reminded_at`, all in
 * one transaction. A completed task is no candidate; a deleted one is gone with its notices.
 */
export async function notifyDueTasks(
  db: Executor,
  options: { batchSize?: number; maxBatches?: number; now?: Date } = {},
): Promise<{ tasks: number; notifications: number; emails: number }> {
  const batchSize = options.batchSize ?? 100;
  const totals = { tasks: 0, notifications: 0, emails: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const result = await notifyBatch(db, batchSize, options.now ?? new Date());
    totals.tasks += result.tasks;
    totals.notifications += result.notifications;
    totals.emails += result.emails;
    if (result.tasks < batchSize) break;
  }
  return totals;
}

async function notifyBatch(db: Executor, batchSize: number, now: Date) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ businessId: tasks.businessId, id: tasks.id, title: tasks.title, remindAt: tasks.remindAt, slug: businesses.slug })
      .from(tasks)
      .innerJoin(businesses, eq(businesses.id, tasks.businessId))
      .where(and(isNotNull(tasks.remindAt), lte(tasks.remindAt, now), isNull(tasks.completedAt), isNull(tasks.remindedAt)))
      .orderBy(asc(tasks.remindAt))
      .limit(batchSize)
      .for('update', { of: tasks, skipLocked: true });
    let created = 0;
    let emails = 0;
    for (const businessId of new Set(due.map((t) => t.businessId))) {
      const mine = due.filter((t) => t.businessId === businessId);
      const ids = mine.map((t) => t.id);
      const people = await tx
        .select({
          taskId: taskAssignees.taskId,
          personnelId: personnel.id,
          userId: personnel.userId,
          inApp: notificationPreferences.inApp,
          email: notificationPreferences.email,
        })
        .from(taskAssignees)
        .innerJoin(personnel, and(eq(personnel.businessId, taskAssignees.businessId), eq(personnel.id, taskAssignees.personnelId), eq(personnel.active, true)))
        .leftJoin(notificationPreferences, eq(notificationPreferences.userId, personnel.userId))
        .where(and(eq(taskAssignees.businessId, businessId), inArray(taskAssignees.taskId, ids)));
      for (const task of mine) {
        for (const person of people.filter((p) => p.taskId === task.id)) {
          const inApp = person.inApp ?? true;
          const byEmail = person.email ?? true;
          if (!person.userId || (!inApp && !byEmail)) continue;
          const id = newId();
          // As with reminders: with in-app notices off the row is still written, already read, for the e-mail.
          const [inserted] = await tx
            .insert(notifications)
            .values({
              businessId,
              id,
              userId: person.userId,
              kind: TASK_DUE_KIND,
              title: task.title,
              link: `/${task.slug}/tasks/${task.id}`,
              dedupeKey: taskDueDedupeKey(task.id, task.remindAt!, person.personnelId),
              readAt: inApp ? null : sql`now()`,
            })
            .onConflictDoNothing({ target: [notifications.businessId, notifications.dedupeKey] })
            .returning({ id: notifications.id });
          if (!inserted) continue;
          created++;
          if (byEmail) {
            await enqueueNotificationEmail(tx, { businessId, notificationId: id });
            emails++;
          }
          if (inApp) await publishEvent(tx, { businessId, kind: 'notification.created', id, actorUserId: null });
        }
      }
      await markTasksReminded(tx, businessId, ids);
    }
    return { tasks: due.length, notifications: created, emails };
  });
}
