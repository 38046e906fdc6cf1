import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { customers, deals, personnel, projectMembers, projects, projectTemplates, taskStatuses, tasks } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { scopeFor, type Action } from '@/lib/permissions';
import { containsPatterns } from '@/lib/search';
import { decodeSortCursor, keysetAfter, keysetOrder, keysetPage, sortValueColumn, type SortDir, type SortKey } from '@/server/db/keyset';
import type { ProjectFilter, ProjectSort, ProjectStatus, TaskStatusCategory, TemplateTask } from './schemas';

/**
 * The projects the caller may touch for an action: all of the business, or ("own") those they
 * own or are a member of. Throws FORBIDDEN when the role may not do it at all.
 */
export function projectScope(ctx: Ctx, action: Action): SQL {
  const scope = scopeFor(ctx, 'projects', action);
  if (!scope) throw new AppError('FORBIDDEN');
  const business = eq(projects.businessId, ctx.businessId);
  if (scope === 'all') return business;
  return and(business, or(eq(projects.ownerId, ctx.personnelId), isProjectMember(ctx.personnelId)))!;
}

function isProjectMember(personnelId: string): SQL {
  return sql`exists (select 1 from ${projectMembers} pm where pm.business_id = ${projects.businessId} and pm.project_id = ${projects.id} and pm.personnel_id = ${personnelId})`;
}

export type Progress = { total: number; done: number; percent: number };

export function progressOf(total: number, done: number): Progress {
  return { total, done, percent: total === 0 ? 0 : Math.round((done / total) * 100) };
}

export type ProjectSummary = {
  id: string;
  name: string;
  status: ProjectStatus;
  customer: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  startDate: string | null;
  endDate: string | null;
  dealId: string | null;
  progress: Progress;
  updatedAt: Date;
};

const progressColumns = {
  total: sql<number>`(select count(*)::int from ${tasks} t where t.business_id = ${projects.businessId} and t.project_id = ${projects.id})`,
  done: sql<number>`(select count(*)::int from ${tasks} t where t.business_id = ${projects.businessId} and t.project_id = ${projects.id} and t.category = 'done')`,
};

/** How many projects the caller may see (any status), for the business page. */
export const countProjects = defineQuery('countProjects', ['projects', 'read'], async function countProjects(db: Executor, ctx: Ctx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(projectScope(ctx, 'read'));
  return row?.n ?? 0;
});

const summaryColumns = {
  id: projects.id,
  name: projects.name,
  status: projects.status,
  customerId: projects.customerId,
  customerName: customers.name,
  ownerId: projects.ownerId,
  ownerName: personnel.name,
  startDate: projects.startDate,
  endDate: projects.endDate,
  dealId: projects.dealId,
  updatedAt: projects.updatedAt,
};

type SummaryRow = {
  id: string;
  name: string;
  status: ProjectStatus;
  customerId: string | null;
  customerName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  startDate: string | null;
  endDate: string | null;
  dealId: string | null;
  updatedAt: Date;
};

function toSummary(r: SummaryRow, counts: { total: number; done: number }): ProjectSummary {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    customer: r.customerId ? { id: r.customerId, name: r.customerName ?? '' } : null,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
    startDate: r.startDate,
    endDate: r.endDate,
    dealId: r.dealId,
    progress: progressOf(counts.total, counts.done),
    updatedAt: r.updatedAt,
  };
}

/**
 * Summaries of a page of projects with their progress, counted in one grouped read of the page's
 * tasks rather than two subqueries a row.
 */
async function summariesOf(db: Executor, businessId: string, rows: SummaryRow[]): Promise<ProjectSummary[]> {
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({ projectId: tasks.projectId, total: sql<number>`count(*)::int`, done: sql<number>`(count(*) filter (where ${tasks.category} = 'done'))::int` })
        .from(tasks)
        .where(and(eq(tasks.businessId, businessId), inArray(tasks.projectId, ids)))
        .groupBy(tasks.projectId)
    : [];
  const byProject = new Map(counts.map((c) => [c.projectId, c]));
  return rows.map((r) => toSummary(r, byProject.get(r.id) ?? { total: 0, done: 0 }));
}

