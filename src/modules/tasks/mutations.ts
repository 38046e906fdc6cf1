import 'server-only';
import { and, asc, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { customers, personnel, projects, taskAssignees, taskChecklistItems, taskComments, taskStatuses, tasks } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { publishEvent } from '@/server/events/publish';
import { AppError, type FieldErrors } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { keyBetween } from '@/lib/ordering';
import { searchText } from '@/lib/text';
import { changedKeys } from '@/lib/changes';
import { emitChange } from '@/server/events/domain';
import { projectScope } from '@/modules/projects';
import { resolveDueAt } from '@/lib/dates';
import { getUserTaskReminderMinutes } from '@/modules/businesses';
import { remindAtFor } from './reminder';
import { mentionedIds, type createTaskSchema, type moveTaskSchema, type updateTaskSchema } from './schemas';
import { taskScope } from './queries';

type CreateFields = z.output<typeof createTaskSchema>;

function dueInstant(value: string | null, timeZone: string): Date | null {
  if (!value) return null;
  const at = resolveDueAt(value, timeZone);
  if (!at) throw new AppError('VALIDATION', 'errors.VALIDATION', { dueAt: 'invalid' });
  return at;
}

async function checkTaskReferences(tx: Executor, ctx: Ctx, input: { customerId: string | null; assigneeIds: string[] }) {
  const fields: FieldErrors = {};
  if (input.customerId) {
    const [row] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, input.customerId)));
    if (!row) fields.customerId = 'invalid';
  }
  if (input.assigneeIds.length > 0) {
    const found = await tx
      .select({ id: personnel.id })
      .from(personnel)
      .where(and(eq(personnel.businessId, ctx.businessId), inArray(personnel.id, input.assigneeIds)));
    if (found.length !== new Set(input.assigneeIds).size) fields.assigneeIds = 'invalid';
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', fields);
}

/** The column row locked: moves and inserts into one column queue here, so keys never collide. */
async function lockStatus(tx: Transaction, businessId: string, statusId: string) {
  const [status] = await tx
    .select()
    .from(taskStatuses)
    .where(and(eq(taskStatuses.businessId, businessId), eq(taskStatuses.id, statusId)))
    .for('update');
  return status ?? null;
}

async function countInStatus(tx: Executor, businessId: string, statusId: string, exceptId?: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.businessId, businessId), eq(tasks.statusId, statusId), exceptId ? ne(tasks.id, exceptId) : undefined));
  return row?.n ?? 0;
}

async function lastKeyIn(tx: Executor, businessId: string, statusId: string): Promise<string | null> {
  const [row] = await tx
    .select({ position: tasks.position })
    .from(tasks)
    .where(and(eq(tasks.businessId, businessId), eq(tasks.statusId, statusId)))
    .orderBy(desc(tasks.position))
    .limit(1);
  return row?.position ?? null;
}

