import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { customers, personnel, projects, taskAssignees, taskChecklistItems, taskComments, taskStatuses, tasks } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { scopeFor, type Action } from '@/lib/permissions';
import { projectScope, projectVisible } from '@/modules/projects';
import { containsPatterns } from '@/lib/search';
import { dayRange, decodeSortCursor, keysetAfter, keysetOrder, keysetPage, sortValueColumn, type SortDir, type SortKey } from '@/server/db/keyset';
import { TASK_PRIORITIES, type TaskCategory, type TaskFilter, type TaskPriority, type TaskSort } from './schemas';

/** Assigned to or created by the person: what "own" means for tasks. */
export function isOwnTask(personnelId: string): SQL {
  return or(
    eq(tasks.createdById, personnelId),
    sql`exists (select 1 from ${taskAssignees} ta where ta.business_id = ${tasks.businessId} and ta.task_id = ${tasks.id} and ta.personnel_id = ${personnelId})`,
  )!;
}

/** The tasks the caller may touch for an action, as a where clause; FORBIDDEN when none. */
export function taskScope(ctx: Ctx, action: Action): SQL {
  const scope = scopeFor(ctx, 'tasks', action);
  if (!scope) throw new AppError('FORBIDDEN');
  const business = eq(tasks.businessId, ctx.businessId);
  if (scope === 'all') return business;
  return and(business, isOwnTask(ctx.personnelId))!;
}

export type TaskCard = {
  id: string;
  title: string;
  statusId: string | null;
  category: TaskCategory;
  position: string;
  priority: TaskPriority;
  dueAt: Date | null;
  /** Minutes before `dueAt` that the assignees are reminded; null: no reminder. */
  reminderMinutes: number | null;
  completedAt: Date | null;
  assignees: { id: string; name: string }[];
  checklist: { done: number; total: number };
  comments: number;
  customer: { id: string; name: string } | null;
  project: { id: string; name: string } | null;
  mine: boolean;
  version: number;
  moveVersion: number;
};

const cardColumns = {
  id: tasks.id,
  title: tasks.title,
  statusId: tasks.statusId,
  category: tasks.category,
  position: tasks.position,
  priority: tasks.priority,
  dueAt: tasks.dueAt,
  reminderMinutes: tasks.reminderMinutes,
  completedAt: tasks.completedAt,
  customerId: tasks.customerId,
  customerName: customers.name,
  projectId: tasks.projectId,
  projectName: projects.name,
  createdById: tasks.createdById,
  version: tasks.version,
  moveVersion: tasks.moveVersion,
  checklistDone: sql<number>`(select count(*) filter (where c.done)::int from ${taskChecklistItems} c where c.business_id = ${tasks.businessId} and c.task_id = ${tasks.id})`,
  checklistTotal: sql<number>`(select count(*)::int from ${taskChecklistItems} c where c.business_id = ${tasks.businessId} and c.task_id = ${tasks.id})`,
  comments: sql<number>`(select count(*)::int from ${taskComments} c where c.business_id = ${tasks.businessId} and c.task_id = ${tasks.id})`,
};

type CardRow = {
  id: string;
  title: string;
  statusId: string | null;
  category: TaskCategory;
  position: string;
  priority: TaskPriority;
  dueAt: Date | null;
  reminderMinutes: number | null;
  completedAt: Date | null;
  customerId: string | null;
  customerName: string | null;
  projectId: string | null;
  projectName: string | null;
  createdById: string | null;
  version: number;
  moveVersion: number;
  checklistDone: number;
  checklistTotal: number;
  comments: number;
};

function selectCards(db: Executor) {
  return db
    .select(cardColumns)
    .from(tasks)
    .leftJoin(customers, and(eq(customers.businessId, tasks.businessId), eq(customers.id, tasks.customerId)))
    .leftJoin(projects, and(eq(projects.businessId, tasks.businessId), eq(projects.id, tasks.projectId)));
}

