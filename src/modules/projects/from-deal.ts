import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { businesses, deals, personnel, pipelines, projects } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import { publishEvent } from '@/server/events/publish';
import type { DealWonJob } from '@/server/jobs/deals-won';
import { newId } from '@/lib/ids';
import { emitChange } from '@/server/events/domain';
import { instantToWallClock } from '@/lib/dates';
import { insertDefaultStatuses, projectSearchKeys } from './mutations';
import { getBusinessLanguage } from '@/modules/businesses';

/**
 * The worker of `deals.won`. A deal linked to a project (an existing one of the customer, say)
 * gets no second one: the win is recorded on the linked project (a `project.win` event, audited,
 * and a planned project becomes active). Otherwise, in one transaction, the project of a won deal (for its customer,
 * named after it, from its pipeline's template), owned by the deal's owner (or whoever won it).
 * Its `project.create` event (with the deal's id and the template's) has the tasks module make
 * the template's tasks and the notifications module tell the owner, in the same transaction.
 * The unique deal key on projects makes a second delivery, or a deal moved out of "won" and back,
 * insert nothing and emit nothing.
 */
export async function createProjectFromWonDeal(db: Executor, job: DealWonJob, now = new Date()): Promise<{ projectId: string | null }> {
  return db.transaction(async (tx) => {
    const [deal] = await tx
      .select({
        title: deals.title,
        customerId: deals.customerId,
        ownerId: deals.ownerId,
        wonAt: deals.wonAt,
        templateId: pipelines.projectTemplateId,
        timeZone: businesses.timeZone,
      })
      .from(deals)
      .innerJoin(businesses, eq(businesses.id, deals.businessId))
      .innerJoin(pipelines, and(eq(pipelines.businessId, deals.businessId), eq(pipelines.id, deals.pipelineId)))
      .where(and(eq(deals.businessId, job.businessId), eq(deals.id, job.dealId)));
    // A deal deleted before the job ran leaves nothing to do.
    if (!deal) return { projectId: null };
    const [linked] = await tx
      .select({ id: projects.id, status: projects.status })
      .from(projects)
      .where(and(eq(projects.businessId, job.businessId), eq(projects.dealId, job.dealId)))
      .for('update');
    if (linked) {
      if (linked.status === 'planned') {
        await tx.update(projects).set({ status: 'active', updatedAt: sql`now()` }).where(and(eq(projects.businessId, job.businessId), eq(projects.id, linked.id)));
      }
      await emitChange(
        tx,
        { businessId: job.businessId, userId: null, personnelId: job.actorPersonnelId },
        { action: 'win', entityType: 'project', entityId: linked.id, meta: { dealId: job.dealId }, ...(linked.status === 'planned' ? { changedFields: ['status'] } : {}) },
      );
      await publishEvent(tx, { businessId: job.businessId, kind: 'project.updated', id: linked.id, actorUserId: null });
      return { projectId: null };
    }
    const ownerId = deal.ownerId ?? job.actorPersonnelId;
    const [owner] = ownerId
      ? await tx
          .select({ id: personnel.id, userId: personnel.userId })
          .from(personnel)
          .where(and(eq(personnel.businessId, job.businessId), eq(personnel.id, ownerId)))
      : [];
    const id = newId();
    const inserted = await tx
      .insert(projects)
      .values({
        businessId: job.businessId,
        id,
        name: deal.title,
        ...projectSearchKeys(deal.title, null),
        customerId: deal.customerId,
        dealId: job.dealId,
        status: 'active',
        startDate: instantToWallClockDate(now, deal.timeZone),
        ownerId: owner?.id ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: projects.id });
    if (inserted.length === 0) return { projectId: null };

    await insertDefaultStatuses(tx, job.businessId, id, await getBusinessLanguage(tx, job.businessId));
    // Whoever won the deal is the actor: the template's tasks are theirs to have created.
    await emitChange(
      tx,
      { businessId: job.businessId, userId: null, personnelId: job.actorPersonnelId },
      { action: 'create', entityType: 'project', entityId: id, meta: { dealId: job.dealId }, refs: deal.templateId ? { templateIds: [deal.templateId] } : undefined },
    );
    await publishEvent(tx, { businessId: job.businessId, kind: 'project.created', id, actorUserId: null });
    return { projectId: id };
  });
}

function instantToWallClockDate(now: Date, timeZone: string): string {
  const w = instantToWallClock(now, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