/** Project summaries with the value of an order (for a keyset cursor), or none. */
function selectSummaries(db: Executor, key?: SortKey) {
  return db
    .select({ ...summaryColumns, sortValue: key ? sortValueColumn(key) : sql<string>`''` })
    .from(projects)
    .leftJoin(customers, and(eq(customers.businessId, projects.businessId), eq(customers.id, projects.customerId)))
    .leftJoin(personnel, and(eq(personnel.businessId, projects.businessId), eq(personnel.id, projects.ownerId)));
}

/** Projects with their progress (tasks in a done-category status / all tasks), newest first. */
export const findProjects = defineQuery('findProjects', ['projects', 'read'], async function findProjects(db: Executor, ctx: Ctx, args: { customerId?: string; limit?: number } = {}): Promise<ProjectSummary[]> {
  const filters: SQL[] = [projectScope(ctx, 'read')];
  if (args.customerId) filters.push(eq(projects.customerId, args.customerId));
  const rows = await selectSummaries(db)
    .where(and(...filters))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(args.limit ?? 500);
  return summariesOf(db, ctx.businessId, rows);
});

/**
 * At most this many customers whose name matches a search bring their projects into the result;
 * a search that broad names no one customer, and projects still match by their own name.
 */
const CUSTOMER_MATCHES = 1000;

/** The expression of each order; each has its (business_id, expression, id) index. */
const PROJECT_SORT_KEYS: Record<ProjectSort, SortKey> = {
  name: { expr: sql`${projects.sortName}`, kind: 'text' },
  created: { expr: sql`${projects.createdAt}`, kind: 'instant' },
  due: { expr: sql`coalesce(${projects.endDate}, 'infinity'::date)`, kind: 'date' },
};

function projectFilterWhere(ctx: Ctx, filters: ProjectFilter): SQL {
  const where: (SQL | undefined)[] = [projectScope(ctx, 'read')];
  const patterns = containsPatterns(filters.search);
  if (patterns.length > 0) {
    // The project's own name and description, or its customer's name (through the customers'
    // search column and trigram index; an array, so both sides can use their indexes).
    const own = patterns.map((p) => sql`${projects.searchText} like ${p}`);
    const customerIds = sql`array(select c.id from ${customers} c where c.business_id = ${ctx.businessId}
      and (${sql.join(patterns.map((p) => sql`c.search_text like ${p}`), sql` or `)}) limit ${CUSTOMER_MATCHES})`;
    where.push(or(...own, sql`${projects.customerId} = any(${customerIds})`));
  }
  if (filters.statuses?.length) where.push(inArray(projects.status, filters.statuses));
  if (filters.customerId) where.push(eq(projects.customerId, filters.customerId));
  if (filters.ownerId) where.push(eq(projects.ownerId, filters.ownerId));
  if (filters.dueFrom || filters.dueTo) {
    // On the expression of the "due" order, so that its index reads just the range.
    const due = PROJECT_SORT_KEYS.due.expr;
    where.push(sql`${projects.endDate} is not null`);
    if (filters.dueFrom) where.push(sql`${due} >= ${filters.dueFrom}::date`);
    if (filters.dueTo) where.push(sql`${due} <= ${filters.dueTo}::date`);
  }
  return and(...where)!;
}

export type FindProjectsPageArgs = { filters?: ProjectFilter; sort?: ProjectSort; dir?: SortDir; cursor?: string; limit?: number };