async function withAssignees(db: Executor, ctx: Ctx, rows: CardRow[]): Promise<TaskCard[]> {
  const ids = rows.map((r) => r.id);
  const people = ids.length
    ? await db
        .select({ taskId: taskAssignees.taskId, id: personnel.id, name: personnel.name })
        .from(taskAssignees)
        .innerJoin(personnel, and(eq(personnel.businessId, taskAssignees.businessId), eq(personnel.id, taskAssignees.personnelId)))
        .where(and(eq(taskAssignees.businessId, ctx.businessId), inArray(taskAssignees.taskId, ids)))
        .orderBy(asc(personnel.name))
    : [];
  const byTask = new Map<string, { id: string; name: string }[]>();
  for (const p of people) {
    const list = byTask.get(p.taskId) ?? [];
    list.push({ id: p.id, name: p.name });
    byTask.set(p.taskId, list);
  }
  return rows.map((r) => {
    const assignees = byTask.get(r.id) ?? [];
    return {
      id: r.id,
      title: r.title,
      statusId: r.statusId,
      category: r.category,
      position: r.position,
      priority: r.priority,
      dueAt: r.dueAt,
      reminderMinutes: r.reminderMinutes,
      completedAt: r.completedAt,
      assignees,
      checklist: { done: r.checklistDone, total: r.checklistTotal },
      comments: r.comments,
      customer: r.customerId ? { id: r.customerId, name: r.customerName ?? '' } : null,
      project: r.projectId ? { id: r.projectId, name: r.projectName ?? '' } : null,
      mine: r.createdById === ctx.personnelId || assignees.some((a) => a.id === ctx.personnelId),
      version: r.version,
      moveVersion: r.moveVersion,
    };
  });
}

/** The cards of a project's board in column order (the board index serves it). */
export const findBoardTasks = defineQuery('findBoardTasks', ['tasks', 'read'], async function findBoardTasks(db: Executor, ctx: Ctx, projectId: string): Promise<TaskCard[]> {
  if (!isUuid(projectId) || !(await projectVisible(db, ctx, projectId))) throw new AppError('NOT_FOUND');
  const rows = await selectCards(db)
    .where(and(taskScope(ctx, 'read'), eq(tasks.projectId, projectId)))
    .orderBy(asc(tasks.statusId), asc(tasks.position), asc(tasks.id));
  return withAssignees(db, ctx, rows as CardRow[]);
});

function isAssignedTo(personnelId: string): SQL {
  return sql`exists (select 1 from ${taskAssignees} ta where ta.business_id = ${tasks.businessId} and ta.task_id = ${tasks.id} and ta.personnel_id = ${personnelId})`;
}

function taskFilterWhere(ctx: Ctx, filters: TaskFilter): SQL {
  const where: (SQL | undefined)[] = [taskScope(ctx, 'read')];
  const patterns = containsPatterns(filters.search);
  if (patterns.length > 0) where.push(or(...patterns.map((p) => sql`${tasks.searchText} like ${p}`)));
  if (filters.categories?.length) where.push(inArray(tasks.category, filters.categories));
  if (filters.priorities?.length) where.push(inArray(tasks.priority, filters.priorities));
  if (filters.projectId) where.push(eq(tasks.projectId, filters.projectId));
  if (filters.assigneeId) where.push(isAssignedTo(filters.assigneeId));
  where.push(...dayRange(ctx.timeZone, tasks.dueAt, filters.dueFrom, filters.dueTo));
  return and(...where)!;
}

/** The expression of each order. */
const TASK_SORT_KEYS: Record<TaskSort, SortKey> = {
  due: { expr: sql`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)`, kind: 'instant' },
  created: { expr: sql`${tasks.createdAt}`, kind: 'instant' },
  priority: { expr: sql`${tasks.priority}`, kind: { enum: TASK_PRIORITIES, type: 'task_priority' } },
};

export type FindTasksArgs = { filters?: TaskFilter; sort?: TaskSort; dir?: SortDir; cursor?: string; limit?: number };

