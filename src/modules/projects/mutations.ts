import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { customers, personnel, projectMembers, projects, projectTemplates, taskStatuses, tasks } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { publishEvent } from '@/server/events/publish';
import { AppError, type FieldErrors } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { scopeFor } from '@/lib/permissions';
import { changedKeys } from '@/lib/changes';
import { searchText, turkishSortKey } from '@/lib/text';
import { emitChange } from '@/server/events/domain';
import { DEFAULT_TASK_STATUSES } from './defaults';
import { getBusinessLanguage } from '@/modules/businesses';
import { projectScope } from './queries';
import { checkDeal, linkDealToProject } from './deal-link';
import type {
  createProjectSchema,
  createProjectTemplateSchema,
  createTaskStatusSchema,
  reorderTaskStatusesSchema,
  updateProjectSchema,
  updateProjectTemplateSchema,
  updateTaskStatusSchema,
} from './schemas';

type ProjectFields = z.output<typeof createProjectSchema>;


/** Customer, owner and members must be rows of this business; says which field is wrong. */
async function checkProjectReferences(tx: Executor, ctx: Ctx, input: Pick<ProjectFields, 'customerId' | 'ownerId' | 'memberIds'>) {
  const fields: FieldErrors = {};
  if (input.customerId) {
    const [row] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, input.customerId)));
    if (!row) fields.customerId = 'invalid';
  }
  const people = [...new Set([...(input.ownerId ? [input.ownerId] : []), ...input.memberIds])];
  if (people.length > 0) {
    const found = await tx.select({ id: personnel.id }).from(personnel).where(and(eq(personnel.businessId, ctx.businessId), inArray(personnel.id, people)));
    const ids = new Set(found.map((r) => r.id));
    if (input.ownerId && !ids.has(input.ownerId)) fields.ownerId = 'invalid';
    if (input.memberIds.some((id) => !ids.has(id))) fields.memberIds = 'invalid';
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', fields);
}

/** Inserts the default columns of a new project, named in the business's language; answers their ids by category. */
export async function insertDefaultStatuses(tx: Executor, businessId: string, projectId: string, locale: 'tr' | 'en'): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  await tx.insert(taskStatuses).values(
    DEFAULT_TASK_STATUSES.map((s, i) => {
      const id = newId();
      ids[s.category] = id;
      return { businessId, id, projectId, name: s.names[locale], category: s.category, position: i };
    }),
  );
  return ids;
}

/** The search and sort columns of a project, written with its name and description. */
export function projectSearchKeys(name: string, description: string | null | undefined): { searchText: string; sortName: string } {
  return { searchText: searchText([name, description]), sortName: turkishSortKey(name) };
}

export async function createProject(db: Executor, ctx: Ctx, input: ProjectFields): Promise<{ id: string }> {
  projectScope(ctx, 'create');
  const id = newId();
  return db.transaction(async (tx) => {
    await checkProjectReferences(tx, ctx, input);
    await tx.insert(projects).values({
      businessId: ctx.businessId,
      id,
      name: input.name,
      description: input.description,
      ...projectSearchKeys(input.name, input.description),
      customerId: input.customerId,
      status: input.status,
      startDate: input.startDate,
      endDate: input.endDate,
      // Whoever makes a project owns it unless they name someone else.
      ownerId: input.ownerId ?? ctx.personnelId,
    });
    if (input.dealId) {
      await checkDeal(tx, ctx.businessId, input.dealId);
      await linkDealToProject(tx, ctx.businessId, input.dealId, id, ctx.userId);
    }
    if (input.memberIds.length > 0) {
      await tx.insert(projectMembers).values([...new Set(input.memberIds)].map((personnelId) => ({ businessId: ctx.businessId, projectId: id, personnelId })));
    }
    await insertDefaultStatuses(tx, ctx.businessId, id, await getBusinessLanguage(tx, ctx.businessId));
    await emitChange(tx, ctx, { action: 'create', entityType: 'project', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'project.created', id, actorUserId: ctx.userId });
    return { id };
  });
}

