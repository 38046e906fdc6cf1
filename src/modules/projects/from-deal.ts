import 'server-only';
import { and, eq } from 'drizzle-orm';
import { businesses, customers, deals, notifications, personnel, pipelines, projects, projectTemplates, taskAssignees, tasks } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import { publishEvent } from '@/server/events/publish';
import type { DealWonJob } from '@/server/jobs/deals-won';
import { newId } from '@/lib/ids';
import { keysBetween } from '@/lib/ordering';
import { emitChange } from '@/server/events/domain';
import { instantToWallClock, wallClockToInstant } from '@/modules/reminders';
import { insertDefaultStatuses, localeOfUser } from './mutations';
import type { TemplateTask } from './schemas';

/** Template tasks fall due at the end of a working day in the business's zone. */
const TEMPLATE_DUE_HOUR = 17;

/** `offsetDays` after the calendar day of `now` in `timeZone`, at the template due hour there. */
export function templateDueAt(now: Date, offsetDays: number, timeZone: string): Date {
  const today = instantToWallClock(now, timeZone);
  // Date.UTC rolls days over months and years; only the calendar date is taken from it.
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offsetDays));
  return wallClockToInstant({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: TEMPLATE_DUE_HOUR, minute: 0 }, timeZone);
}

export function dealWonDedupeKey(dealId: string): string {
  return `deal-won:${dealId}`;
}

/**
 * The worker of `deals.won`: in one transaction, the project of a won deal (for its customer,
 * named after it, from its pipeline's template), owned by the deal's owner (or whoever won it),
 * with an in-app notice to that owner. The unique deal key on projects makes a second delivery,
 * or a deal moved out of "won" and back, insert nothing and notify no one.
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
        slug: businesses.slug,
        timeZone: businesses.timeZone,
      })
      .from(deals)
      .innerJoin(businesses, eq(businesses.id, deals.businessId))
      .innerJoin(pipelines, and(eq(pipelines.businessId, deals.businessId), eq(pipelines.id, deals.pipelineId)))
      .where(and(eq(deals.businessId, job.businessId), eq(deals.id, job.dealId)));
    // A deal deleted before the job ran leaves nothing to do.
    if (!deal) return { projectId: null };
    const ownerId = deal.ownerId ?? job.actorPersonnelId;
    const [owner] = ownerId
      ? await tx
          .select({ id: personnel.id, userId: personnel.userId, active: personnel.active })
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
        customerId: deal.customerId,
        dealId: job.dealId,
        status: 'active',
        startDate: instantToWallClockDate(now, deal.timeZone),
        ownerId: owner?.id ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: projects.id });
    if (inserted.length === 0) return { projectId: null };

    const statusIds = await insertDefaultStatuses(tx, job.businessId, id, await localeOfUser(tx, owner?.userId ?? null));
    const [template] = deal.templateId
      ? await tx
          .select({ tasks: projectTemplates.tasks })
          .from(projectTemplates)
          .where(and(eq(projectTemplates.businessId, job.businessId), eq(projectTemplates.id, deal.templateId)))
      : [];
    const templateTasks = (template?.tasks ?? []) as TemplateTask[];
    if (templateTasks.length > 0) {
      const keys = keysBetween(null, null, templateTasks.length);
      const rows = templateTasks.map((t, i) => ({
        businessId: job.businessId,
        id: newId(),
        projectId: id,
        statusId: statusIds.todo!,
        category: 'todo' as const,
        position: keys[i]!,
        title: t.title,
        customerId: deal.customerId,
        dueAt: templateDueAt(now, t.offsetDays, deal.timeZone),
        createdById: job.actorPersonnelId,
      }));
      await tx.insert(tasks).values(rows);
      if (owner) await tx.insert(taskAssignees).values(rows.map((r) => ({ businessId: job.businessId, taskId: r.id, personnelId: owner.id })));
    }
    await emitChange(tx, { businessId: job.businessId, userId: null }, { action: 'create', entityType: 'project', entityId: id, meta: { dealId: job.dealId } });
    await publishEvent(tx, { businessId: job.businessId, kind: 'project.created', id, actorUserId: null });

    if (owner?.userId && owner.active) {
      const [customer] = deal.customerId
        ? await tx.select({ name: customers.name }).from(customers).where(and(eq(customers.businessId, job.businessId), eq(customers.id, deal.customerId)))
        : [];
      const notificationId = newId();
      const [notice] = await tx
        .insert(notifications)
        .values({
          businessId: job.businessId,
          id: notificationId,
          userId: owner.userId,
          kind: 'project.fromDeal',
          title: deal.title,
          body: customer?.name ?? null,
          link: `/${deal.slug}/projects/${id}`,
          dedupeKey: dealWonDedupeKey(job.dealId),
        })
        .onConflictDoNothing({ target: [notifications.businessId, notifications.dedupeKey] })
        .returning({ id: notifications.id });
      if (notice) await publishEvent(tx, { businessId: job.businessId, kind: 'notification.created', id: notificationId, actorUserId: null });
    }
    return { projectId: id };
  });
}

function instantToWallClockDate(now: Date, timeZone: string): string {
  const w = instantToWallClock(now, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