/** One keyset page of the projects the caller may see, searched, filtered and sorted. */
export const findProjectsPage = defineQuery('findProjectsPage', ['projects', 'read'], async function findProjectsPage(
  db: Executor,
  ctx: Ctx,
  args: FindProjectsPageArgs = {},
): Promise<{ data: ProjectSummary[]; nextCursor: string | null }> {
  const sort = args.sort && PROJECT_SORT_KEYS[args.sort] ? args.sort : 'created';
  const dir = args.dir === 'asc' ? 'asc' : args.dir === 'desc' ? 'desc' : sort === 'created' ? 'desc' : 'asc';
  const key = PROJECT_SORT_KEYS[sort];
  const limit = Math.min(Math.max(args.limit ?? 50, 1), 200);
  const after = decodeSortCursor(args.cursor, sort, dir, key.kind);
  const rows = await selectSummaries(db, key)
    .where(and(projectFilterWhere(ctx, args.filters ?? {}), after ? keysetAfter(key, projects.id, after) : undefined))
    .orderBy(...keysetOrder(key, projects.id, dir))
    .limit(limit + 1);
  const page = keysetPage(rows, limit, sort, dir);
  return { data: await summariesOf(db, ctx.businessId, page.rows), nextCursor: page.nextCursor };
});

export type TaskStatusRecord = {
  id: string;
  name: string;
  category: TaskStatusCategory;
  position: number;
  wipLimit: number | null;
  version: number;
  taskCount: number;
};

export type ProjectRecord = ProjectSummary & {
  description: string | null;
  members: { id: string; name: string }[];
  statuses: TaskStatusRecord[];
  /** The deal this project is for; `wonAt` says when it was won (the win is recorded on this project). */
  deal: { id: string; title: string; wonAt: Date | null } | null;
  /** Owner or member: what "own" means for projects. */
  mine: boolean;
  version: number;
  createdAt: Date;
};

