import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { deals, projects } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { TxSubscriber } from '@/server/events/domain';
import { publishEvent } from '@/server/events/publish';
import { AppError } from '@/lib/errors';

/**
 * Links a deal to one project of the business (or to none): the link is `projects.deal_id`, one
 * project per deal. A project linked before to this deal is let go; the project given takes the
 * deal even if it was linked to another one.
 */
export async function linkDealToProject(tx: Transaction, businessId: string, dealId: string, projectId: string | null, actorUserId: string | null): Promise<void> {
  const released = await tx
    .update(projects)
    .set({ dealId: null })
    .where(and(eq(projects.businessId, businessId), eq(projects.dealId, dealId), projectId ? ne(projects.id, projectId) : undefined))
    .returning({ id: projects.id });
  const linked = projectId
    ? await tx
        .update(projects)
        .set({ dealId })
        .where(and(eq(projects.businessId, businessId), eq(projects.id, projectId)))
        .returning({ id: projects.id })
    : [];
  if (projectId && linked.length === 0) throw new AppError('VALIDATION', 'errors.VALIDATION', { projectId: 'invalid' });
  for (const { id } of [...released, ...linked]) await publishEvent(tx, { businessId, kind: 'project.updated', id, actorUserId });
}

/** Checks that a deal is the business's (for a project's form or the API). */
export async function checkDeal(tx: Executor, businessId: string, dealId: string): Promise<void> {
  const [row] = await tx.select({ id: deals.id }).from(deals).where(and(eq(deals.businessId, businessId), eq(deals.id, dealId)));
  if (!row) throw new AppError('VALIDATION', 'errors.VALIDATION', { dealId: 'invalid' });
}

/** A deal was created or edited with a project (from the deal's form or `projectId` in the API). */
export const projectsDealLinkSubscriber: TxSubscriber = {
  name: 'projects.deal-link',
  on: ['deal.create', 'deal.update'],
  mode: 'tx',
  async handle(tx, event) {
    if (!event.meta || !('projectId' in event.meta)) return;
    const projectId = event.meta.projectId;
    await linkDealToProject(tx, event.businessId, event.entityId, typeof projectId === 'string' ? projectId : null, event.actor.userId);
  },
};