export async function createTask(db: Executor, ctx: Ctx, input: CreateFields): Promise<{ id: string }> {
  taskScope(ctx, 'create');
  const id = newId();
  return db.transaction(async (tx) => {
    const timeZone = ctx.timeZone;
    const dueAt = dueInstant(input.dueAt, timeZone);
    await checkTaskReferences(tx, ctx, input);
    let statusId: string | null = null;
    let category = input.category ?? 'todo';
    let position = keyBetween(null, null);
    let customerId = input.customerId;
    if (input.projectId) {
      // The task goes into a project the caller can see.
      const [project] = await tx
        .select({ id: projects.id, customerId: projects.customerId })
        .from(projects)
        .where(and(projectScope(ctx, 'read'), eq(projects.id, input.projectId)));
      if (!project) throw new AppError('VALIDATION', 'errors.VALIDATION', { projectId: 'invalid' });
      // A task in a project is for the project's customer unless it names one of its own.
      customerId ??= project.customerId;
      let wanted = input.statusId;
      if (!wanted) {
        const [first] = await tx
          .select({ id: taskStatuses.id })
          .from(taskStatuses)
          .where(and(eq(taskStatuses.businessId, ctx.businessId), eq(taskStatuses.projectId, input.projectId)))
          .orderBy(asc(taskStatuses.position))
          .limit(1);
        wanted = first?.id ?? null;
      }
      const status = wanted ? await lockStatus(tx, ctx.businessId, wanted) : null;
      if (!status || status.projectId !== input.projectId) throw new AppError('VALIDATION', 'errors.VALIDATION', { statusId: 'invalid' });
      if (status.wipLimit !== null && (await countInStatus(tx, ctx.businessId, status.id)) >= status.wipLimit) {
        throw new AppError('CONFLICT', 'tasks.errors.wipFull');
      }
      statusId = status.id;
      category = status.category;
      position = keyBetween(await lastKeyIn(tx, ctx.businessId, status.id), null);
    } else if (input.statusId) {
      throw new AppError('VALIDATION', 'errors.VALIDATION', { statusId: 'invalid' });
    }
    const reminderMinutes = input.reminderMinutes !== undefined ? input.reminderMinutes : await getUserTaskReminderMinutes(tx, ctx.userId);
    await tx.insert(tasks).values({
      businessId: ctx.businessId,
      id,
      projectId: input.projectId,
      statusId,
      category,
      position,
      title: input.title,
      description: input.description,
      searchText: searchText([input.title, input.description]),
      customerId,
      dueAt,
      reminderMinutes,
      remindAt: remindAtFor(dueAt, reminderMinutes),
      priority: input.priority,
      completedAt: category === 'done' ? sql`now()` : null,
      createdById: ctx.personnelId,
    });
    const assignees = [...new Set(input.assigneeIds)];
    if (assignees.length > 0) await tx.insert(taskAssignees).values(assignees.map((personnelId) => ({ businessId: ctx.businessId, taskId: id, personnelId })));
    await emitChange(tx, ctx, { action: 'create', entityType: 'task', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'task.created', id, actorUserId: ctx.userId });
    return { id };
  });
}

async function lockTask(tx: Transaction, ctx: Ctx, id: string, action: 'update' | 'delete') {
  const [row] = await tx.select().from(tasks).where(and(taskScope(ctx, action), eq(tasks.id, id))).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A content edit: refused with 409 when someone else changed the content since it was read. */
export async function updateTask(db: Executor, ctx: Ctx, input: z.output<typeof updateTaskSchema>): Promise<{ version: number }> {
  taskScope(ctx, 'update');
  return db.transaction(async (tx) => {
    const target = await lockTask(tx, ctx, input.id, 'update');
    if (target.version !== input.version) throw new AppError('CONFLICT', 'tasks.errors.stale');
    const dueAt = dueInstant(input.dueAt, ctx.timeZone);
    await checkTaskReferences(tx, ctx, input);
    const dueChanged = (dueAt?.getTime() ?? null) !== (target.dueAt?.getTime() ?? null);
    const reminderMinutes = input.reminderMinutes !== undefined ? input.reminderMinutes : target.reminderMinutes;
    const remindAt = remindAtFor(dueAt, reminderMinutes);
    const remindChanged = (remindAt?.getTime() ?? null) !== (target.remindAt?.getTime() ?? null);
    const patch = { title: input.title, description: input.description, customerId: input.customerId, priority: input.priority, reminderMinutes };
    const [row] = await tx
      .update(tasks)
      .set({
        ...patch,
        searchText: searchText([input.title, input.description]),
        dueAt,
        remindAt,
        // A new reminder time (a new due time or lead) is a new occasion for the reminder.
        ...(remindChanged ? { remindedAt: null } : {}),
        version: target.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(tasks.businessId, ctx.businessId), eq(tasks.id, input.id), eq(tasks.version, input.version)))
      .returning({ version: tasks.version });
    if (!row) throw new AppError('CONFLICT', 'tasks.errors.stale');
    const current = await tx.select({ id: taskAssignees.personnelId }).from(taskAssignees).where(and(eq(taskAssignees.businessId, ctx.businessId), eq(taskAssignees.taskId, input.id)));
    const wanted = new Set(input.assigneeIds);
    const had = new Set(current.map((r) => r.id));
    const removed = [...had].filter((id) => !wanted.has(id));
    const added = [...wanted].filter((id) => !had.has(id));
    if (removed.length) await tx.delete(taskAssignees).where(and(eq(taskAssignees.businessId, ctx.businessId), eq(taskAssignees.taskId, input.id), inArray(taskAssignees.personnelId, removed)));
    if (added.length) await tx.insert(taskAssignees).values(added.map((personnelId) => ({ businessId: ctx.businessId, taskId: input.id, personnelId })));
    const changed = changedKeys(target as Record<string, unknown>, patch);
    if (dueChanged) changed.push('dueAt');
    if (removed.length || added.length) changed.push('assigneeIds');
    await emitChange(tx, ctx, { action: 'update', entityType: 'task', entityId: input.id, changedFields: changed });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'task.updated', id: input.id, actorUserId: ctx.userId });
    return row;
  });
}

