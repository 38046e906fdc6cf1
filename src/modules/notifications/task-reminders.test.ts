/**
 * Task reminders against the real database, pg-boss and a real SMTP server: each task's lead
 * (none, at the due time, minutes or a day before; the creator's default when the form gives
 * none), in the bell and by e-mail, rescheduled by a new due time or lead, cancelled by
 * completing or deleting the task. And a new task in a project is for the project's customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { notifications } from '@/server/db/schema';
import { stopBoss } from '@/server/jobs/boss';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { startTestSmtp } from '../../../tests/smtp';
import { createProjectOperation } from '@/modules/projects/operations';
import { createTaskOperation, deleteTaskOperation, setTaskDoneOperation, updateTaskOperation } from '@/modules/tasks/operations';
import { getTask } from '@/modules/tasks/queries';
import { setUserTaskReminder } from '@/modules/businesses/mutations';
import { getUserTaskReminderMinutes } from '@/modules/businesses/queries';
import { saveNotificationPreferences } from './mutations';
import { deliverNotificationEmail } from './notifier';
import { notifyDueTasks } from './task-notifier';

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;

beforeAll(async () => {
  smtp = await startTestSmtp();
});

afterAll(async () => {
  await stopBoss();
  await closeDb();
  await smtp.stop();
});

async function world() {
  const db = getDb();
  const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, owner, { name: `Hatırlatma Evi ${Math.random().toString(36).slice(2, 6)}` });
  const ownerCtx = await contextFor(db, owner.id, business.slug);
  const sales = await addPersonnel(db, business.id, { role: 'sales', name: 'Satışçı Selim' });
  return { db, owner, business, ownerCtx, sales };
}

async function create(ctx: Awaited<ReturnType<typeof world>>['ownerCtx'], input: Record<string, unknown>): Promise<string> {
  const result = await runOperation(createTaskOperation, ctx, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (result.data as { id: string }).id;
}

const minutes = (n: number) => n * 60_000;

describe('task reminders', () => {
  it('reminds at the chosen lead, in the bell and by e-mail, once', async () => {
    const { db, business, ownerCtx, sales } = await world();
    const now = new Date();
    const due = new Date(now.getTime() + minutes(30));
    const id = await create(ownerCtx, { title: 'Teklifi gönder', dueAt: due.toISOString(), reminderMinutes: 15, assigneeIds: [sales.personnelId] });
    const task = await getTask(db, ownerCtx, id);
    expect(task.reminderMinutes).toBe(15);
    const notices = () => db.select().from(notifications).where(and(eq(notifications.businessId, business.id), like(notifications.dedupeKey, `task-due:${id}:%`)));
    // Twenty minutes early is too early for a quarter-hour lead.
    await notifyDueTasks(db, { now });
    expect(await notices()).toHaveLength(0);
    const at = new Date(due.getTime() - minutes(14));
    // Passes cover every business (other tests' tasks too): count this task's notices only.
    await notifyDueTasks(db, { now: at });
    await notifyDueTasks(db, { now: at });
    const [notice] = await notices();
    expect(notice).toMatchObject({ kind: 'task.due', userId: sales.user!.id, title: 'Teklifi gönder', readAt: null, link: `/${business.slug}/tasks/${id}` });
    expect(await deliverNotificationEmail(db, { businessId: business.id, notificationId: notice!.id })).toBe('sent');
    const mail = smtp.received.find((m) => m.to.includes(sales.user!.email));
    expect(mail?.raw).toContain('Teklifi');
  });

  it('reschedules on a new due time or lead and cancels on completion or deletion', async () => {
    const { db, business, ownerCtx, sales } = await world();
    const now = new Date();
    const due = new Date(now.getTime() + minutes(90));
    const id = await create(ownerCtx, { title: 'Ara', dueAt: due.toISOString(), reminderMinutes: 60, assigneeIds: [sales.personnelId] });
    const count = async () => (await db.select().from(notifications).where(and(eq(notifications.businessId, business.id), like(notifications.dedupeKey, `task-due:${id}:%`)))).length;
    // A day's lead puts the reminder in the past: it goes out at the next pass.
    let task = await getTask(db, ownerCtx, id);
    expect((await runOperation(updateTaskOperation, ownerCtx, { id, version: task.version, title: task.title, dueAt: due.toISOString(), assigneeIds: [sales.personnelId], reminderMinutes: 1440 })).ok).toBe(true);
    await notifyDueTasks(db, { now });
    expect(await count()).toBe(1);
    // At the due time: a new occasion, two hours on.
    task = await getTask(db, ownerCtx, id);
    expect(task.remindedAt).not.toBeNull();
    expect((await runOperation(updateTaskOperation, ownerCtx, { id, version: task.version, title: task.title, dueAt: due.toISOString(), assigneeIds: [sales.personnelId], reminderMinutes: 0 })).ok).toBe(true);
    expect((await getTask(db, ownerCtx, id)).remindedAt).toBeNull();
    await notifyDueTasks(db, { now: new Date(due.getTime() - minutes(1)) });
    expect(await count()).toBe(1);
    // An edit that leaves the lead out keeps it.
    task = await getTask(db, ownerCtx, id);
    expect((await runOperation(updateTaskOperation, ownerCtx, { id, version: task.version, title: 'Ara (2)', dueAt: due.toISOString(), assigneeIds: [sales.personnelId] })).ok).toBe(true);
    expect((await getTask(db, ownerCtx, id)).reminderMinutes).toBe(0);
    // Done before its time: no reminder.
    expect((await runOperation(setTaskDoneOperation, ownerCtx, { id, done: true })).ok).toBe(true);
    await notifyDueTasks(db, { now: due });
    expect(await count()).toBe(1);
    // No reminder at all.
    const quiet = await create(ownerCtx, { title: 'Sessiz', dueAt: due.toISOString(), reminderMinutes: null, assigneeIds: [sales.personnelId] });
    await notifyDueTasks(db, { now: due });
    expect(await db.select().from(notifications).where(like(notifications.dedupeKey, `task-due:${quiet}:%`))).toHaveLength(0);
    // Deleted: cancelled, and its notice goes with it.
    const gone = await create(ownerCtx, { title: 'Silinecek', dueAt: due.toISOString(), reminderMinutes: 0, assigneeIds: [sales.personnelId] });
    expect((await runOperation(deleteTaskOperation, ownerCtx, { id: gone })).ok).toBe(true);
    await notifyDueTasks(db, { now: due });
    expect(await db.select().from(notifications).where(like(notifications.dedupeKey, `task-due:${gone}:%`))).toHaveLength(0);
    expect((await runOperation(deleteTaskOperation, ownerCtx, { id })).ok).toBe(true);
    expect(await count()).toBe(0);
  });

  it("takes the creator's default lead when none is given, and honours e-mail preferences", async () => {
    const { db, owner, business, ownerCtx, sales } = await world();
    expect(await getUserTaskReminderMinutes(db, owner.id)).toBe(60);
    await setUserTaskReminder(db, owner.id, 1440);
    expect(await getUserTaskReminderMinutes(db, owner.id)).toBe(1440);
    // One user's default is theirs alone.
    expect(await getUserTaskReminderMinutes(db, sales.user!.id)).toBe(60);
    const due = new Date(Date.now() + minutes(26 * 60));
    const id = await create(ownerCtx, { title: 'Yarın', dueAt: due.toISOString(), assigneeIds: [sales.personnelId] });
    expect((await getTask(db, ownerCtx, id)).reminderMinutes).toBe(1440);
    await setUserTaskReminder(db, owner.id, null);
    const none = await create(ownerCtx, { title: 'Hiç', dueAt: due.toISOString(), assigneeIds: [sales.personnelId] });
    expect((await getTask(db, ownerCtx, none)).reminderMinutes).toBeNull();
    // E-mail off: the notice is written (unread, for the bell) and no e-mail goes out.
    await saveNotificationPreferences(db, sales.user!.id, { inApp: true, email: false });
    await notifyDueTasks(db, { now: new Date(due.getTime() - minutes(23 * 60)) });
    const rows = await db.select().from(notifications).where(and(eq(notifications.businessId, business.id), like(notifications.dedupeKey, `task-due:${id}:%`)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.readAt).toBeNull();
    expect(await deliverNotificationEmail(db, { businessId: business.id, notificationId: rows[0]!.id })).toBe('skipped');
  });

  it('refuses a bad lead with a field error and writes nothing', async () => {
    const { ownerCtx } = await world();
    for (const reminderMinutes of [-5, 1.5, 'soon', 999_999]) {
      const result = await runOperation(createTaskOperation, ownerCtx, { title: 'Kötü', reminderMinutes });
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fields: { reminderMinutes: expect.any(String) } });
    }
  });

  it("gives a new task in a project the project's customer unless it names one", async () => {
    const { db, business, ownerCtx } = await world();
    const customer = await insertTestCustomer(db, business.id, { name: 'Proje Müşterisi' });
    const other = await insertTestCustomer(db, business.id, { name: 'Başka Müşteri' });
    const project = await runOperation(createProjectOperation, ownerCtx, { name: 'Site', customerId: customer.id });
    if (!project.ok) throw new Error(JSON.stringify(project));
    const projectId = (project.data as { id: string }).id;
    const inherited = await create(ownerCtx, { title: 'Miras', projectId });
    expect((await getTask(db, ownerCtx, inherited)).customer).toEqual({ id: customer.id, name: 'Proje Müşterisi' });
    const own = await create(ownerCtx, { title: 'Kendi', projectId, customerId: other.id });
    expect((await getTask(db, ownerCtx, own)).customer?.id).toBe(other.id);
    const loose = await create(ownerCtx, { title: 'Projesiz' });
    expect((await getTask(db, ownerCtx, loose)).customer).toBeNull();
  });
});
