/**
 * Tasks against the real database: board moves under the column lock (concurrent moves into one
 * gap), moves against content edits, WIP limits, mentions, the due reminder and the own scope.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { and, asc, eq, like } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { stopBoss } from '@/server/jobs/boss';
import { runOperation } from '@/server/actions/operation';
import { notifications, taskStatuses, tasks } from '@/server/db/schema';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { createProjectOperation } from '@/modules/projects/operations';
import { getProject } from '@/modules/projects/queries';
import {
  addChecklistItemOperation,
  addCommentOperation,
  createTaskOperation,
  deleteTaskOperation,
  moveTaskOperation,
  setTaskDoneOperation,
  toggleChecklistItemOperation,
  updateTaskOperation,
} from './operations';
import { findBoardTasks, findMyTasks, findTasks, getTask, taskStatsByPerson, taskStatsByProject } from './queries';
import { notifyDueTasks } from '@/modules/notifications/task-notifier';

afterAll(async () => {
  // The due-task pass queues e-mails through pg-boss.
  await stopBoss();
  await closeDb();
});

async function world() {
  const db = getDb();
  const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, owner, { name: `Görev Evi ${Math.random().toString(36).slice(2, 6)}` });
  const ownerCtx = await contextFor(db, owner.id, business.slug);
  const sales = await addPersonnel(db, business.id, { role: 'sales', name: 'Satışçı Selim' });
  const salesCtx = await contextFor(db, sales.user!.id, business.slug);
  const member = await addPersonnel(db, business.id, { role: 'member', name: 'Üye Ümit' });
  const memberCtx = await contextFor(db, member.user!.id, business.slug);
  const viewer = await addPersonnel(db, business.id, { role: 'viewer', name: 'İzleyici İpek' });
  const viewerCtx = await contextFor(db, viewer.user!.id, business.slug);
  const projectId = ((await runOperation(createProjectOperation, ownerCtx, { name: 'Pano', memberIds: [member.personnelId, sales.personnelId] })) as { data: { id: string } }).data.id;
  const project = await getProject(db, ownerCtx, projectId);
  const [todo, doing, done] = project.statuses as [(typeof project.statuses)[0], (typeof project.statuses)[0], (typeof project.statuses)[0]];
  return { db, business, ownerCtx, sales, salesCtx, member, memberCtx, viewerCtx, projectId, todo, doing, done };
}

async function create(ctx: Awaited<ReturnType<typeof world>>['ownerCtx'], input: Record<string, unknown>): Promise<string> {
  const result = await runOperation(createTaskOperation, ctx, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (result.data as { id: string }).id;
}

async function column(db: ReturnType<typeof getDb>, statusId: string): Promise<string[]> {
  const rows = await db.select({ title: tasks.title }).from(tasks).where(eq(tasks.statusId, statusId)).orderBy(asc(tasks.position));
  return rows.map((r) => r.title);
}

describe('tasks', () => {
  it('creates tasks at the end of a column and moves them between neighbours', async () => {
    const { db, ownerCtx, projectId, todo, doing } = await world();
    const a = await create(ownerCtx, { title: 'A', projectId });
    const b = await create(ownerCtx, { title: 'B', projectId });
    const c = await create(ownerCtx, { title: 'C', projectId, statusId: todo.id });
    expect(await column(db, todo.id)).toEqual(['A', 'B', 'C']);
    expect((await runOperation(moveTaskOperation, ownerCtx, { id: c, statusId: todo.id, afterId: a })).ok).toBe(true);
    expect(await column(db, todo.id)).toEqual(['C', 'A', 'B']);
    const moved = await runOperation(moveTaskOperation, ownerCtx, { id: a, statusId: doing.id });
    expect(moved).toMatchObject({ ok: true, data: { statusId: doing.id, category: 'in_progress', from: { statusId: todo.id, beforeId: c } } });
    expect(await column(db, doing.id)).toEqual(['A']);
    expect((await runOperation(moveTaskOperation, ownerCtx, { id: b, statusId: doing.id, beforeId: a })).ok).toBe(true);
    expect(await column(db, doing.id)).toEqual(['A', 'B']);
    const board = await findBoardTasks(db, ownerCtx, projectId);
    expect(board).toHaveLength(3);
  });

  it('gives two concurrent moves into the same gap different keys', async () => {
    const { db, ownerCtx, projectId, todo, doing } = await world();
    const x = await create(ownerCtx, { title: 'X', projectId, statusId: doing.id });
    const y = await create(ownerCtx, { title: 'Y', projectId, statusId: doing.id });
    const movers = [];
    for (let i = 0; i < 6; i++) movers.push(await create(ownerCtx, { title: `M${i}`, projectId, statusId: todo.id }));
    const results = await Promise.all(movers.map((id) => runOperation(moveTaskOperation, ownerCtx, { id, statusId: doing.id, beforeId: x, afterId: y })));
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db.select({ title: tasks.title, position: tasks.position }).from(tasks).where(eq(tasks.statusId, doing.id)).orderBy(asc(tasks.position));
    expect(new Set(rows.map((r) => r.position)).size).toBe(8);
    expect(rows[0]!.title).toBe('X');
    expect(rows[7]!.title).toBe('Y');
  });

  it('lets a move and a content edit both succeed; a stale content edit gets 409', async () => {
    const { db, ownerCtx, salesCtx, sales, projectId, doing } = await world();
    const id = await create(ownerCtx, { title: 'Teklif hazırla', projectId, assigneeIds: [sales.personnelId] });
    const seen = await getTask(db, ownerCtx, id);
    // Sales moves the card while the owner edits the text, both from the same version.
    expect((await runOperation(moveTaskOperation, salesCtx, { id, statusId: doing.id })).ok).toBe(true);
    const edit = { id, version: seen.version, title: 'Teklifi hazırla ve gönder', assigneeIds: [sales.personnelId], priority: 'high' };
    expect((await runOperation(updateTaskOperation, ownerCtx, edit)).ok).toBe(true);
    const after = await getTask(db, ownerCtx, id);
    expect(after).toMatchObject({ title: 'Teklifi hazırla ve gönder', statusId: doing.id, version: 2, moveVersion: 2, priority: 'high' });
    expect(await runOperation(updateTaskOperation, salesCtx, { ...edit, title: 'Eski' })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'tasks.errors.stale' });
  });

  it('refuses a move into a full column and sets completion when entering done', async () => {
    const { db, ownerCtx, projectId, todo, doing, done } = await world();
    await db.update(taskStatuses).set({ wipLimit: 1 }).where(eq(taskStatuses.id, doing.id));
    const a = await create(ownerCtx, { title: 'A', projectId });
    const b = await create(ownerCtx, { title: 'B', projectId });
    expect((await runOperation(moveTaskOperation, ownerCtx, { id: a, statusId: doing.id })).ok).toBe(true);
    expect(await runOperation(moveTaskOperation, ownerCtx, { id: b, statusId: doing.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'tasks.errors.wipFull' });
    // Reordering inside the full column is still a move it allows.
    expect((await runOperation(moveTaskOperation, ownerCtx, { id: a, statusId: doing.id })).ok).toBe(true);
    expect(await create(ownerCtx, { title: 'C', projectId, statusId: todo.id })).toBeTruthy();
    await runOperation(moveTaskOperation, ownerCtx, { id: a, statusId: done.id });
    expect((await getTask(db, ownerCtx, a)).completedAt).not.toBeNull();
    await runOperation(moveTaskOperation, ownerCtx, { id: a, statusId: todo.id });
    expect((await getTask(db, ownerCtx, a)).completedAt).toBeNull();
  });

  it('notifies each mentioned person once per comment, not the author', async () => {
    const { db, business, ownerCtx, sales, member, projectId } = await world();
    const id = await create(ownerCtx, { title: 'Sözleşme', projectId });
    const body = `@[Satışçı Selim](${sales.personnelId}) ve @[Üye Ümit](${member.personnelId}) bakar mısınız? @[Satışçı Selim](${sales.personnelId}) @[Ayşe](${ownerCtx.personnelId})`;
    const result = await runOperation(addCommentOperation, ownerCtx, { taskId: id, body });
    expect(result).toMatchObject({ ok: true, data: { mentioned: 2 } });
    const rows = await db.select().from(notifications).where(and(eq(notifications.businessId, business.id), like(notifications.dedupeKey, 'task-mention:%')));
    expect(rows.map((r) => r.userId).sort()).toEqual([sales.user!.id, member.user!.id].sort());
    expect(rows[0]).toMatchObject({ kind: 'task.mention', title: 'Sözleşme', body: 'Ayşe Yılmaz', link: `/${business.slug}/tasks/${id}` });
    expect((await getTask(db, ownerCtx, id)).commentList).toHaveLength(1);
  });

  it('reminds the assignees once, an hour before the due time, and again after the due time changes', async () => {
    const { db, business, ownerCtx, sales, member, projectId } = await world();
    const now = new Date();
    const dueAt = new Date(now.getTime() + 30 * 60_000).toISOString();
    const id = await create(ownerCtx, { title: 'Aramayı yap', projectId, dueAt, assigneeIds: [sales.personnelId, member.personnelId] });
    const later = await create(ownerCtx, { title: 'Sonra', projectId, dueAt: new Date(now.getTime() + 3 * 3600_000).toISOString(), assigneeIds: [sales.personnelId] });
    const keys = async () =>
      (await db.select().from(notifications).where(and(eq(notifications.businessId, business.id), like(notifications.dedupeKey, 'task-due:%')))).map((n) => n.dedupeKey);
    await Promise.all([notifyDueTasks(db, { now }), notifyDueTasks(db, { now })]);
    await notifyDueTasks(db, { now });
    expect(await keys()).toHaveLength(2);
    expect((await keys()).every((k) => k.startsWith(`task-due:${id}:`))).toBe(true);
    const task = await getTask(db, ownerCtx, id);
    expect(task.remindedAt).not.toBeNull();
    const moved = new Date(now.getTime() + 45 * 60_000).toISOString();
    await runOperation(updateTaskOperation, ownerCtx, { id, version: task.version, title: task.title, dueAt: moved, assigneeIds: [sales.personnelId] });
    expect((await getTask(db, ownerCtx, id)).remindedAt).toBeNull();
    await notifyDueTasks(db, { now });
    expect(await keys()).toHaveLength(3);
    // A deleted task takes its notices along.
    expect((await runOperation(deleteTaskOperation, ownerCtx, { id })).ok).toBe(true);
    expect(await keys()).toHaveLength(0);
    void later;
  });

  it('keeps sales to their own tasks and lets members create any, change their own, viewers only read', async () => {
    const { db, ownerCtx, salesCtx, sales, memberCtx, member, viewerCtx, projectId } = await world();
    const owners = await create(ownerCtx, { title: 'Sahibin', projectId });
    const assigned = await create(ownerCtx, { title: 'Selim’e', projectId, assigneeIds: [sales.personnelId] });
    const byMember = await create(memberCtx, { title: 'Ümit’in', projectId });
    expect((await findBoardTasks(db, salesCtx, projectId)).map((t) => t.title)).toEqual(['Selim’e']);
    expect((await findTasks(db, salesCtx, { filters: { projectId } })).data.map((t) => t.id)).toEqual([assigned]);
    await expect(getTask(db, salesCtx, owners)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await runOperation(deleteTaskOperation, salesCtx, { id: owners })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await runOperation(setTaskDoneOperation, salesCtx, { id: assigned, done: true })).ok).toBe(true);
    // Members read every task of their projects but change only their own.
    expect((await findBoardTasks(db, memberCtx, projectId))).toHaveLength(3);
    expect(await runOperation(updateTaskOperation, memberCtx, { id: owners, version: 1, title: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await runOperation(updateTaskOperation, memberCtx, { id: byMember, version: 1, title: 'Ümit’in işi', assigneeIds: [member.personnelId] })).ok).toBe(true);
    expect(await runOperation(createTaskOperation, viewerCtx, { title: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(addCommentOperation, viewerCtx, { taskId: owners, body: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await findBoardTasks(db, viewerCtx, projectId))).toHaveLength(3);
    expect((await findMyTasks(db, salesCtx)).map((t) => [t.title, t.category])).toEqual([['Selim’e', 'done']]);
  });

  it('keeps a checklist, toggles tasks without a project and counts completion rates', async () => {
    const { db, ownerCtx, sales, projectId, done } = await world();
    const solo = await create(ownerCtx, { title: 'Kendi başına', assigneeIds: [sales.personnelId], dueAt: new Date(Date.now() + 86400_000).toISOString() });
    const item = await runOperation(addChecklistItemOperation, ownerCtx, { taskId: solo, text: 'Birinci adım' });
    expect(item.ok).toBe(true);
    await runOperation(toggleChecklistItemOperation, ownerCtx, { id: (item as { data: { id: string } }).data.id, done: true });
    expect((await getTask(db, ownerCtx, solo)).checklistItems).toMatchObject([{ text: 'Birinci adım', done: true }]);
    expect((await getTask(db, ownerCtx, solo)).version).toBe(1);
    await runOperation(setTaskDoneOperation, ownerCtx, { id: solo, done: true });
    expect(await getTask(db, ownerCtx, solo)).toMatchObject({ category: 'done' });
    const late = await create(ownerCtx, { title: 'Geç', projectId, assigneeIds: [sales.personnelId], dueAt: new Date(Date.now() - 86400_000).toISOString() });
    await runOperation(moveTaskOperation, ownerCtx, { id: late, statusId: done.id });
    await create(ownerCtx, { title: 'Açık', projectId, assigneeIds: [sales.personnelId] });
    expect(await taskStatsByPerson(db, ownerCtx)).toEqual([{ key: { id: sales.personnelId, name: 'Satışçı Selim' }, total: 3, done: 2, onTime: 1, doneWithDue: 2 }]);
    expect((await taskStatsByProject(db, ownerCtx)).map((s) => [s.key?.name, s.total, s.done])).toEqual([['Pano', 2, 1]]);
  });
});
