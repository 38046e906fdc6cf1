import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { businesses, projects, taskAssignees, taskStatuses, tasks } from '@/server/db/schema';
import type { Transaction } from '@/server/db/client';
import { newId } from '@/lib/ids';
import { searchText } from '@/lib/text';
import { keysBetween } from '@/lib/ordering';
import { findTemplateTasks } from '@/modules/projects';
import { instantToWallClock, wallClockToInstant } from '@/lib/dates';
import { DEFAULT_TASK_REMINDER_MINUTES, remindAtFor } from './reminder';

/** Template tasks fall due at the end of a working day in the business's zone. */
const TEMPLATE_DUE_HOUR = 17;

/** `offsetDays` after the calendar day of `now` in `timeZone`, at the template due hour there. */
export function templateDueAt(now: Date, offsetDays: number, timeZone: string): Date {
  const today = instantToWallClock(now, timeZone);
  return dueOnDay(today.year, today.month, today.day, offsetDays, timeZone);
}

function dueOnDay(year: number, month: number, day: number, offsetDays: number, timeZone: string): Date {
  // Date.UTC rolls days over months and years; only the calendar date is taken from it.
  const date = new Date(Date.UTC(year, month - 1, day + offsetDays));
  return wallClockToInstant({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: TEMPLATE_DUE_HOUR, minute: 0 }, timeZone);
}

/**
 * The first tasks of a project made from a template: in its first "to do" column, for its
 * customer, assigned to its owner, each due `offsetDays` after the project's start day. Runs in
 * the transaction that created the project.
 */
export async function createTemplateTasks(
  tx: Transaction,
  input: { businessId: string; projectId: string; templateId: string; createdById: string | null },
): Promise<void> {
  const templateTasks = await findTemplateTasks(tx, input.businessId, input.templateId);
  if (templateTasks.length === 0) return;
  const [project] = await tx
    .select({ customerId: projects.customerId, ownerId: projects.ownerId, startDate: projects.startDate, timeZone: businesses.timeZone })
    .from(projects)
    .innerJoin(businesses, eq(businesses.id, projects.businessId))
    .where(and(eq(projects.businessId, input.businessId), eq(projects.id, input.projectId)));
  const [todo] = await tx
    .select({ id: taskStatuses.id })
    .from(taskStatuses)
    .where(and(eq(taskStatuses.businessId, input.businessId), eq(taskStatuses.projectId, input.projectId), eq(taskStatuses.category, 'todo')))
    .orderBy(asc(taskStatuses.position))
    .limit(1);
  if (!project || !todo) throw new Error(`Project ${input.projectId} has no "to do" column for its template tasks`);
  const start = project.startDate ? parseDay(project.startDate) : instantToWallClock(new Date(), project.timeZone);
  const keys = keysBetween(null, null, templateTasks.length);
  const rows = templateTasks.map((t, i) => ({
    businessId: input.businessId,
    id: newId(),
    projectId: input.projectId,
    statusId: todo.id,
    category: 'todo' as const,
    position: keys[i]!,
    title: t.title,
    searchText: searchText([t.title]),
    customerId: project.customerId,
    createdById: input.createdById,
    ...templateDue(dueOnDay(start.year, start.month, start.day, t.offsetDays, project.timeZone)),
  }));
  await tx.insert(tasks).values(rows);
  const ownerId = project.ownerId;
  if (ownerId) await tx.insert(taskAssignees).values(rows.map((r) => ({ businessId: input.businessId, taskId: r.id, personnelId: ownerId })));
}

/** Template tasks keep the reminder tasks have always had: an hour before their due time. */
function templateDue(dueAt: Date) {
  return { dueAt, reminderMinutes: DEFAULT_TASK_REMINDER_MINUTES, remindAt: remindAtFor(dueAt, DEFAULT_TASK_REMINDER_MINUTES) };
}

function parseDay(value: string): { year: number; month: number; day: number } {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}
