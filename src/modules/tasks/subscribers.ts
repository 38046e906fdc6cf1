import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { tasks } from '@/server/db/schema';
import type { TxSubscriber } from '@/server/events/domain';
import { createTemplateTasks } from './from-template';

/** A project made from a template (a won deal's) starts with the template's tasks. */
export const templateTasksSubscriber: TxSubscriber = {
  name: 'tasks.fromProjectTemplate',
  on: 'project.create',
  mode: 'tx',
  async handle(tx, event) {
    const templateId = event.refs?.templateIds?.[0];
    if (!templateId) return;
    await createTemplateTasks(tx, { businessId: event.businessId, projectId: event.entityId, templateId, createdById: event.actor.personnelId ?? null });
  },
};

/**
 * Tasks carry their column's category (progress reads it): when a column's category changes they
 * follow it, and enter or leave "done" with it.
 */
export const statusCategorySubscriber: TxSubscriber = {
  name: 'tasks.followStatusCategory',
  on: 'task_status.update',
  mode: 'tx',
  async handle(tx, event) {
    const category = event.meta?.category;
    if (!event.changedFields?.includes('category') || typeof category !== 'string') return;
    await tx
      .update(tasks)
      .set({
        category: category as (typeof tasks.$inferInsert)['category'],
        completedAt: category === 'done' ? sql`coalesce(${tasks.completedAt}, now())` : null,
      })
      .where(and(eq(tasks.businessId, event.businessId), eq(tasks.statusId, event.entityId)));
  },
};

export const taskSubscribers: readonly TxSubscriber[] = [templateTasksSubscriber, statusCategorySubscriber];
