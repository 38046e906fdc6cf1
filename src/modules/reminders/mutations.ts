import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { customers, personnel, reminderOccurrences, reminders } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { publishEvent } from '@/server/events/publish';
import { AppError, type FieldErrors } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { changedKeys } from '@/lib/changes';
import { emitChange } from '@/server/events/domain';
import { instantToWallClock, resolveDueAt } from '@/lib/dates';
import { nextDueAfterDone } from './dates';
import { reminderScope } from './queries';
import type { createReminderSchema, updateReminderSchema } from './schemas';

type Fields = z.output<typeof createReminderSchema>;

/** The due instant of the input, read in the business's zone when it carries no offset. */
function dueInstant(value: string, timeZone: string): Date {
  const dueAt = resolveDueAt(value, timeZone);
  if (!dueAt) throw new AppError('VALIDATION', 'errors.VALIDATION', { dueAt: 'invalid' });
  return dueAt;
}

/**
 * The customer and the assignee must be rows of this business. The composite foreign keys would
 * refuse another business's ids too, but as a database error; this says which field is wrong.
 */
async function checkReferences(tx: Executor, ctx: Ctx, input: Pick<Fields, 'customerId' | 'assigneeId'>): Promise<void> {
  const fields: FieldErrors = {};
  if (input.customerId) {
    const [row] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, input.customerId)));
    if (!row) fields.customerId = 'invalid';
  }
  if (input.assigneeId) {
    const [row] = await tx
      .select({ id: personnel.id })
      .from(personnel)
      .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.id, input.assigneeId)));
    if (!row) fields.assigneeId = 'invalid';
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', fields);
}

/** A monthly reminder remembers the day it was set for, so a clipped month does not move it for good. */
function anchorDayOf(repeat: Fields['repeat'], dueAt: Date, timeZone: string): number | null {
  return repeat === 'monthly' ? instantToWallClock(dueAt, timeZone).day : null;
}

export async function createReminder(db: Executor, ctx: Ctx, input: Fields): Promise<{ id: string; dueAt: Date }> {
  reminderScope(ctx, 'create');
  const id = newId();
  return db.transaction(async (tx) => {
    const timeZone = ctx.timeZone;
    const dueAt = dueInstant(input.dueAt, timeZone);
    await checkReferences(tx, ctx, input);
    await tx.insert(reminders).values({
      businessId: ctx.businessId,
      id,
      title: input.title,
      dueAt,
      customerId: input.customerId,
      assigneeId: input.assigneeId,
      note: input.note,
      repeat: input.repeat,
      anchorDay: anchorDayOf(input.repeat, dueAt, timeZone),
      createdById: ctx.personnelId,
    });
    await emitChange(tx, ctx, { action: 'create', entityType: 'reminder', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'reminder.created', id, actorUserId: ctx.userId });
    return { id, dueAt };
  });
}

