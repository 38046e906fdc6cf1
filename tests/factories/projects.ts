import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '@/server/db/client';
import { deals, pipelines, pipelineStages, projects, taskAssignees, taskStatuses, tasks } from '@/server/db/schema';
import { newId } from '@/lib/ids';
import { keysBetween } from '@/lib/ordering';
import { insertDefaultStatuses, projectSearchKeys } from '@/modules/projects/mutations';
import { searchText } from '@/lib/text';

/** A project with the default columns, written directly (for tests of other modules and the bench). */
export async function insertTestProject(
  db: Executor,
  businessId: string,
  fields: { name?: string; customerId?: string | null; ownerId?: string | null } = {},
): Promise<{ id: string; name: string; statuses: { id: string; category: string }[] }> {
  const id = newId();
  const name = fields.name ?? `Proje ${id.slice(-6)}`;
  await db.insert(projects).values({ businessId, id, name, ...projectSearchKeys(name, null), customerId: fields.customerId ?? null, ownerId: fields.ownerId ?? null });
  await insertDefaultStatuses(db, businessId, id, 'tr');
  const statuses = await db
    .select({ id: taskStatuses.id, category: taskStatuses.category })
    .from(taskStatuses)
    .where(and(eq(taskStatuses.businessId, businessId), eq(taskStatuses.projectId, id)))
    .orderBy(asc(taskStatuses.position));
  return { id, name, statuses };
}

/**
 * Many tasks in a project at once, spread over its columns with ordered keys, in batches of 1,000
 * rows per insert (the bench makes a 2,000-task board with it).
 */
export async function insertTasksBulk(
  db: Executor,
  businessId: string,
  project: { id: string; statuses: { id: string; category: string }[] },
  count: number,
  options: { assigneeId?: string | null; createdById?: string | null } = {},
): Promise<string[]> {
  const perStatus = Math.ceil(count / project.statuses.length);
  const rows: (typeof tasks.$inferInsert)[] = [];
  project.statuses.forEach((status, s) => {
    const n = Math.min(perStatus, count - s * perStatus);
    if (n <= 0) return;
    const keys = keysBetween(null, null, n);
    for (let i = 0; i < n; i++) {
      rows.push({
        businessId,
        id: newId(),
        projectId: project.id,
        statusId: status.id,
        category: status.category as 'todo' | 'in_progress' | 'done',
        position: keys[i]!,
        title: `Görev ${s + 1}-${i + 1}`,
        searchText: searchText([`Görev ${s + 1}-${i + 1}`]),
        priority: (['low', 'medium', 'high', 'urgent'] as const)[i % 4],
        dueAt: new Date(Date.now() + ((i % 30) - 10) * 24 * 3600_000),
        completedAt: status.category === 'done' ? new Date() : null,
        createdById: options.createdById ?? null,
      });
    }
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(tasks).values(rows.slice(i, i + 1000));
  if (options.assigneeId) {
    const links = rows.map((r) => ({ businessId, taskId: r.id!, personnelId: options.assigneeId! }));
    for (let i = 0; i < links.length; i += 1000) await db.insert(taskAssignees).values(links.slice(i, i + 1000));
  }
  return rows.map((r) => r.id!);
}

/** A pipeline with an open and a won stage, and a deal in the open one. */
export async function insertTestDeal(
  db: Executor,
  businessId: string,
  fields: { title?: string; customerId?: string | null; ownerId?: string | null; projectTemplateId?: string | null } = {},
): Promise<{ dealId: string; pipelineId: string; wonStageId: string }> {
  const pipelineId = newId();
  await db.insert(pipelines).values({ businessId, id: pipelineId, name: `Satış ${pipelineId.slice(-6)}`, projectTemplateId: fields.projectTemplateId ?? null });
  const openStageId = newId();
  const wonStageId = newId();
  await db.insert(pipelineStages).values([
    { businessId, id: openStageId, pipelineId, name: 'Teklif', position: 0 },
    { businessId, id: wonStageId, pipelineId, name: 'Kazanıldı', position: 1, kind: 'won', probability: 100 },
  ]);
  const dealId = newId();
  await db.insert(deals).values({
    businessId,
    id: dealId,
    pipelineId,
    stageId: openStageId,
    position: 'a0',
    title: fields.title ?? `Fırsat ${dealId.slice(-6)}`,
    customerId: fields.customerId ?? null,
    ownerId: fields.ownerId ?? null,
    currency: 'TRY',
  });
  return { dealId, pipelineId, wonStageId };
}

const PROJECT_WORDS = ['Web Sitesi', 'Mağaza', 'Logo', 'Katalog', 'Şube', 'Mobil Uygulama', 'Kampanya', 'Muhasebe', 'Depo', 'Ürün Çekimi', 'İç Mimari', 'Sosyal Medya'];
const PROJECT_KINDS = ['Yenileme', 'Kurulumu', 'Tasarımı', 'Açılışı', 'Taşıması', 'Bakımı', 'Çalışması', 'Geçişi'];

/**
 * Many projects at once (the bench's project list), with names from a small Turkish vocabulary,
 * every status, customers and owners from the lists given, and end dates over two years (a fifth
 * without one); in batches of 1,000 rows per insert, without board columns.
 */
export async function insertProjectsBulk(
  db: Executor,
  businessId: string,
  count: number,
  options: { customerIds: string[]; ownerIds: string[]; seed?: number },
): Promise<void> {
  const statuses = ['planned', 'active', 'on_hold', 'done', 'cancelled'] as const;
  const base = Date.UTC(2025, 0, 1);
  const rows: (typeof projects.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const n = i + (options.seed ?? 0);
    const name = `${PROJECT_WORDS[n % PROJECT_WORDS.length]} ${PROJECT_KINDS[Math.floor(n / PROJECT_WORDS.length) % PROJECT_KINDS.length]} ${n + 1}`;
    const end = n % 5 === 0 ? null : new Date(base + ((n * 37) % 730) * 86_400_000).toISOString().slice(0, 10);
    rows.push({
      businessId,
      id: newId(),
      name,
      ...projectSearchKeys(name, null),
      status: statuses[n % statuses.length]!,
      customerId: options.customerIds.length ? options.customerIds[(n * 7) % options.customerIds.length]! : null,
      ownerId: options.ownerIds.length ? options.ownerIds[n % options.ownerIds.length]! : null,
      endDate: end,
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(projects).values(rows.slice(i, i + 1000));
}