async function lockProject(tx: Transaction, ctx: Ctx, id: string, action: 'update' | 'delete') {
  const [row] = await tx.select().from(projects).where(and(projectScope(ctx, action), eq(projects.id, id))).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateProject(db: Executor, ctx: Ctx, input: z.output<typeof updateProjectSchema>): Promise<{ version: number }> {
  projectScope(ctx, 'update');
  return db.transaction(async (tx) => {
    const target = await lockProject(tx, ctx, input.id, 'update');
    if (target.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
    await checkProjectReferences(tx, ctx, input);
    const patch = {
      name: input.name,
      description: input.description,
      customerId: input.customerId,
      status: input.status,
      startDate: input.startDate,
      endDate: input.endDate,
      ownerId: input.ownerId,
      ...(input.dealId !== undefined ? { dealId: input.dealId } : {}),
    };
    if (input.dealId) {
      await checkDeal(tx, ctx.businessId, input.dealId);
      // The deal's earlier project lets it go: one project per deal.
      await linkDealToProject(tx, ctx.businessId, input.dealId, input.id, ctx.userId);
    }
    const [row] = await tx
      .update(projects)
      .set({ ...patch, ...projectSearchKeys(input.name, input.description), version: target.version + 1, updatedAt: sql`now()` })
      .where(and(eq(projects.businessId, ctx.businessId), eq(projects.id, input.id)))
      .returning({ version: projects.version });
    await tx.delete(projectMembers).where(and(eq(projectMembers.businessId, ctx.businessId), eq(projectMembers.projectId, input.id)));
    if (input.memberIds.length > 0) {
      await tx.insert(projectMembers).values([...new Set(input.memberIds)].map((personnelId) => ({ businessId: ctx.businessId, projectId: input.id, personnelId })));
    }
    await emitChange(tx, ctx, { action: 'update', entityType: 'project', entityId: input.id, changedFields: changedKeys(target as Record<string, unknown>, patch) });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'project.updated', id: input.id, actorUserId: ctx.userId });
    return row!;
  });
}