/** The reminder locked for a change, within the caller's scope for that action, or NOT_FOUND. */
async function lockReminder(tx: Transaction, ctx: Ctx, id: string, action: 'update' | 'delete') {
  const [row] = await tx
    .select()
    .from(reminders)
    .where(and(reminderScope(ctx, action), eq(reminders.id, id)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateReminder(
  db: Executor,
  ctx: Ctx,
  input: z.output<typeof updateReminderSchema>,
): Promise<{ version: number }> {
  reminderScope(ctx, 'update');
  return db.transaction(async (tx) => {
    const target = await lockReminder(tx, ctx, input.id, 'update');
    if (target.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
    const timeZone = ctx.timeZone;
    const dueAt = dueInstant(input.dueAt, timeZone);
    await checkReferences(tx, ctx, input);
    const dueChanged = dueAt.getTime() !== target.dueAt.getTime();
    const anchorDay =
      input.repeat !== 'monthly' ? null : dueChanged || target.repeat !== 'monthly' || target.anchorDay === null ? anchorDayOf('monthly', dueAt, timeZone) : target.anchorDay;
    const patch = {
      title: input.title,
      dueAt,
      customerId: input.customerId,
      assigneeId: input.assigneeId,
      note: input.note,
      repeat: input.repeat,
      anchorDay,
    };
    const [row] = await tx
      .update(reminders)
      .set({
        ...patch,
        // A new due date is a new occasion to notify about.
        ...(dueChanged ? { notifiedAt: null } : {}),
        version: input.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(reminders.businessId, ctx.businessId), eq(reminders.id, input.id), eq(reminders.version, input.version)))
      .returning({ version: reminders.version });
    if (!row) throw new AppError('CONFLICT', 'errors.STALE');
    const changed = changedKeys({ ...target, dueAt: target.dueAt.getTime() } as Record<string, unknown>, { ...patch, dueAt: dueAt.getTime() });
    await emitChange(tx, ctx, { action: 'update', entityType: 'reminder', entityId: input.id, changedFields: changed });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'reminder.updated', id: input.id, actorUserId: ctx.userId });
    return row;
  });
}

export async function deleteReminder(db: Executor, ctx: Ctx, id: string): Promise<{ title: string }> {
  reminderScope(ctx, 'delete');
  return db.transaction(async (tx) => {
    const target = await lockReminder(tx, ctx, id, 'delete');
    // Its notifications would link to a page that no longer exists: the notifications module
    // removes them on this event, in this transaction.
    await tx.delete(reminders).where(and(eq(reminders.businessId, ctx.businessId), eq(reminders.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'reminder', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'reminder.deleted', id, actorUserId: ctx.userId });
    return { title: target.title };
  });
}

/**
 * Marks the current occurrence done and records it in the history. A repeating reminder stays
 * open and moves to its next date (and will be notified about again); a one-off one is closed.
 */
export async function markReminderDone(
  db: Executor,
  ctx: Ctx,
  input: { id: string; version?: number },
  now = new Date(),
): Promise<{ version: number; nextDueAt: Date | null; title: string }> {
  reminderScope(ctx, 'update');
  return db.transaction(async (tx) => {
    const target = await lockReminder(tx, ctx, input.id, 'update');
    if (input.version !== undefined && target.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
    if (target.doneAt) throw new AppError('CONFLICT', 'reminders.errors.alreadyDone');
    // Millisecond times from the app clock: list cursors compare them exactly (see queries.ts).
    const doneAt = new Date(now.getTime());
    await tx.insert(reminderOccurrences).values({
      businessId: ctx.businessId,
      id: newId(),
      reminderId: target.id,
      dueAt: target.dueAt,
      doneAt,
      doneById: ctx.personnelId,
    });
    const timeZone = ctx.timeZone;
    const nextDueAt = nextDueAfterDone(target.dueAt, target.repeat, timeZone, target.anchorDay, now);
    const [row] = await tx
      .update(reminders)
      .set({
        ...(nextDueAt ? { dueAt: nextDueAt, notifiedAt: null } : { doneAt }),
        version: target.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(reminders.businessId, ctx.businessId), eq(reminders.id, target.id)))
      .returning({ version: reminders.version });
    await emitChange(tx, ctx, {
      action: 'update',
      entityType: 'reminder',
      entityId: target.id,
      changedFields: nextDueAt ? ['dueAt'] : ['doneAt'],
      meta: { done: true },
    });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'reminder.updated', id: target.id, actorUserId: ctx.userId });
    return { version: row!.version, nextDueAt, title: target.title };
  });
}

/**
 * Marks reminders as notified of their current due date (the reminder notifier's pass, which holds
 * their rows locked); a new due date clears the mark.
 */
export async function markRemindersNotified(tx: Transaction, businessId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(reminders)
    .set({ notifiedAt: sql`now()` })
    .where(and(eq(reminders.businessId, businessId), inArray(reminders.id, [...ids])));
}
