import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { customers, deals, personnel, projectMembers, projects, projectTemplates, taskStatuses, tasks } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { scopeFor, type Action } from '@/lib/permissions';
import type { ProjectStatus, TaskStatusCategory, TemplateTask } from './schemas';

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

/** Projects with their progress (tasks in a done-category status / all tasks), newest first. */
/** How many projects the caller may see (any status), for the business page. */
export const countProjects = defineQuery('countProjects', ['projects', 'read'], async function countProjects(db: Executor, ctx: Ctx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(projectScope(ctx, 'read'));
  return row?.n ?? 0;
});

export const findProjects = defineQuery('findProjects', ['projects', 'read'], async function findProjects(db: Executor, ctx: Ctx, args: { customerId?: string; limit?: number } = {}): Promise<ProjectSummary[]> {
  const filters: SQL[] = [projectScope(ctx, 'read')];
  if (args.customerId) filters.push(eq(projects.customerId, args.customerId));
  const rows = await db
    .select({
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
      ...progressColumns,
    })
    .from(projects)
    .leftJoin(customers, and(eq(customers.businessId, projects.businessId), eq(customers.id, projects.customerId)))
    .leftJoin(personnel, and(eq(personnel.businessId, projects.businessId), eq(personnel.id, projects.ownerId)))
    .where(and(...filters))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(args.limit ?? 500);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    customer: r.customerId ? { id: r.customerId, name: r.customerName ?? '' } : null,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
    startDate: r.startDate,
    endDate: r.endDate,
    dealId: r.dealId,
    progress: progressOf(r.total, r.done),
    updatedAt: r.updatedAt,
  }));
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
      id: projects.id,
      name: projects.name,
      description: projects.description,
      status: projects.status,
      customerId: projects.customerId,
      customerName: customers.name,
      ownerId: projects.ownerId,
      ownerName: personnel.name,
      startDate: projects.startDate,
      endDate: projects.endDate,
      dealId: projects.dealId,
      dealTitle: deals.title,
      dealWonAt: deals.wonAt,
      version: projects.version,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
      ...progressColumns,
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
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    customer: row.customerId ? { id: row.customerId, name: row.customerName ?? '' } : null,
    owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
    startDate: row.startDate,
    endDate: row.endDate,
    dealId: row.dealId,
    progress: progressOf(row.total, row.done),
    updatedAt: row.updatedAt,
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