/** One keyset page of the tasks the caller may see, searched, filtered and sorted (oldest first by default). */
export const findTasks = defineQuery('findTasks', ['tasks', 'read'], async function findTasks(
  db: Executor,
  ctx: Ctx,
  args: FindTasksArgs = {},
): Promise<{ data: TaskCard[]; nextCursor: string | null }> {
  const filters = args.filters ?? {};
  if (filters.projectId && !(await projectVisible(db, ctx, filters.projectId))) return { data: [], nextCursor: null };
  const sort = args.sort && TASK_SORT_KEYS[args.sort] ? args.sort : 'created';
  const dir = args.dir === 'desc' ? 'desc' : 'asc';
  const key = TASK_SORT_KEYS[sort];
  const limit = Math.min(Math.max(args.limit ?? 50, 1), 200);
  const after = decodeSortCursor(args.cursor, sort, dir, key.kind);
  const rows = await db
    .select({ ...cardColumns, sortValue: sortValueColumn(key) })
    .from(tasks)
    .leftJoin(customers, and(eq(customers.businessId, tasks.businessId), eq(customers.id, tasks.customerId)))
    .leftJoin(projects, and(eq(projects.businessId, tasks.businessId), eq(projects.id, tasks.projectId)))
    .where(and(taskFilterWhere(ctx, filters), after ? keysetAfter(key, tasks.id, after) : undefined))
    .orderBy(...keysetOrder(key, tasks.id, dir))
    .limit(limit + 1);
  const page = keysetPage(rows, limit, sort, dir);
  return { data: await withAssignees(db, ctx, page.rows as CardRow[]), nextCursor: page.nextCursor };
});

/** The signed-in person's assigned tasks: open ones by due date, then those done in the last week. */
export const findMyTasks = defineQuery('findMyTasks', ['tasks', 'read'], async function findMyTasks(db: Executor, ctx: Ctx): Promise<TaskCard[]> {
  const rows = await selectCards(db)
    .where(
      and(
        taskScope(ctx, 'read'),
        isAssignedTo(ctx.personnelId),
        or(isNull(tasks.completedAt), sql`${tasks.completedAt} > now() - interval '7 days'`),
      ),
    )
    .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
    .limit(500);
  return withAssignees(db, ctx, rows as CardRow[]);
});

/** Open tasks for a customer's profile or a search; bounded. */
export const findCustomerTasks = defineQuery('findCustomerTasks', ['tasks', 'read'], async function findCustomerTasks(db: Executor, ctx: Ctx, customerId: string): Promise<TaskCard[]> {
  const rows = await selectCards(db)
    .where(and(taskScope(ctx, 'read'), eq(tasks.customerId, customerId)))
    .orderBy(desc(tasks.id))
    .limit(100);
  return withAssignees(db, ctx, rows as CardRow[]);
});

