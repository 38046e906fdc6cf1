/**
 * /api/v1/projects and /api/v1/tasks through the real route handlers with an API key: a project
 * with its statuses and progress, a move by PATCH (neighbours, WIP limit refused with 409), a
 * content edit with a stale version refused with 409, and both in one PATCH or neither.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { taskStatuses } from '@/server/db/schema';
import { createApiKey } from '@/modules/api-keys/mutations';
import { contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { apiCall } from '../../../tests/api';

afterAll(closeDb);

type Project = { id: string; statuses: { id: string; category: string }[]; progress: { percent: number } };
type Task = { id: string; statusId: string; version: number; moveVersion: number; title: string };

describe('projects and tasks API', () => {
  it('creates, moves, edits and refuses stale edits and full columns', async () => {
    const db = getDb();
    const owner = await createUser(db);
    const business = await createTestBusiness(db, owner, { name: 'API Projeleri' });
    const ctx = await contextFor(db, owner.id, business.slug);
    const { key } = await createApiKey(db, ctx, { name: 'api', role: 'admin', expiresAt: null });
    const customer = await insertTestCustomer(db, business.id, { name: 'A Şirketi' });

    const created = await apiCall('POST', '/projects', { key }, { name: 'Web Sitesi Yenileme', customerId: customer.id });
    expect(created.status).toBe(201);
    const project = created.json as Project;
    expect(project.statuses.map((s) => s.category)).toEqual(['todo', 'in_progress', 'done']);
    const [todo, doing, done] = project.statuses as [Project['statuses'][0], Project['statuses'][0], Project['statuses'][0]];
    expect(((await apiCall('GET', `/projects?customerId=${customer.id}`, { key })).json as { data: Project[] }).data.map((p) => p.id)).toEqual([project.id]);

    const make = async (title: string) => (await apiCall('POST', '/tasks', { key }, { title, projectId: project.id })).json as Task;
    const a = await make('Tasarım onayı');
    const b = await make('Kodlama');
    expect(a.statusId).toBe(todo.id);

    const moved = await apiCall('PATCH', `/tasks/${b.id}`, { key }, { statusId: todo.id, afterId: a.id });
    expect(moved.status).toBe(200);
    const list = (await apiCall('GET', `/tasks?projectId=${project.id}`, { key })).json as { data: (Task & { position: string })[] };
    const [first, second] = [...list.data].sort((x, y) => (x.position < y.position ? -1 : 1));
    expect([first!.title, second!.title]).toEqual(['Kodlama', 'Tasarım onayı']);

    // A move and an edit from the same read: both succeed; the second edit with that version is stale.
    expect((await apiCall('PATCH', `/tasks/${a.id}`, { key }, { statusId: done.id })).json).toMatchObject({ statusId: done.id, version: 1, moveVersion: 2 });
    expect((await apiCall('PATCH', `/tasks/${a.id}`, { key }, { title: 'Tasarım onayı alındı', version: 1 })).json).toMatchObject({ version: 2 });
    const stale = await apiCall('PATCH', `/tasks/${a.id}`, { key }, { title: 'Eski', version: 1 });
    expect(stale).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT', message: expect.stringContaining('Someone changed this task') } } });
    expect(((await apiCall('GET', `/projects/${project.id}`, { key })).json as Project).progress.percent).toBe(50);

    await db.update(taskStatuses).set({ wipLimit: 0 }).where(eq(taskStatuses.id, doing.id));
    const full = await apiCall('PATCH', `/tasks/${b.id}`, { key }, { statusId: doing.id, title: 'Kodlama başladı' });
    expect(full).toMatchObject({ status: 409, json: { error: { message: expect.stringContaining('full') } } });
    // Neither the move nor the edit of that request was kept.
    expect((await apiCall('GET', `/tasks/${b.id}`, { key })).json).toMatchObject({ title: 'Kodlama', statusId: todo.id, version: 1 });

    // The reminder lead: the project's customer and the creator's default (an hour) when left out,
    // changed by PATCH, refused with field errors when bad; another business's key sees nothing.
    expect((await apiCall('GET', `/tasks/${a.id}`, { key })).json).toMatchObject({ reminderMinutes: 60, customer: { id: customer.id } });
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const timed = await apiCall('POST', '/tasks', { key }, { title: 'Sunum', projectId: project.id, dueAt, reminderMinutes: 15 });
    expect(timed).toMatchObject({ status: 201, json: { reminderMinutes: 15 } });
    const timedId = (timed.json as Task).id;
    expect((await apiCall('PATCH', `/tasks/${timedId}`, { key }, { reminderMinutes: null })).json).toMatchObject({ reminderMinutes: null, title: 'Sunum' });
    expect(await apiCall('PATCH', `/tasks/${timedId}`, { key }, { reminderMinutes: -1 })).toMatchObject({ status: 422, json: { error: { fields: { reminderMinutes: { code: 'tooSmall' } } } } });
    expect(await apiCall('POST', '/tasks', { key }, { title: 'Kötü', reminderMinutes: 'soon' })).toMatchObject({ status: 422 });
    const stranger = await createUser(db);
    const elsewhere = await createTestBusiness(db, stranger, { name: 'Başka İşletme' });
    const { key: strangerKey } = await createApiKey(db, await contextFor(db, stranger.id, elsewhere.slug), { name: 'api', role: 'admin', expiresAt: null });
    expect((await apiCall('PATCH', `/tasks/${timedId}`, { key: strangerKey }, { reminderMinutes: 0 })).status).toBe(404);
    expect((await apiCall('GET', `/tasks/${timedId}`, { key })).json).toMatchObject({ reminderMinutes: null });

    expect((await apiCall('DELETE', `/tasks/${b.id}`, { key })).status).toBe(204);
    expect((await apiCall('GET', `/tasks/${b.id}`, { key })).status).toBe(404);
    expect((await apiCall('DELETE', `/projects/${project.id}`, { key })).status).toBe(204);
    expect((await apiCall('GET', `/tasks/${a.id}`, { key })).status).toBe(404);
  });
});