export async function deleteTask(db: Executor, ctx: Ctx, id: string): Promise<{ title: string; projectId: string | null }> {
  taskScope(ctx, 'delete');
  return db.transaction(async (tx) => {
    const target = await lockTask(tx, ctx, id, 'delete');
    await tx.delete(tasks).where(and(eq(tasks.businessId, ctx.businessId), eq(tasks.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'task', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'task.deleted', id, actorUserId: ctx.userId });
    return { title: target.title, projectId: target.projectId };
  });
}

export type MoveResult = { statusId: string; position: string; moveVersion: number; category: string; from: { statusId: string | null; beforeId: string | null } };

/**
 * Moves a card to a column, between two cards. Under a lock on the target column the server reads
 * the real neighbours: the card named as `beforeId` (the one above) and whatever now follows it,
 * or the card named as `afterId` and whatever now precedes it. Two moves into the same gap thus
 * get different keys, the second landing after the first. Only the board fields change (never
 * `version`), so a move never conflicts with an edit of the card's content.
 */
export async function moveTask(db: Executor, ctx: Ctx, input: z.output<typeof moveTaskSchema>): Promise<MoveResult> {
  taskScope(ctx, 'update');
  return db.transaction(async (tx) => {
    const [peek] = await tx.select({ projectId: tasks.projectId }).from(tasks).where(and(taskScope(ctx, 'update'), eq(tasks.id, input.id)));
    if (!peek) throw new AppError('NOT_FOUND');
    const status = await lockStatus(tx, ctx.businessId, input.statusId);
    if (!status || status.projectId !== peek.projectId) throw new AppError('VALIDATION', 'errors.VALIDATION', { statusId: 'invalid' });
    const task = await lockTask(tx, ctx, input.id, 'update');
    if (task.statusId !== status.id && status.wipLimit !== null && (await countInStatus(tx, ctx.businessId, status.id, task.id)) >= status.wipLimit) {
      throw new AppError('CONFLICT', 'tasks.errors.wipFull');
    }
    // Where the card was, so the board can undo the move.
    const [previous] = task.statusId
      ? await tx
          .select({ id: tasks.id })
          .from(tasks)
          .where(and(eq(tasks.businessId, ctx.businessId), eq(tasks.statusId, task.statusId), lt(tasks.position, task.position), ne(tasks.id, task.id)))
          .orderBy(desc(tasks.position))
          .limit(1)
      : [];
    const neighbour = async (id: string | null) => {
      if (!id || id === task.id) return null;
      const [row] = await tx
        .select({ position: tasks.position })
        .from(tasks)
        .where(and(eq(tasks.businessId, ctx.businessId), eq(tasks.id, id), eq(tasks.statusId, status.id)));
      return row ?? null;
    };
    const inColumn = and(eq(tasks.businessId, ctx.businessId), eq(tasks.statusId, status.id), ne(tasks.id, task.id));
    let low: string | null = null;
    let high: string | null = null;
    const before = await neighbour(input.beforeId);
    const after = before ? null : await neighbour(input.afterId);
    if (before) {
      low = before.position;
      const [next] = await tx.select({ position: tasks.position }).from(tasks).where(and(inColumn, gt(tasks.position, low))).orderBy(asc(tasks.position)).limit(1);
      high = next?.position ?? null;
    } else if (after) {
      high = after.position;
      const [prev] = await tx.select({ position: tasks.position }).from(tasks).where(and(inColumn, lt(tasks.position, high))).orderBy(desc(tasks.position)).limit(1);
      low = prev?.position ?? null;
    } else if (input.beforeId || !input.afterId) {
      // No usable neighbour (gone, or none given): the end of the column.
      const [last] = await tx.select({ position: tasks.position }).from(tasks).where(inColumn).orderBy(desc(tasks.position)).limit(1);
      low = last?.position ?? null;
    } else {
      const [first] = await tx.select({ position: tasks.position }).from(tasks).where(inColumn).orderBy(asc(tasks.position)).limit(1);
      high = first?.position ?? null;
    }
    const position = keyBetween(low, high);
    const entersDone = status.category === 'done';
    const [row] = await tx
      .update(tasks)
      .set({
        statusId: status.id,
        category: status.category,
        position,
        moveVersion: task.moveVersion + 1,
        completedAt: entersDone ? (task.completedAt ?? sql`now()`) : null,
      })
      .where(and(eq(tasks.businessId, ctx.businessId), eq(tasks.id, task.id)))
      .returning({ moveVersion: tasks.moveVersion });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'task.moved', id: task.id, actorUserId: ctx.userId });
    return {
      statusId: status.id,
      position,
      moveVersion: row!.moveVersion,
      category: status.category,
      from: { statusId: task.statusId, beforeId: previous?.id ?? null },
    };
  });
}