export type TaskRecord = TaskCard & {
  description: string | null;
  status: { id: string; name: string } | null;
  createdBy: { id: string; name: string } | null;
  checklistItems: { id: string; text: string; done: boolean; position: number }[];
  commentList: { id: string; body: string; author: { id: string; name: string } | null; createdAt: Date }[];
  remindedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const getTask = defineQuery('getTask', ['tasks', 'read'], async function getTask(db: Executor, ctx: Ctx, id: string, action: Action = 'read'): Promise<TaskRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await selectCards(db).where(and(taskScope(ctx, action), eq(tasks.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  const [card] = await withAssignees(db, ctx, [row as CardRow]);
  const [[extra], checklistItems, comments] = await Promise.all([
    db
      .select({
        description: tasks.description,
        statusName: taskStatuses.name,
        createdByName: personnel.name,
        remindedAt: tasks.remindedAt,
        createdAt: tasks.createdAt,
        updatedAt: tasks.updatedAt,
      })
      .from(tasks)
      .leftJoin(taskStatuses, and(eq(taskStatuses.businessId, tasks.businessId), eq(taskStatuses.id, tasks.statusId)))
      .leftJoin(personnel, and(eq(personnel.businessId, tasks.businessId), eq(personnel.id, tasks.createdById)))
      .where(and(eq(tasks.businessId, ctx.businessId), eq(tasks.id, id))),
    db
      .select({ id: taskChecklistItems.id, text: taskChecklistItems.text, done: taskChecklistItems.done, position: taskChecklistItems.position })
      .from(taskChecklistItems)
      .where(and(eq(taskChecklistItems.businessId, ctx.businessId), eq(taskChecklistItems.taskId, id)))
      .orderBy(asc(taskChecklistItems.position), asc(taskChecklistItems.id)),
    db
      .select({ id: taskComments.id, body: taskComments.body, authorId: taskComments.authorId, authorName: personnel.name, createdAt: taskComments.createdAt })
      .from(taskComments)
      .leftJoin(personnel, and(eq(personnel.businessId, taskComments.businessId), eq(personnel.id, taskComments.authorId)))
      .where(and(eq(taskComments.businessId, ctx.businessId), eq(taskComments.taskId, id)))
      .orderBy(asc(taskComments.createdAt), asc(taskComments.id))
      .limit(500),
  ]);
  return {
    ...card!,
    description: extra?.description ?? null,
    status: row.statusId ? { id: row.statusId, name: extra?.statusName ?? '' } : null,
    createdBy: row.createdById ? { id: row.createdById, name: extra?.createdByName ?? '' } : null,
    checklistItems,
    commentList: comments.map((c) => ({ id: c.id, body: c.body, author: c.authorId ? { id: c.authorId, name: c.authorName ?? '' } : null, createdAt: c.createdAt })),
    remindedAt: extra?.remindedAt ?? null,
    createdAt: extra?.createdAt ?? new Date(0),
    updatedAt: extra?.updatedAt ?? new Date(0),
  };
});

export type CompletionStats = {
  key: { id: string; name: string } | null;
  total: number;
  done: number;
  /** Done by their due time, out of the done tasks that had one. */
  onTime: number;
  doneWithDue: number;
};

function statColumns() {
  return {
    total: sql<number>`count(*)::int`,
    done: sql<number>`count(*) filter (where ${tasks.completedAt} is not null)::int`,
    onTime: sql<number>`count(*) filter (where ${tasks.completedAt} is not null and ${tasks.dueAt} is not null and ${tasks.completedAt} <= ${tasks.dueAt})::int`,
    doneWithDue: sql<number>`count(*) filter (where ${tasks.completedAt} is not null and ${tasks.dueAt} is not null)::int`,
  };
}

/** Completion and on-time rates per assignee, within the caller's read scope (and a project, if given). */
export const taskStatsByPerson = defineQuery('taskStatsByPerson', ['tasks', 'read'], async function taskStatsByPerson(db: Executor, ctx: Ctx, projectId?: string): Promise<CompletionStats[]> {
  const rows = await db
    .select({ id: personnel.id, name: personnel.name, ...statColumns() })
    .from(tasks)
    .innerJoin(taskAssignees, and(eq(taskAssignees.businessId, tasks.businessId), eq(taskAssignees.taskId, tasks.id)))
    .innerJoin(personnel, and(eq(personnel.businessId, taskAssignees.businessId), eq(personnel.id, taskAssignees.personnelId)))
    .where(and(taskScope(ctx, 'read'), projectId ? eq(tasks.projectId, projectId) : undefined))
    .groupBy(personnel.id, personnel.name)
    .orderBy(asc(personnel.name))
    .limit(200);
  return rows.map((r) => ({ key: { id: r.id, name: r.name }, total: r.total, done: r.done, onTime: r.onTime, doneWithDue: r.doneWithDue }));
});

/** The same per project, over the projects the caller can see. */
export const taskStatsByProject = defineQuery('taskStatsByProject', ['tasks', 'read'], async function taskStatsByProject(db: Executor, ctx: Ctx): Promise<CompletionStats[]> {
  const rows = await db
    .select({ id: projects.id, name: projects.name, ...statColumns() })
    .from(tasks)
    .innerJoin(projects, and(eq(projects.businessId, tasks.businessId), eq(projects.id, tasks.projectId)))
    .where(and(taskScope(ctx, 'read'), projectScope(ctx, 'read'), isNotNull(tasks.projectId)))
    .groupBy(projects.id, projects.name)
    .orderBy(asc(projects.name))
    .limit(200);
  return rows.map((r) => ({ key: { id: r.id, name: r.name }, total: r.total, done: r.done, onTime: r.onTime, doneWithDue: r.doneWithDue }));
});
