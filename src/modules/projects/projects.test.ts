/**
 * Projects against the real database: creation with default columns, progress, the own scope of
 * members, columns with tasks, templates, and the won-deal worker through a real pg-boss.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { notifications, projects, taskAssignees, tasks } from '@/server/db/schema';
import { getWorkingBoss, stopBoss } from '@/server/jobs/boss';
import { DEALS_WON_QUEUE, queueDealWon } from '@/server/jobs/deals-won';
import { workDealsWonQueue } from './jobs';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { insertTestDeal } from '../../../tests/factories/projects';
import { createTaskOperation, moveTaskOperation } from '@/modules/tasks/operations';
import {
  createProjectOperation,
  createProjectTemplateOperation,
  deleteProjectOperation,
  deleteTaskStatusOperation,
  updateProjectOperation,
  updateTaskStatusOperation,
} from './operations';
import { findProjects, findProjectTemplates, getProject } from './queries';
import { createProjectFromWonDeal } from './from-deal';
import { templateDueAt } from '@/modules/tasks/from-template';
import { dealWonDedupeKey } from '@/modules/notifications/subscribers';
import { createDealOperation, moveDealOperation, updateDealOperation } from '@/modules/deals/operations';
import { getBoard, getDeal } from '@/modules/deals/queries';
import { businesses, customers, auditLog } from '@/server/db/schema';

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

async function world(timeZone = 'Europe/Istanbul') {
  const db = getDb();
  const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, owner, { name: `Proje Evi ${Math.random().toString(36).slice(2, 6)}`, timeZone });
  const ownerCtx = await contextFor(db, owner.id, business.slug);
  const member = await addPersonnel(db, business.id, { role: 'member', name: 'Üye Ümit' });
  const memberCtx = await contextFor(db, member.user!.id, business.slug);
  const sales = await addPersonnel(db, business.id, { role: 'sales', name: 'Satışçı Selim' });
  const salesCtx = await contextFor(db, sales.user!.id, business.slug);
  return { db, owner, business, ownerCtx, member, memberCtx, sales, salesCtx };
}

function idOf(result: unknown): string {
  return (result as { data: { id: string } }).data.id;
}

describe('projects', () => {
  it('creates a project with the default columns in the creator’s language and reports progress', async () => {
    const { db, business, ownerCtx } = await world();
    const customer = await insertTestCustomer(db, business.id, { name: 'A Şirketi' });
    const created = await runOperation(createProjectOperation, ownerCtx, { name: 'Web Sitesi Yenileme', customerId: customer.id });
    expect(created).toMatchObject({ ok: true, message: 'projects.created' });
    const project = await getProject(db, ownerCtx, idOf(created));
    expect(project.statuses.map((s) => [s.name, s.category])).toEqual([
      ['Yapılacak', 'todo'],
      ['Devam ediyor', 'in_progress'],
      ['Tamamlandı', 'done'],
    ]);
    expect(project.owner?.id).toBe(ownerCtx.personnelId);
    expect(project.progress).toEqual({ total: 0, done: 0, percent: 0 });
    const ids: string[] = [];
    for (const title of ['Tasarım onayı', 'Kodlama', 'Test']) {
      ids.push(idOf(await runOperation(createTaskOperation, ownerCtx, { title, projectId: project.id })));
    }
    const done = project.statuses.find((s) => s.category === 'done')!;
    expect((await runOperation(moveTaskOperation, ownerCtx, { id: ids[0], statusId: done.id })).ok).toBe(true);
    const after = await getProject(db, ownerCtx, project.id);
    expect(after.progress).toEqual({ total: 3, done: 1, percent: 33 });
    const listed = await findProjects(db, ownerCtx, { customerId: customer.id });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: 'Web Sitesi Yenileme', customer: { name: 'A Şirketi' }, progress: { percent: 33 } });
    // A column changed to "done" takes its tasks with it.
    const doing = project.statuses.find((s) => s.category === 'in_progress')!;
    await runOperation(moveTaskOperation, ownerCtx, { id: ids[1], statusId: doing.id });
    expect((await runOperation(updateTaskStatusOperation, ownerCtx, { id: doing.id, version: doing.version, name: 'İnceleme', category: 'done' })).ok).toBe(true);
    expect((await getProject(db, ownerCtx, project.id)).progress.percent).toBe(67);
  });

  it('refuses to delete a column with tasks, and stale project edits', async () => {
    const { db, ownerCtx } = await world();
    const projectId = idOf(await runOperation(createProjectOperation, ownerCtx, { name: 'Kolonlar' }));
    const project = await getProject(db, ownerCtx, projectId);
    await runOperation(createTaskOperation, ownerCtx, { title: 'Bir iş', projectId });
    const todo = project.statuses[0]!;
    expect(await runOperation(deleteTaskStatusOperation, ownerCtx, { id: todo.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'projects.errors.statusHasTasks' });
    expect((await runOperation(deleteTaskStatusOperation, ownerCtx, { id: project.statuses[1]!.id })).ok).toBe(true);
    const input = { id: projectId, name: 'Kolonlar 2', status: 'on_hold', memberIds: [] };
    expect((await runOperation(updateProjectOperation, ownerCtx, { ...input, version: 1 })).ok).toBe(true);
    expect(await runOperation(updateProjectOperation, ownerCtx, { ...input, version: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await runOperation(createProjectOperation, ownerCtx, { name: '', startDate: '2026-05-02', endDate: '2026-05-01' })).toMatchObject({
      ok: false,
      fields: { name: 'required' },
    });
  });

  it('lets a member see and change only the projects they belong to, never delete them', async () => {
    const { db, ownerCtx, member, memberCtx, salesCtx } = await world();
    const theirs = idOf(await runOperation(createProjectOperation, ownerCtx, { name: 'Üyeli proje', memberIds: [member.personnelId] }));
    const other = idOf(await runOperation(createProjectOperation, ownerCtx, { name: 'Başka proje' }));
    expect((await findProjects(db, memberCtx)).map((p) => p.name)).toEqual(['Üyeli proje']);
    await expect(getProject(db, memberCtx, other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await runOperation(updateProjectOperation, memberCtx, { id: theirs, version: 1, name: 'Üyeli proje!', memberIds: [member.personnelId] })).ok).toBe(true);
    expect(await runOperation(updateProjectOperation, memberCtx, { id: other, version: 1, name: 'x', memberIds: [] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await runOperation(deleteProjectOperation, memberCtx, { id: theirs })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(createProjectOperation, memberCtx, { name: 'Yeni' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Sales may read every project and delete only its own.
    expect(await runOperation(deleteProjectOperation, salesCtx, { id: other })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const own = idOf(await runOperation(createProjectOperation, salesCtx, { name: 'Satışın projesi' }));
    expect((await runOperation(deleteProjectOperation, salesCtx, { id: own })).ok).toBe(true);
    // A project with tasks (in columns without a cascade from tasks) goes with its tasks.
    const task = idOf(await runOperation(createTaskOperation, ownerCtx, { title: 'Kalan iş', projectId: theirs }));
    expect((await runOperation(deleteProjectOperation, ownerCtx, { id: theirs })).ok).toBe(true);
    expect(await db.select().from(tasks).where(eq(tasks.id, task))).toHaveLength(0);
  });

  it('keeps templates with task offsets, unique by name', async () => {
    const { db, ownerCtx, salesCtx } = await world();
    const input = { name: 'Web projesi', tasks: [{ title: 'Keşif', offsetDays: 0 }, { title: 'Tasarım', offsetDays: 7 }] };
    expect((await runOperation(createProjectTemplateOperation, ownerCtx, input)).ok).toBe(true);
    expect(await runOperation(createProjectTemplateOperation, ownerCtx, { ...input, name: 'WEB projesi' })).toMatchObject({ ok: false, fields: { name: 'taken' } });
    expect(await runOperation(createProjectTemplateOperation, salesCtx, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(createProjectTemplateOperation, ownerCtx, { name: 'Kötü', tasks: [{ title: 'x', offsetDays: -1 }] })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect((await findProjectTemplates(db, ownerCtx)).map((t) => t.tasks.length)).toEqual([2]);
  });
});

describe('won deal → project', () => {
  it('computes template due dates on the business’s calendar', () => {
    // 22:30 UTC on 31 Dec is already 1 Jan in Istanbul (UTC+3).
    const now = new Date('2026-12-31T22:30:00Z');
    expect(templateDueAt(now, 0, 'Europe/Istanbul').toISOString()).toBe('2027-01-01T14:00:00.000Z');
    expect(templateDueAt(now, 3, 'Europe/Istanbul').toISOString()).toBe('2027-01-04T14:00:00.000Z');
    expect(templateDueAt(now, 0, 'America/New_York').toISOString()).toBe('2026-12-31T22:00:00.000Z');
  });

  it('makes one project from the template, notifies the owner once, through a real pg-boss worker, with the job run twice', async () => {
    const { db, business, ownerCtx, sales } = await world('Asia/Tokyo');
    const customer = await insertTestCustomer(db, business.id, { name: 'B Şirketi' });
    const template = idOf(
      await runOperation(createProjectTemplateOperation, ownerCtx, { name: 'Kurulum', tasks: [{ title: 'Kickoff', offsetDays: 0 }, { title: 'Teslim', offsetDays: 10 }] }),
    );
    const { dealId } = await insertTestDeal(db, business.id, { title: 'Kurulum işi', customerId: customer.id, ownerId: sales.personnelId, projectTemplateId: template });
    await stopBoss();
    const boss = await getWorkingBoss();
    try {
      await workDealsWonQueue(boss);
      const data = { businessId: business.id, dealId, actorPersonnelId: ownerCtx.personnelId };
      const first = await queueDealWon(boss, data);
      const second = await queueDealWon(boss, data);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const jobs = [...(await boss.findJobs(DEALS_WON_QUEUE, { id: first! })), ...(await boss.findJobs(DEALS_WON_QUEUE, { id: second! }))];
        if (jobs.length === 2 && jobs.every((j) => j.state === 'completed')) break;
        if (Date.now() > deadline) throw new Error(`jobs not done: ${jobs.map((j) => j.state).join(',')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await stopBoss();
    }
    const made = await db.select().from(projects).where(and(eq(projects.businessId, business.id), eq(projects.dealId, dealId)));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ name: 'Kurulum işi', customerId: customer.id, ownerId: sales.personnelId, status: 'active' });
    const projectTasks = await db.select().from(tasks).where(and(eq(tasks.businessId, business.id), eq(tasks.projectId, made[0]!.id)));
    expect(projectTasks.map((t) => t.title).sort()).toEqual(['Kickoff', 'Teslim']);
    const kickoff = projectTasks.find((t) => t.title === 'Kickoff')!;
    const delivery = projectTasks.find((t) => t.title === 'Teslim')!;
    // 17:00 in Tokyo (UTC+9) is 08:00 UTC; ten calendar days apart.
    expect(kickoff.dueAt!.toISOString()).toMatch(/T08:00:00\.000Z$/);
    expect(delivery.dueAt!.getTime() - kickoff.dueAt!.getTime()).toBe(10 * 24 * 3600_000);
    const assigned = await db.select().from(taskAssignees).where(and(eq(taskAssignees.businessId, business.id), eq(taskAssignees.taskId, kickoff.id)));
    expect(assigned.map((a) => a.personnelId)).toEqual([sales.personnelId]);
    const notices = await db.select().from(notifications).where(and(eq(notifications.businessId, business.id), eq(notifications.dedupeKey, dealWonDedupeKey(dealId))));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ userId: sales.user!.id, title: 'Kurulum işi', body: 'B Şirketi', link: `/${business.slug}/projects/${made[0]!.id}` });
    // Run by hand once more (a deal moved out of "won" and back): nothing new.
    expect(await createProjectFromWonDeal(db, { businessId: business.id, dealId, actorPersonnelId: null })).toEqual({ projectId: null });
    expect(await db.select().from(notifications).where(and(eq(notifications.businessId, business.id), like(notifications.dedupeKey, 'deal-won:%')))).toHaveLength(1);
  });

  it('with no template and no deal owner: default columns, no tasks, owned by the actor', async () => {
    const { db, business, ownerCtx } = await world();
    const { dealId } = await insertTestDeal(db, business.id, { title: 'Şablonsuz' });
    const { projectId } = await createProjectFromWonDeal(db, { businessId: business.id, dealId, actorPersonnelId: ownerCtx.personnelId });
    const project = await getProject(db, ownerCtx, projectId!);
    expect(project).toMatchObject({ name: 'Şablonsuz', owner: { id: ownerCtx.personnelId }, progress: { total: 0 } });
    expect(project.statuses).toHaveLength(3);
  });

  it('a won deal linked to the customer’s project records the win there, makes no second project, and makes the customer a customer', async () => {
    const { db, business, ownerCtx } = await world();
    const customer = await insertTestCustomer(db, business.id, { name: 'A Şirketi' });
    const project = idOf(await runOperation(createProjectOperation, ownerCtx, { name: 'Web Sitesi Yenileme', customerId: customer.id, status: 'planned' }));
    // Linked from the deal (the form and the API send `projectId`).
    const created = await runOperation(createDealOperation, ownerCtx, { title: 'Web sitesi', customerId: customer.id, projectId: project });
    expect(created).toMatchObject({ ok: true });
    const dealId = idOf(created);
    expect((await getDeal(db, ownerCtx, dealId)).project).toEqual({ id: project, name: 'Web Sitesi Yenileme' });
    expect((await getProject(db, ownerCtx, project)).deal).toMatchObject({ id: dealId, title: 'Web sitesi', wonAt: null });

    const board = await getBoard(db, ownerCtx, (await getDeal(db, ownerCtx, dealId)).pipeline.id);
    const won = board.columns.find((s) => s.kind === 'won')!;
    expect(await runOperation(moveDealOperation, ownerCtx, { id: dealId, stageId: won.id })).toMatchObject({ ok: true });
    // The lead became a customer in the move's transaction.
    const [row] = await db.select({ status: customers.status }).from(customers).where(eq(customers.id, customer.id));
    expect(row?.status).toBe('active');
    await createProjectFromWonDeal(db, { businessId: business.id, dealId, actorPersonnelId: ownerCtx.personnelId });
    const all = await db.select({ id: projects.id, status: projects.status }).from(projects).where(eq(projects.businessId, business.id));
    expect(all).toEqual([{ id: project, status: 'active' }]);
    const wins = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.businessId, business.id), eq(auditLog.entityId, project), eq(auditLog.action, 'win')));
    expect(wins).toHaveLength(1);
    expect((await getProject(db, ownerCtx, project)).deal?.wonAt).toBeInstanceOf(Date);

    // Unlinked from the deal (null), linked again from the project's side.
    const deal = await getDeal(db, ownerCtx, dealId);
    expect(await runOperation(updateDealOperation, ownerCtx, { id: dealId, version: deal.version, title: deal.title, customerId: customer.id, projectId: null })).toMatchObject({ ok: true });
    expect((await getDeal(db, ownerCtx, dealId)).project).toBeNull();
    const p = await getProject(db, ownerCtx, project);
    expect(
      await runOperation(updateProjectOperation, ownerCtx, { id: project, version: p.version, name: p.name, customerId: customer.id, status: p.status, dealId }),
    ).toMatchObject({ ok: true });
    expect((await getDeal(db, ownerCtx, dealId)).project?.id).toBe(project);
    // A project of another business cannot be linked.
    const other = await world();
    const foreign = idOf(await runOperation(createProjectOperation, other.ownerCtx, { name: 'Başkasının' }));
    expect(await runOperation(createDealOperation, ownerCtx, { title: 'Olmaz', projectId: foreign })).toMatchObject({ ok: false, fields: { projectId: 'invalid' } });
  });

  it('leaves the customer a lead when the business turned that off', async () => {
    const { db, business, ownerCtx } = await world();
    await db.update(businesses).set({ wonDealActivatesCustomer: false }).where(eq(businesses.id, business.id));
    const customer = await insertTestCustomer(db, business.id, { name: 'B Şirketi' });
    const dealId = idOf(await runOperation(createDealOperation, ownerCtx, { title: 'Logo' }));
    const deal = await getDeal(db, ownerCtx, dealId);
    await runOperation(updateDealOperation, ownerCtx, { id: dealId, version: deal.version, title: deal.title, customerId: customer.id });
    const board = await getBoard(db, ownerCtx, deal.pipeline.id);
    await runOperation(moveDealOperation, ownerCtx, { id: dealId, stageId: board.columns.find((s) => s.kind === 'won')!.id });
    const [row] = await db.select({ status: customers.status }).from(customers).where(eq(customers.id, customer.id));
    expect(row?.status).toBe('lead');
  });
});
