import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { businesses, notificationPreferences, notifications, personnel, taskAssignees, tasks } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import { publishEvent } from '@/server/events/publish';
import { newId } from '@/lib/ids';
import { markTasksReminded } from '@/modules/tasks';

/** How long before its due time a task's assignees hear about it. */
export const TASK_REMINDER_LEAD_MS = 60 * 60 * 1000;

/** One notice per task, assignee set and due time, however often a pass runs. */
export function taskDueDedupeKey(taskId: string, dueAt: Date, personnelId: string): string {
  return `task-due:${taskId}:${dueAt.toISOString()}:${personnelId}`;
}

/**
 * One pass over the open tasks due within the hour that were not reminded yet (the partial index
 * `tasks_due_idx` holds exactly the candidates), in batches, like the reminder notifier: a batch
 * locks its tasks (SKIP LOCKED), writes one in-app notice per assignee with a login (dedupe key,
 * ON CONFLICT DO NOTHING) and has the tasks module set `reminded_at`, all in one transaction.
 */
export async function notifyDueTasks(db: Executor, options: { batchSize?: number; maxBatches?: number; now?: Date } = {}): Promise<{ tasks: number; notifications: number }> {
  const batchSize = options.batchSize ?? 100;
  const totals = { tasks: 0, notifications: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const result = await notifyBatch(db, batchSize, options.now ?? new Date());
    totals.tasks += result.tasks;
    totals.notifications += result.notifications;
    if (result.tasks < batchSize) break;
  }
  return totals;
}

async function notifyBatch(db: Executor, batchSize: number, now: Date) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ businessId: tasks.businessId, id: tasks.id, title: tasks.title, dueAt: tasks.dueAt, slug: businesses.slug })
      .from(tasks)
      .innerJoin(businesses, eq(businesses.id, tasks.businessId))
      .where(and(isNotNull(tasks.dueAt), lte(tasks.dueAt, new Date(now.getTime() + TASK_REMINDER_LEAD_MS)), isNull(tasks.completedAt), isNull(tasks.remindedAt)))
      .orderBy(asc(tasks.dueAt))
      .limit(batchSize)
      .for('update', { of: tasks, skipLocked: true });
    let created = 0;
    for (const businessId of new Set(due.map((t) => t.businessId))) {
      const mine = due.filter((t) => t.businessId === businessId);
      const ids = mine.map((t) => t.id);
      const people = await tx
        .select({ taskId: taskAssignees.taskId, personnelId: personnel.id, userId: personnel.userId, inApp: notificationPreferences.inApp })
        .from(taskAssignees)
        .innerJoin(personnel, and(eq(personnel.businessId, taskAssignees.businessId), eq(personnel.id, taskAssignees.personnelId), eq(personnel.active, true)))
        .leftJoin(notificationPreferences, eq(notificationPreferences.userId, personnel.userId))
        .where(and(eq(taskAssignees.businessId, businessId), inArray(taskAssignees.taskId, ids)));
      for (const task of mine) {
        for (const person of people.filter((p) => p.taskId === task.id)) {
          if (!person.userId || person.inApp === false) continue;
          const id = newId();
          const [inserted] = await tx
            .insert(notifications)
            .values({
              businessId,
              id,
              userId: person.userId,
              kind: 'task.due',
              title: task.title,
              link: `/${task.slug}/tasks/${task.id}`,
              dedupeKey: taskDueDedupeKey(task.id, task.dueAt!, person.personnelId),
            })
            .onConflictDoNothing({ target: [notifications.businessId, notifications.dedupeKey] })
            .returning({ id: notifications.id });
          if (!inserted) continue;
          created++;
          await publishEvent(tx, { businessId, kind: 'notification.created', id, actorUserId: null });
        }
      }
      await markTasksReminded(tx, businessId, ids);
    }
    return { tasks: due.length, notifications: created };
  });
}