export const getProject = defineQuery('getProject', ['projects', 'read'], async function getProject(db: Executor, ctx: Ctx, id: string, action: Action = 'read'): Promise<ProjectRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select({
      ...summaryColumns,
      ...progressColumns,
      description: projects.description,
      dealTitle: deals.title,
      dealWonAt: deals.wonAt,
      version: projects.version,
      createdAt: projects.createdAt,
    })
    .from(projects)
    .leftJoin(deals, and(eq(deals.businessId, projects.businessId), eq(deals.id, projects.dealId)))
    .leftJoin(customers, and(eq(customers.businessId, projects.businessId), eq(customers.id, projects.customerId)))
    .leftJoin(personnel, and(eq(personnel.businessId, projects.businessId), eq(personnel.id, projects.ownerId)))
    .where(and(projectScope(ctx, action), eq(projects.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  const [members, statuses] = await Promise.all([
    db
      .select({ id: personnel.id, name: personnel.name })
      .from(projectMembers)
      .innerJoin(personnel, and(eq(personnel.businessId, projectMembers.businessId), eq(personnel.id, projectMembers.personnelId)))
      .where(and(eq(projectMembers.businessId, ctx.businessId), eq(projectMembers.projectId, id)))
      .orderBy(asc(personnel.name)),
    findTaskStatuses(db, ctx.businessId, id),
  ]);
  return {
    ...toSummary(row, row),
    description: row.description,
    members,
    statuses,
    deal: row.dealId && row.dealTitle !== null ? { id: row.dealId, title: row.dealTitle, wonAt: row.dealWonAt } : null,
    mine: row.ownerId === ctx.personnelId || members.some((m) => m.id === ctx.personnelId),
    version: row.version,
    createdAt: row.createdAt,
  };
});

/** The columns of a project in order, with how many tasks each holds. */
export async function findTaskStatuses(db: Executor, businessId: string, projectId: string): Promise<TaskStatusRecord[]> {
  return db
    .select({
      id: taskStatuses.id,
      name: taskStatuses.name,
      category: taskStatuses.category,
      position: taskStatuses.position,
      wipLimit: taskStatuses.wipLimit,
      version: taskStatuses.version,
      // Qualified by hand: Drizzle writes a one-table select's columns unqualified, and inside the
      // subquery an unqualified "id" would be the task's own (t.status_id = t.id, always 0).
      taskCount: sql<number>`(select count(*)::int from ${tasks} t where t.business_id = "task_statuses"."business_id" and t.status_id = "task_statuses"."id")`,
    })
    .from(taskStatuses)
    .where(and(eq(taskStatuses.businessId, businessId), eq(taskStatuses.projectId, projectId)))
    .orderBy(asc(taskStatuses.position), asc(taskStatuses.id));
}

/** Whether the caller may see the project at all (used by the task module to scope boards). */
export const projectVisible = defineQuery('projectVisible', ['projects', 'read'], async function projectVisible(db: Executor, ctx: Ctx, projectId: string): Promise<boolean> {
  const [row] = await db.select({ id: projects.id }).from(projects).where(and(projectScope(ctx, 'read'), eq(projects.id, projectId)));
  return Boolean(row);
});

/** A project to choose, with its customer (a new task in it is for that customer unless told otherwise). */
export type ProjectOption = { id: string; name: string; customer: { id: string; name: string } | null };

export const findProjectOptions = defineQuery('findProjectOptions', ['projects', 'read'], async function findProjectOptions(db: Executor, ctx: Ctx): Promise<ProjectOption[]> {
  const rows = await db
    .select({ id: projects.id, name: projects.name, customerId: projects.customerId, customerName: customers.name })
    .from(projects)
    .leftJoin(customers, and(eq(customers.businessId, projects.businessId), eq(customers.id, projects.customerId)))
    .where(and(projectScope(ctx, 'read'), inArray(projects.status, ['planned', 'active', 'on_hold'])))
    .orderBy(asc(projects.name))
    .limit(500);
  return rows.map((r) => ({ id: r.id, name: r.name, customer: r.customerId ? { id: r.customerId, name: r.customerName ?? '' } : null }));
});

export type ProjectTemplateRecord = { id: string; name: string; tasks: TemplateTask[]; version: number; updatedAt: Date };

export const findProjectTemplates = defineQuery('findProjectTemplates', ['pipelines', 'read'], async function findProjectTemplates(db: Executor, ctx: Ctx): Promise<ProjectTemplateRecord[]> {
  const rows = await db
    .select()
    .from(projectTemplates)
    .where(eq(projectTemplates.businessId, ctx.businessId))
    .orderBy(asc(projectTemplates.name));
  return rows.map((r) => ({ id: r.id, name: r.name, tasks: r.tasks as TemplateTask[], version: r.version, updatedAt: r.updatedAt }));
});

export const getProjectTemplate = defineQuery('getProjectTemplate', ['pipelines', 'read'], async function getProjectTemplate(db: Executor, ctx: Ctx, id: string): Promise<ProjectTemplateRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [r] = await db
    .select()
    .from(projectTemplates)
    .where(and(eq(projectTemplates.businessId, ctx.businessId), eq(projectTemplates.id, id)));
  if (!r) throw new AppError('NOT_FOUND');
  return { id: r.id, name: r.name, tasks: r.tasks as TemplateTask[], version: r.version, updatedAt: r.updatedAt };
});

/** Personnel of the business, for owner, member, assignee and mention pickers. */
export const findPersonnelOptions = defineQuery('findPersonnelOptions', ['personnel', 'read'], async function findPersonnelOptions(db: Executor, ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: personnel.id, name: personnel.name })
    .from(personnel)
    .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.active, true)))
    .orderBy(asc(personnel.name))
    .limit(1000);
});


/**
 * The tasks of a template, read for the system (no caller): the tasks module makes them the first
 * tasks of a project created from a won deal.
 */
export async function findTemplateTasks(db: Executor, businessId: string, templateId: string): Promise<TemplateTask[]> {
  const [row] = await db
    .select({ tasks: projectTemplates.tasks })
    .from(projectTemplates)
    .where(and(eq(projectTemplates.businessId, businessId), eq(projectTemplates.id, templateId)));
  return (row?.tasks ?? []) as TemplateTask[];
}
