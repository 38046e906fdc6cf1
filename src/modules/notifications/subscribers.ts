import 'server-only';
import { and, eq, inArray, like } from 'drizzle-orm';
import { businesses, customers, notifications, personnel, projects, tasks } from '@/server/db/schema';
import type { Transaction } from '@/server/db/client';
import type { TxSubscriber } from '@/server/events/domain';
import { publishEvent } from '@/server/events/publish';
import { newId } from '@/lib/ids';

/** One notice per won deal, however often its project is attempted. */
export function dealWonDedupeKey(dealId: string): string {
  return `deal-won:${dealId}`;
}

/** One notice per comment and mentioned person. */
export function mentionDedupeKey(commentId: string, personnelId: string): string {
  return `task-mention:${commentId}:${personnelId}`;
}

type Notice = { businessId: string; userId: string; kind: string; title: string; body: string | null; link: string; dedupeKey: string };

/** Inserts a notice once (its dedupe key) and tells the user's open tabs; answers whether it was new. */
async function insertNotice(tx: Transaction, notice: Notice, actorUserId: string | null): Promise<boolean> {
  const id = newId();
  const [inserted] = await tx
    .insert(notifications)
    .values({ ...notice, id })
    .onConflictDoNothing({ target: [notifications.businessId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  if (inserted) await publishEvent(tx, { businessId: notice.businessId, kind: 'notification.created', id, actorUserId });
  return Boolean(inserted);
}

/** The owner of a project made from a won deal hears of it (when active, with a login). */
export const projectFromDealSubscriber: TxSubscriber = {
  name: 'notifications.projectFromDeal',
  on: 'project.create',
  mode: 'tx',
  async handle(tx, event) {
    const dealId = event.meta?.dealId;
    if (typeof dealId !== 'string') return;
    const [project] = await tx
      .select({ name: projects.name, customerName: customers.name, slug: businesses.slug, userId: personnel.userId, active: personnel.active })
      .from(projects)
      .innerJoin(businesses, eq(businesses.id, projects.businessId))
      .innerJoin(personnel, and(eq(personnel.businessId, projects.businessId), eq(personnel.id, projects.ownerId)))
      .leftJoin(customers, and(eq(customers.businessId, projects.businessId), eq(customers.id, projects.customerId)))
      .where(and(eq(projects.businessId, event.businessId), eq(projects.id, event.entityId)));
    if (!project?.userId || !project.active) return;
    await insertNotice(
      tx,
      {
        businessId: event.businessId,
        userId: project.userId,
        kind: 'project.fromDeal',
        title: project.name,
        body: project.customerName ?? null,
        link: `/${project.slug}/projects/${event.entityId}`,
        dedupeKey: dealWonDedupeKey(dealId),
      },
      event.actor.userId,
    );
  },
};

/** Each person @mentioned in a task comment gets one in-app notice. */
export const taskMentionSubscriber: TxSubscriber = {
  name: 'notifications.taskMentions',
  on: 'task_comment.create',
  mode: 'tx',
  async handle(tx, event) {
    const mentioned = event.refs?.mentionedPersonnelIds ?? [];
    const taskId = event.meta?.taskId;
    if (mentioned.length === 0 || typeof taskId !== 'string') return;
    const [task] = await tx
      .select({ title: tasks.title, slug: businesses.slug })
      .from(tasks)
      .innerJoin(businesses, eq(businesses.id, tasks.businessId))
      .where(and(eq(tasks.businessId, event.businessId), eq(tasks.id, taskId)));
    if (!task) return;
    const authorId = event.actor.personnelId;
    const [author] = authorId
      ? await tx.select({ name: personnel.name }).from(personnel).where(and(eq(personnel.businessId, event.businessId), eq(personnel.id, authorId)))
      : [];
    const people = await tx
      .select({ id: personnel.id, userId: personnel.userId })
      .from(personnel)
      .where(and(eq(personnel.businessId, event.businessId), inArray(personnel.id, mentioned)));
    for (const person of people) {
      if (!person.userId) continue;
      await insertNotice(
        tx,
        {
          businessId: event.businessId,
          userId: person.userId,
          kind: 'task.mention',
          title: task.title,
          body: author?.name ?? null,
          link: `/${task.slug}/tasks/${taskId}`,
          dedupeKey: mentionDedupeKey(event.entityId, person.id),
        },
        event.actor.userId,
      );
    }
  },
};

/** A deleted task's notices (due, mention) would link to a page that no longer exists. */
export const taskDeleteSubscriber: TxSubscriber = {
  name: 'notifications.removeForTask',
  on: 'task.delete',
  mode: 'tx',
  async handle(tx, event) {
    await tx.delete(notifications).where(and(eq(notifications.businessId, event.businessId), like(notifications.dedupeKey, `task-%:${event.entityId}:%`)));
  },
};

/** A deleted reminder's notices would link to a page that no longer exists. */
export const reminderDeleteSubscriber: TxSubscriber = {
  name: 'notifications.removeForReminder',
  on: 'reminder.delete',
  mode: 'tx',
  async handle(tx, event) {
    await tx.delete(notifications).where(and(eq(notifications.businessId, event.businessId), like(notifications.dedupeKey, `reminder:${event.entityId}:%`)));
  },
};

export const notificationSubscribers: readonly TxSubscriber[] = [projectFromDealSubscriber, taskMentionSubscriber, taskDeleteSubscriber, reminderDeleteSubscriber];