/** Deletes a project with its columns and tasks (the foreign keys cascade). */
export async function deleteProject(db: Executor, ctx: Ctx, id: string): Promise<{ name: string }> {
  projectScope(ctx, 'delete');
  return db.transaction(async (tx) => {
    const target = await lockProject(tx, ctx, id, 'delete');
    // Columns and tasks go by their cascades from the project. Tasks also reference their column
    // without one, but that NO ACTION key is checked at the end of the statement, once the cascade
    // removed the tasks too.
    await tx.delete(projects).where(and(eq(projects.businessId, ctx.businessId), eq(projects.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'project', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'project.deleted', id, actorUserId: ctx.userId });
    return { name: target.name };
  });
}

// Columns are part of the project: changing them needs the right to change the project.

export async function createTaskStatus(db: Executor, ctx: Ctx, input: z.output<typeof createTaskStatusSchema>): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await lockProject(tx, ctx, input.projectId, 'update');
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${taskStatuses.position}), -1)::int` })
      .from(taskStatuses)
      .where(and(eq(taskStatuses.businessId, ctx.businessId), eq(taskStatuses.projectId, input.projectId)));
    const id = newId();
    await tx.insert(taskStatuses).values({
      businessId: ctx.businessId,
      id,
      projectId: input.projectId,
      name: input.name,
      category: input.category,
      wipLimit: input.wipLimit,
      position: (last?.max ?? -1) + 1,
    });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'project.updated', id: input.projectId, actorUserId: ctx.userId });
    return { id };
  });
}

async function lockStatusForProjectChange(tx: Transaction, ctx: Ctx, id: string) {
  const [status] = await tx.select().from(taskStatuses).where(and(eq(taskStatuses.businessId, ctx.businessId), eq(taskStatuses.id, id)));
  if (!status) throw new AppError('NOT_FOUND');
  await lockProject(tx, ctx, status.projectId, 'update');
  const [locked] = await tx.select().from(taskStatuses).where(and(eq(taskStatuses.businessId, ctx.businessId), eq(taskStatuses.id, id))).for('update');
  if (!locked) throw new AppError('NOT_FOUND');
  return locked;
}

export async function updateTaskStatus(db: Executor, ctx: Ctx, input: z.output<typeof updateTaskStatusSchema>): Promise<{ version: number; projectId: string }> {
  return db.transaction(async (tx) => {
    const status = await lockStatusForProjectChange(tx, ctx, input.id);
    if (status.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
    await tx
      .update(taskStatuses)
      .set({ name: input.name, category: input.category, wipLimit: input.wipLimit, version: status.version + 1 })
      .where(and(eq(taskStatuses.businessId, ctx.businessId), eq(taskStatuses.id, input.id)));
    // Tasks carry their column's category (progress reads it): the tasks module's subscriber
    // has them follow a new category, in this transaction. Columns keep no audit entries.
    await emitChange(tx, ctx, {
      action: 'update',
      entityType: 'task_status',
      entityId: input.id,
      changedFields: changedKeys(status as Record<string, unknown>, { name: input.name, category: input.category, wipLimit: input.wipLimit }),
      meta: { projectId: status.projectId, category: input.category },
      unaudited: true,
    });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'project.updated', id: status.projectId, actorUserId: ctx.userId });
    return { version: status.version + 1, projectId: status.projectId };
  });
}

/** A column that still holds tasks cannot be deleted: the tasks would have nowhere to be. */
export async function deleteTaskStatus(db: Executor, ctx: Ctx, id: string): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const status = await lockStatusForProjectChange(tx, ctx, id);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(tasks)
      .where(and(eq(tasks.businessId, ctx.businessId), eq(tasks.statusId, id)));
    if ((count?.n ?? 0) > 0) throw new AppError('CONFLICT', 'projects.errors.statusHasTasks');
    const [others] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(taskStatuses)
      .where(and(eq(taskStatuses.businessId, ctx.businessId), eq(taskStatuses.projectId, status.projectId)));
    if ((others?.n ?? 0) <= 1) throw new AppError('CONFLICT', 'projects.errors.lastStatus');
    await tx.delete(taskStatuses).where(and(eq(taskStatuses.businessId, ctx.businessId), eq(taskStatuses.id, id)));
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'project.updated', id: status.projectId, actorUserId: ctx.userId });
    return { name: status.name };
  });
}

export async function reorderTaskStatuses(db: Executor, ctx: Ctx, input: z.output<typeof reorderTaskStatusesSchema>): Promise<void> {
  await db.transaction(async (tx) => {
    await lockProject(tx, ctx, input.projectId, 'update');
    const current = await tx
      .select({ id: taskStatuses.id })
      .from(taskStatuses)
      .where(and(eq(taskStatuses.businessId, ctx.businessId), eq(taskStatuses.projectId, input.projectId)));
    const known = new Set(current.map((r) => r.id));
    if (input.ids.length !== known.size || input.ids.some((id) => !known.has(id))) {
      throw new AppError('VALIDATION', 'errors.VALIDATION', { ids: 'invalid' });
    }
    for (const [position, id] of input.ids.entries()) {
      await tx.update(taskStatuses).set({ position }).where(and(eq(taskStatuses.businessId, ctx.businessId), eq(taskStatuses.id, id)));
    }
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'project.updated', id: input.projectId, actorUserId: ctx.userId });
  });
}

// Templates: settings of the sales side (the "templates" of the pipelines row).

function templateScope(ctx: Ctx, action: 'create' | 'update' | 'delete') {
  if (scopeFor(ctx, 'pipelines', action) !== 'all') throw new AppError('FORBIDDEN');
}

function isNameTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  return code === '23505';
}

export async function createProjectTemplate(db: Executor, ctx: Ctx, input: z.output<typeof createProjectTemplateSchema>): Promise<{ id: string }> {
  templateScope(ctx, 'create');
  const id = newId();
  try {
    return await db.transaction(async (tx) => {
      await tx.insert(projectTemplates).values({ businessId: ctx.businessId, id, name: input.name, tasks: input.tasks });
      await emitChange(tx, ctx, { action: 'create', entityType: 'project_template', entityId: id });
      return { id };
    });
  } catch (err) {
    if (isNameTaken(err)) throw new AppError('VALIDATION', 'errors.VALIDATION', { name: 'taken' });
    throw err;
  }
}

export async function updateProjectTemplate(db: Executor, ctx: Ctx, input: z.output<typeof updateProjectTemplateSchema>): Promise<{ version: number }> {
  templateScope(ctx, 'update');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .update(projectTemplates)
        .set({ name: input.name, tasks: input.tasks, version: input.version + 1, updatedAt: sql`now()` })
        .where(and(eq(projectTemplates.businessId, ctx.businessId), eq(projectTemplates.id, input.id), eq(projectTemplates.version, input.version)))
        .returning({ version: projectTemplates.version });
      if (!row) {
        const [exists] = await tx.select({ id: projectTemplates.id }).from(projectTemplates).where(and(eq(projectTemplates.businessId, ctx.businessId), eq(projectTemplates.id, input.id)));
        throw exists ? new AppError('CONFLICT', 'errors.STALE') : new AppError('NOT_FOUND');
      }
      await emitChange(tx, ctx, { action: 'update', entityType: 'project_template', entityId: input.id, changedFields: ['name', 'tasks'] });
      return row;
    });
  } catch (err) {
    if (isNameTaken(err)) throw new AppError('VALIDATION', 'errors.VALIDATION', { name: 'taken' });
    throw err;
  }
}

export async function deleteProjectTemplate(db: Executor, ctx: Ctx, id: string): Promise<{ name: string }> {
  templateScope(ctx, 'delete');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(projectTemplates)
      .where(and(eq(projectTemplates.businessId, ctx.businessId), eq(projectTemplates.id, id)))
      .returning({ name: projectTemplates.name });
    if (!row) throw new AppError('NOT_FOUND');
    await emitChange(tx, ctx, { action: 'delete', entityType: 'project_template', entityId: id });
    return row;
  });
}