/**
 * The done toggle of "my tasks": a project task moves to the end of its project's first done (or
 * first open) column, a task on its own only changes category. Like a move, it leaves `version`.
 */
export async function setTaskDone(db: Executor, ctx: Ctx, input: { id: string; done: boolean }): Promise<{ title: string }> {
  taskScope(ctx, 'update');
  const [task] = await db.select({ projectId: tasks.projectId, title: tasks.title }).from(tasks).where(and(taskScope(ctx, 'update'), eq(tasks.id, input.id)));
  if (!task) throw new AppError('NOT_FOUND');
  if (task.projectId) {
    const [target] = await db
      .select({ id: taskStatuses.id })
      .from(taskStatuses)
      .where(
        and(
          eq(taskStatuses.businessId, ctx.businessId),
          eq(taskStatuses.projectId, task.projectId),
          input.done ? eq(taskStatuses.category, 'done') : ne(taskStatuses.category, 'done'),
        ),
      )
      .orderBy(asc(taskStatuses.position))
      .limit(1);
    if (!target) throw new AppError('CONFLICT', 'tasks.errors.noDoneStatus');
    await moveTask(db, ctx, { id: input.id, statusId: target.id, beforeId: null, afterId: null });
    return { title: task.title };
  }
  await db.transaction(async (tx) => {
    const locked = await lockTask(tx, ctx, input.id, 'update');
    await tx
      .update(tasks)
      .set({
        category: input.done ? 'done' : 'todo',
        completedAt: input.done ? (locked.completedAt ?? sql`now()`) : null,
        moveVersion: locked.moveVersion + 1,
      })
      .where(and(eq(tasks.businessId, ctx.businessId), eq(tasks.id, input.id)));
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'task.moved', id: input.id, actorUserId: ctx.userId });
  });
  return { title: task.title };
}

// The checklist and comments are rows of their own: changing them leaves the task's version alone.

