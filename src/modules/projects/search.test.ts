/**
 * Searching, filtering, sorting and paging the project and task lists, in the queries and through
 * /api/v1 with an API key; the customers list's `sort` parameter; bad parameters answer 400 with
 * field errors; another business's key sees none of it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { createApiKey } from '@/modules/api-keys/mutations';
import { createTaskOperation } from '@/modules/tasks/operations';
import { findTasks } from '@/modules/tasks/queries';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { apiCall } from '../../../tests/api';
import { openApiDocument } from '@/composition/api';
import { createProjectOperation } from './operations';
import { findProjectsPage } from './queries';

afterAll(closeDb);

type Page = { data: { id: string; name: string; title?: string }[]; nextCursor: string | null };

async function world() {
  const db = getDb();
  const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, owner, { name: `Arama Evi ${Math.random().toString(36).slice(2, 6)}` });
  const ctx = await contextFor(db, owner.id, business.slug);
  const member = await addPersonnel(db, business.id, { role: 'member', name: 'Üye Ümit' });
  const memberCtx = await contextFor(db, member.user!.id, business.slug);
  const { key } = await createApiKey(db, ctx, { name: 'api', role: 'admin', expiresAt: null });
  const ilik = await insertTestCustomer(db, business.id, { name: 'Işık Tekstil', kind: 'company' });
  const cam = await insertTestCustomer(db, business.id, { name: 'Çamlıca Gıda', kind: 'company' });
  const project = async (name: string, fields: Record<string, unknown> = {}) => {
    const result = await runOperation(createProjectOperation, ctx, { name, ...fields });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return (result.data as { id: string }).id;
  };
  const web = await project('Web Sitesi Yenileme', { customerId: ilik.id, status: 'active', endDate: '2026-03-10' });
  const logo = await project('Logo Çalışması', { customerId: cam.id, status: 'planned', endDate: '2026-01-05' });
  const shop = await project('Şube Açılışı', { customerId: ilik.id, status: 'on_hold' });
  const salesOwn = await project('Satış Sunumu', { status: 'active', ownerId: member.personnelId, endDate: '2026-02-01' });
  return { db, business, ctx, memberCtx, key, ilik, cam, ids: { web, logo, shop, salesOwn } };
}

const names = (page: Page) => page.data.map((p) => p.name ?? p.title);

describe('project list search and filters', () => {
  it('finds projects by Turkish-folded name and by the customer’s name, filters, sorts and pages', async () => {
    const { db, ctx, memberCtx, key, ilik, ids } = await world();
    for (const q of ['yenileme', 'YENİLEME', 'Yenıleme']) {
      expect((await findProjectsPage(db, ctx, { filters: { search: q } })).data.map((p) => p.id)).toEqual([ids.web]);
    }
    // "ışık" matches the customer Işık Tekstil: both of its projects.
    expect(new Set((await findProjectsPage(db, ctx, { filters: { search: 'ışık' } })).data.map((p) => p.id))).toEqual(new Set([ids.web, ids.shop]));
    expect((await findProjectsPage(db, ctx, { filters: { statuses: ['active'], customerId: ilik.id } })).data.map((p) => p.id)).toEqual([ids.web]);
    expect((await findProjectsPage(db, ctx, { filters: { dueFrom: '2026-01-01', dueTo: '2026-02-28' }, sort: 'due' })).data.map((p) => p.id)).toEqual([ids.logo, ids.salesOwn]);
    // Turkish alphabetical order: Ç after C, Ş after S.
    const byName = await findProjectsPage(db, ctx, { sort: 'name' });
    expect(byName.data.map((p) => p.name)).toEqual(['Logo Çalışması', 'Satış Sunumu', 'Şube Açılışı', 'Web Sitesi Yenileme']);
    // Due order puts projects without an end date last, descending too after the keyset pages.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await findProjectsPage(db, ctx, { sort: 'due', dir: 'asc', limit: 1, cursor });
      seen.push(...page.data.map((p) => p.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['Logo Çalışması', 'Satış Sunumu', 'Web Sitesi Yenileme', 'Şube Açılışı']);
    // A member sees only the projects they own or are a member of, searched or not.
    expect((await findProjectsPage(db, memberCtx, {})).data.map((p) => p.id)).toEqual([ids.salesOwn]);
    expect((await findProjectsPage(db, memberCtx, { filters: { search: 'yenileme' } })).data).toEqual([]);

    // The same through the API.
    const api = async (qs: string) => apiCall('GET', `/projects?${qs}`, { key });
    expect(names((await api('search=YEN%C4%B0LEME')).json as Page)).toEqual(['Web Sitesi Yenileme']);
    expect(names((await api(`status=active&customerId=${ilik.id}`)).json as Page)).toEqual(['Web Sitesi Yenileme']);
    expect(names((await api('sort=-name')).json as Page)).toEqual(['Web Sitesi Yenileme', 'Şube Açılışı', 'Satış Sunumu', 'Logo Çalışması']);
    const first = (await api('sort=name&limit=2')).json as Page;
    expect(names(first)).toEqual(['Logo Çalışması', 'Satış Sunumu']);
    const second = (await api(`sort=name&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`)).json as Page;
    expect(names(second)).toEqual(['Şube Açılışı', 'Web Sitesi Yenileme']);
    expect(second.nextCursor).toBeNull();
    expect(names((await api('dueFrom=2026-03-01&dueTo=2026-03-31')).json as Page)).toEqual(['Web Sitesi Yenileme']);

    // Bad parameters: 400 with the field, never a 500.
    for (const [qs, field] of [
      ['sort=budget', 'sort'],
      ['status=open', 'status'],
      ['dueFrom=2026-02-30', 'dueFrom'],
      ['dueFrom=2026-03-01&dueTo=2026-02-01', 'dueTo'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      [`sort=due&cursor=${encodeURIComponent(first.nextCursor!)}`, 'cursor'],
      ['customerId=42', 'customerId'],
    ] as const) {
      const res = await api(qs);
      expect(res.status, qs).toBe(400);
      expect((res.json as { error: { fields: Record<string, string> } }).error.fields, qs).toHaveProperty(field);
    }
  });

  it('searches, filters, sorts and pages tasks, in the query and the API', async () => {
    const { db, ctx, key, ids } = await world();
    const task = async (title: string, fields: Record<string, unknown> = {}) => {
      const result = await runOperation(createTaskOperation, ctx, { title, ...fields });
      if (!result.ok) throw new Error(JSON.stringify(result));
      return (result.data as { id: string }).id;
    };
    await task('Ana sayfa tasarımı', { projectId: ids.web, priority: 'high', dueAt: '2026-03-01 09:00' });
    await task('İçerik girişi', { projectId: ids.web, priority: 'low', dueAt: '2026-03-05 09:00', description: 'Ürün açıklamaları' });
    await task('Fatura kes', { priority: 'urgent' });
    expect((await findTasks(db, ctx, { filters: { search: 'ICERIK' } })).data.map((t) => t.title)).toEqual(['İçerik girişi']);
    expect((await findTasks(db, ctx, { filters: { search: 'urun' } })).data.map((t) => t.title)).toEqual(['İçerik girişi']);
    expect((await findTasks(db, ctx, { sort: 'priority', dir: 'desc' })).data.map((t) => t.title)).toEqual(['Fatura kes', 'Ana sayfa tasarımı', 'İçerik girişi']);
    expect((await findTasks(db, ctx, { sort: 'due' })).data.map((t) => t.title)).toEqual(['Ana sayfa tasarımı', 'İçerik girişi', 'Fatura kes']);

    const api = async (qs: string) => apiCall('GET', `/tasks?${qs}`, { key });
    expect(names((await api(`projectId=${ids.web}&priority=high`)).json as Page)).toEqual(['Ana sayfa tasarımı']);
    expect(names((await api('search=i%C3%A7erik&status=todo')).json as Page)).toEqual(['İçerik girişi']);
    expect(names((await api('dueFrom=2026-03-02&dueTo=2026-03-31')).json as Page)).toEqual(['İçerik girişi']);
    const first = (await api('sort=-due&limit=2')).json as Page;
    expect(names(first)).toEqual(['Fatura kes', 'İçerik girişi']);
    expect(names((await api(`sort=-due&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`)).json as Page)).toEqual(['Ana sayfa tasarımı']);
    for (const qs of ['sort=title', 'priority=huge', 'dueTo=yesterday', 'cursor=%%%', 'sort=priority&cursor=' + encodeURIComponent(first.nextCursor!)]) {
      expect((await api(qs)).status, qs).toBe(400);
    }
  });

  it('sorts the customers list of the API in the orders of the list page', async () => {
    const { db, business, key } = await world();
    await insertTestCustomer(db, business.id, { name: 'Zeytin Evi' });
    const api = async (qs: string) => apiCall('GET', `/customers?${qs}`, { key });
    expect(names((await api('sort=name')).json as Page)).toEqual(['Çamlıca Gıda', 'Işık Tekstil', 'Zeytin Evi']);
    expect(names((await api('sort=-name')).json as Page)).toEqual(['Zeytin Evi', 'Işık Tekstil', 'Çamlıca Gıda']);
    expect(names((await api('sort=-created')).json as Page)[0]).toBe('Zeytin Evi');
    const first = (await api('sort=-lastInteraction&limit=2')).json as Page;
    expect(first.data).toHaveLength(2);
    expect(((await api(`sort=-lastInteraction&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`)).json as Page).data).toHaveLength(1);
    expect((await api('sort=lifetimeValue')).status).toBe(200);
    expect(await api('sort=age')).toMatchObject({ status: 400, json: { error: { fields: { sort: expect.anything() } } } });
    expect((await api(`sort=created&cursor=${encodeURIComponent(first.nextCursor!)}`)).status).toBe(400);
  });

  it('documents the orders and filters of the lists in the OpenAPI document', () => {
    type Param = { name: string; schema: { enum?: string[] } };
    const doc = openApiDocument() as { paths: Record<string, { get?: { parameters?: Param[] } }> };
    const param = (path: string, name: string) => doc.paths[path]?.get?.parameters?.find((p) => p.name === name);
    expect(param('/customers', 'sort')?.schema.enum).toEqual(['name', '-name', 'created', '-created', 'lifetimeValue', '-lifetimeValue', 'lastInteraction', '-lastInteraction']);
    expect(param('/projects', 'sort')?.schema.enum).toEqual(['name', '-name', 'created', '-created', 'due', '-due']);
    expect(param('/tasks', 'sort')?.schema.enum).toEqual(['due', '-due', 'created', '-created', 'priority', '-priority']);
    for (const name of ['search', 'status', 'customerId', 'ownerId', 'dueFrom', 'dueTo', 'cursor', 'limit']) expect(param('/projects', name), name).toBeDefined();
    for (const name of ['search', 'status', 'priority', 'assigneeId', 'projectId', 'dueFrom', 'dueTo', 'cursor']) expect(param('/tasks', name), name).toBeDefined();
  });

  it('shows another business’s key none of the projects or tasks, whatever it asks', async () => {
    const { ids } = await world();
    const other = await world();
    for (const path of ['/projects?search=yenileme', '/projects?sort=name', `/tasks?projectId=${ids.web}`, '/customers?sort=name&search=ışık']) {
      const res = await apiCall('GET', path, { key: other.key });
      expect(res.status, path).toBe(200);
      const shown = (res.json as Page).data.map((r) => r.id);
      expect(shown.some((id) => Object.values(ids).includes(id)), path).toBe(false);
    }
  });
});
