import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, asc, desc, eq, gt, gte, ilike, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { customers, personnel, reminderOccurrences, reminders, REMINDER_REPEATS as DB_REPEATS } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { scopeFor, type Action } from '@/lib/permissions';
import { foldTurkish } from '@/lib/text';
import { startOfTomorrow } from '@/lib/dates';
import { REMINDER_REPEATS, type ReminderRepeat } from './dates';
import type { ReminderView } from './schemas';
import { decodeInstantCursor, encodeInstantCursor } from '@/lib/cursors';

// The client-safe list of repeats must be the database enum's.
const _sameRepeats: readonly ReminderRepeat[] = DB_REPEATS satisfies typeof REMINDER_REPEATS;
void _sameRepeats;

export type ReminderRecord = {
  id: string;
  title: string;
  dueAt: Date;
  note: string | null;
  repeat: ReminderRepeat;
  anchorDay: number | null;
  doneAt: Date | null;
  notifiedAt: Date | null;
  customer: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  createdBy: { id: string; name: string } | null;
  /** Assigned to or created by the caller: what "own" means for reminders. */
  mine: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const assignee = alias(personnel, 'assignee');
const creator = alias(personnel, 'creator');

const columns = {
  id: reminders.id,
  title: reminders.title,
  dueAt: reminders.dueAt,
  note: reminders.note,
  repeat: reminders.repeat,
  anchorDay: reminders.anchorDay,
  doneAt: reminders.doneAt,
  notifiedAt: reminders.notifiedAt,
  customerId: reminders.customerId,
  customerName: customers.name,
  assigneeId: reminders.assigneeId,
  assigneeName: assignee.name,
  createdById: reminders.createdById,
  createdByName: creator.name,
  version: reminders.version,
  createdAt: reminders.createdAt,
  updatedAt: reminders.updatedAt,
};

type Row = {
  id: string;
  title: string;
  dueAt: Date;
  note: string | null;
  repeat: ReminderRepeat;
  anchorDay: number | null;
  doneAt: Date | null;
  notifiedAt: Date | null;
  customerId: string | null;
  customerName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  createdById: string | null;
  createdByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

function toRecord(ctx: Ctx, r: Row): ReminderRecord {
  return {
    id: r.id,
    title: r.title,
    dueAt: r.dueAt,
    note: r.note,
    repeat: r.repeat,
    anchorDay: r.anchorDay,
    doneAt: r.doneAt,
    notifiedAt: r.notifiedAt,
    customer: r.customerId ? { id: r.customerId, name: r.customerName ?? '' } : null,
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
    createdBy: r.createdById ? { id: r.createdById, name: r.createdByName ?? '' } : null,
    mine: r.assigneeId === ctx.personnelId || r.createdById === ctx.personnelId,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * The rows the caller may touch for an action, as a where clause: every reminder of the business,
 * or (lower-case letters in the permission table) only those assigned to or created by them.
 * Throws FORBIDDEN when the role may not do it at all.
 */
export function reminderScope(ctx: Ctx, action: Action): SQL {
  const scope = scopeFor(ctx, 'reminders', action);
  if (!scope) throw new AppError('FORBIDDEN');
  const business = eq(reminders.businessId, ctx.businessId);
  if (scope === 'all') return business;
  return and(business, or(eq(reminders.assigneeId, ctx.personnelId), eq(reminders.createdById, ctx.personnelId)))!;
}

function selectReminders(db: Executor) {
  return db
    .select(columns)
    .from(reminders)
    .leftJoin(customers, and(eq(customers.businessId, reminders.businessId), eq(customers.id, reminders.customerId)))
    .leftJoin(assignee, and(eq(assignee.businessId, reminders.businessId), eq(assignee.id, reminders.assigneeId)))
    .leftJoin(creator, and(eq(creator.businessId, reminders.businessId), eq(creator.id, reminders.createdById)));
}

export type FindRemindersArgs = {
  view?: ReminderView;
  customerId?: string;
  assigneeId?: string;
  cursor?: string;
  limit?: number;
  /** The clock the views are cut by; the database's own would do, a parameter keeps tests exact. */
  now?: Date;
};

/**
 * One page of reminders in a view, with a keyset cursor: open ones by due date (overdue, later
 * today, from tomorrow on, or all open), done ones most recently done first.
 */
export const findReminders = defineQuery('findReminders', ['reminders', 'read'], async function findReminders(
  db: Executor,
  ctx: Ctx,
  args: FindRemindersArgs = {},
): Promise<{ data: ReminderRecord[]; nextCursor: string | null }> {
  const limit = args.limit ?? 50;
  const view = args.view ?? 'open';
  const now = args.now ?? new Date();
  const filters: (SQL | undefined)[] = [reminderScope(ctx, 'read')];
  if (args.customerId) filters.push(eq(reminders.customerId, args.customerId));
  if (args.assigneeId) filters.push(eq(reminders.assigneeId, args.assigneeId));
  const done = view === 'done';
  if (done) filters.push(isNotNull(reminders.doneAt));
  else filters.push(isNull(reminders.doneAt));
  if (view === 'overdue') filters.push(lt(reminders.dueAt, now));
  if (view === 'today' || view === 'upcoming') {
    const tomorrow = startOfTomorrow(now, ctx.timeZone);
    filters.push(view === 'today' ? and(gte(reminders.dueAt, now), lt(reminders.dueAt, tomorrow)) : gte(reminders.dueAt, tomorrow));
  }
  // The cursor's millisecond ISO time compares exactly: the app writes due and done times, never
  // the database's microsecond clock.
  const after = decodeInstantCursor(args.cursor);
  if (after) {
    filters.push(
      done
        ? or(lt(reminders.doneAt, after.at), and(eq(reminders.doneAt, after.at), lt(reminders.id, after.id)))
        : or(gt(reminders.dueAt, after.at), and(eq(reminders.dueAt, after.at), gt(reminders.id, after.id))),
    );
  }
  const rows = await selectReminders(db)
    .where(and(...filters))
    .orderBy(...(done ? [desc(reminders.doneAt), desc(reminders.id)] : [asc(reminders.dueAt), asc(reminders.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => toRecord(ctx, r as Row));
  const last = page[page.length - 1];
  return { data: page, nextCursor: rows.length > limit && last ? encodeInstantCursor(done ? last.doneAt! : last.dueAt, last.id) : null };
});

/** How many open reminders each view holds, for the tabs; bounded by the same scope. */
export const countReminderViews = defineQuery('countReminderViews', ['reminders', 'read'], async function countReminderViews(db: Executor, ctx: Ctx, now: Date = new Date()): Promise<Record<'overdue' | 'today' | 'upcoming', number>> {
  const tomorrow = startOfTomorrow(now, ctx.timeZone);
  const [row] = await db
    .select({
      overdue: sql<number>`count(*) filter (where ${reminders.dueAt} < ${now})::int`,
      today: sql<number>`count(*) filter (where ${reminders.dueAt} >= ${now} and ${reminders.dueAt} < ${tomorrow})::int`,
      upcoming: sql<number>`count(*) filter (where ${reminders.dueAt} >= ${tomorrow})::int`,
    })
    .from(reminders)
    .where(and(reminderScope(ctx, 'read'), isNull(reminders.doneAt)));
  return row ?? { overdue: 0, today: 0, upcoming: 0 };
});

export const getReminder = defineQuery('getReminder', ['reminders', 'read'], async function getReminder(db: Executor, ctx: Ctx, id: string): Promise<ReminderRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await selectReminders(db).where(and(reminderScope(ctx, 'read'), eq(reminders.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return toRecord(ctx, row as Row);
});

export type ReminderOccurrence = { id: string; dueAt: Date; doneAt: Date; doneBy: { id: string; name: string } | null };

/** The done occurrences of a reminder, latest first (bounded: a daily reminder grows by one a day). */
export const findReminderOccurrences = defineQuery('findReminderOccurrences', ['reminders', 'read'], async function findReminderOccurrences(db: Executor, ctx: Ctx, reminderId: string, limit: number = 50): Promise<ReminderOccurrence[]> {
  // Reading the reminder first applies its scope to the history as well.
  await getReminder(db, ctx, reminderId);
  const rows = await db
    .select({ id: reminderOccurrences.id, dueAt: reminderOccurrences.dueAt, doneAt: reminderOccurrences.doneAt, doneById: reminderOccurrences.doneById, doneByName: personnel.name })
    .from(reminderOccurrences)
    .leftJoin(personnel, and(eq(personnel.businessId, reminderOccurrences.businessId), eq(personnel.id, reminderOccurrences.doneById)))
    .where(and(eq(reminderOccurrences.businessId, ctx.businessId), eq(reminderOccurrences.reminderId, reminderId)))
    .orderBy(desc(reminderOccurrences.doneAt), desc(reminderOccurrences.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, dueAt: r.dueAt, doneAt: r.doneAt, doneBy: r.doneById ? { id: r.doneById, name: r.doneByName ?? '' } : null }));
});

export type CustomerOption = { id: string; name: string };

/**
 * Customers for the reminder form's picker: the folded search key matched with ILIKE (the trigram
 * index serves it), so "sirket" finds "ŞİRKET".
 */
export const searchCustomerOptions = defineQuery('searchCustomerOptions', ['customers', 'read'], async function searchCustomerOptions(db: Executor, ctx: Ctx, search: string, limit: number = 20): Promise<CustomerOption[]> {
  const folded = foldTurkish(search.replaceAll('\u0000', '')).trim();
  const filters: SQL[] = [eq(customers.businessId, ctx.businessId)];
  if (folded) filters.push(ilike(customers.searchText, `%${folded.replace(/[\\%_]/g, (c) => '\\' + c)}%`));
  return db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(...filters))
    .orderBy(asc(customers.sortName), asc(customers.id))
    .limit(limit);
});

export const getCustomerOption = defineQuery('getCustomerOption', ['customers', 'read'], async function getCustomerOption(db: Executor, ctx: Ctx, id: string): Promise<CustomerOption | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, id)));
  return row ?? null;
});