export async function addChecklistItem(db: Executor, ctx: Ctx, input: { taskId: string; text: string }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await lockTask(tx, ctx, input.taskId, 'update');
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${taskChecklistItems.position}), -1)::int` })
      .from(taskChecklistItems)
      .where(and(eq(taskChecklistItems.businessId, ctx.businessId), eq(taskChecklistItems.taskId, input.taskId)));
    const id = newId();
    await tx.insert(taskChecklistItems).values({ businessId: ctx.businessId, id, taskId: input.taskId, text: input.text, position: (last?.max ?? -1) + 1 });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'task.updated', id: input.taskId, actorUserId: ctx.userId });
    return { id };
  });
}

async function checklistTask(tx: Transaction, ctx: Ctx, itemId: string): Promise<string> {
  const [item] = await tx.select({ taskId: taskChecklistItems.taskId }).from(taskChecklistItems).where(and(eq(taskChecklistItems.businessId, ctx.businessId), eq(taskChecklistItems.id, itemId)));
  if (!item) throw new AppError('NOT_FOUND');
  await lockTask(tx, ctx, item.taskId, 'update');
  return item.taskId;
}

export async function toggleChecklistItem(db: Executor, ctx: Ctx, input: { id: string; done: boolean }): Promise<void> {
  await db.transaction(async (tx) => {
    const taskId = await checklistTask(tx, ctx, input.id);
    await tx.update(taskChecklistItems).set({ done: input.done }).where(and(eq(taskChecklistItems.businessId, ctx.businessId), eq(taskChecklistItems.id, input.id)));
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'task.updated', id: taskId, actorUserId: ctx.userId });
  });
}

export async function removeChecklistItem(db: Executor, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const taskId = await checklistTask(tx, ctx, id);
    await tx.delete(taskChecklistItems).where(and(eq(taskChecklistItems.businessId, ctx.businessId), eq(taskChecklistItems.id, id)));
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'task.updated', id: taskId, actorUserId: ctx.userId });
  });
}

/**
 * A comment on a task the caller can see. Each person @mentioned (of this business, active, with a
 * login, not the author) gets one in-app notice, keyed on the comment and the person: the
 * notifications module makes it from the comment's event, in this transaction.
 */
export async function addComment(db: Executor, ctx: Ctx, input: { taskId: string; body: string }): Promise<{ id: string; mentioned: number }> {
  // Commenting is taking part: the roles that may create tasks, on a task they can read.
  taskScope(ctx, 'create');
  return db.transaction(async (tx) => {
    const [task] = await tx.select({ id: tasks.id }).from(tasks).where(and(taskScope(ctx, 'read'), eq(tasks.id, input.taskId)));
    if (!task) throw new AppError('NOT_FOUND');
    const id = newId();
    await tx.insert(taskComments).values({ businessId: ctx.businessId, id, taskId: task.id, authorId: ctx.personnelId, body: input.body });
    const ids = mentionedIds(input.body).filter((p) => p !== ctx.personnelId);
    const people =
      ids.length > 0
        ? await tx
            .select({ id: personnel.id, userId: personnel.userId })
            .from(personnel)
            .where(and(eq(personnel.businessId, ctx.businessId), inArray(personnel.id, ids), eq(personnel.active, true)))
        : [];
    const mentionedPersonnelIds = people.filter((p) => p.userId).map((p) => p.id);
    // Comments keep no audit entries: the event only carries the mentions to their notices.
    await emitChange(tx, ctx, { action: 'create', entityType: 'task_comment', entityId: id, meta: { taskId: task.id }, refs: { mentionedPersonnelIds }, unaudited: true });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'task.updated', id: task.id, actorUserId: ctx.userId });
    return { id, mentioned: mentionedPersonnelIds.length };
  });
}

/**
 * Marks tasks as reminded at their current reminder time (the due-task notifier's pass, which
 * holds their rows locked); a new due time or lead clears the mark (see updateTask).
 */
export async function markTasksReminded(tx: Transaction, businessId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(tasks).set({ remindedAt: sql`now()` }).where(and(eq(tasks.businessId, businessId), inArray(tasks.id, [...ids])));
}
