/**
 * Every role against every operation, compared with PERMISSIONS.md as written out by hand in
 * ./permission-table.ts (not with src/lib/permissions.ts, so a wrong cell there fails here). The
 * operations are discovered from the modules, so a new operation without a scenario here fails
 * this test. The read queries have their own matrix in role-matrix-reads.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { stopBoss } from '@/server/jobs/boss';
import { runOperation, type Operation } from '@/server/actions/operation';
import type { Ctx } from '@/server/auth/context';
import { ROLES, type Role } from '@/lib/permissions';
import { expectedAllowed, expectedDeletesBusiness, expectedScope } from './permission-table';
import { addPersonnel, contextFor, createTestBusiness, createUser } from './factories';
import { createApiKey } from '@/modules/api-keys/mutations';
import { createCustomer, createNote, createSegment, createTag } from '@/modules/customers/mutations';
import { createCustomerSchema } from '@/modules/customers/schemas';
import { insertTestInteraction, insertTestTemplate } from './factories/interactions';
import { insertTestReminder } from './factories/reminders';
import { createPurchase } from '@/modules/purchases/mutations';
import { createPurchaseSchema } from '@/modules/purchases/schemas';
import { uploadImport } from '@/modules/imports/mutations';
import { asc, eq } from 'drizzle-orm';
import { pipelineStages } from '@/server/db/schema';
import { createDeal, createPipeline, ensureDefaultPipeline } from '@/modules/deals/mutations';
import { createDealSchema } from '@/modules/deals/schemas';
import { createQuote } from '@/modules/quotes/mutations';
import { createQuoteSchema } from '@/modules/quotes/schemas';
import { createContract } from '@/modules/contracts/mutations';
import { createContractSchema } from '@/modules/contracts/schemas';
import { createProject, createProjectTemplate } from '@/modules/projects/mutations';
import { findTaskStatuses } from '@/modules/projects/queries';
import { addChecklistItem, createTask } from '@/modules/tasks/mutations';

type AnyOperation = Operation<never, unknown>;

const modules = import.meta.glob<Record<string, unknown>>('/src/modules/*/operations.ts', { eager: true });
const operations = Object.values(modules)
  .flatMap((m) => Object.values(m))
  .filter((v): v is AnyOperation => typeof v === 'object' && v !== null && 'run' in v && 'permission' in v);

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

type Fixture = {
  ctx: Ctx;
  targetId: string;
  targetVersion: number;
  businessName: string;
  apiKeyId: string;
  /** Customers owned by the business's owner (not by the actor), a tag, a segment, an owner's note. */
  customerId: string;
  otherCustomerId: string;
  tagId: string;
  segmentId: string;
  noteId: string;
  /** An interaction the acting person logged, so "own" roles may change it. */
  interactionId: string;
  templateId: string;
  reminderId: string;
  purchaseId: string;
  importId: string;
  /** The default pipeline and its stages, a deal owned by the actor, and (for its delete) an empty pipeline. */
  pipelineId: string;
  stageIds: string[];
  dealId: string;
  extraPipelineId: string;
  quoteId: string;
  contractId: string;
  /** A project of the owner's with the actor as a member, its columns, a task assigned to the actor with a checklist item. */
  projectId: string;
  statusIds: string[];
  taskId: string;
  checklistItemId: string;
  projectTemplateId: string;
};

const now = () => new Date().toISOString();

const purchaseInput = (customerId: string) => ({
  customerId,
  orderedAt: '2026-03-01',
  items: [{ name: 'Matris ürünü', quantityMilli: 1000, unitPriceMinor: 1000, vatRateBp: 2000 }],
});

/** Input for each operation, and whether the role is expected to be allowed. */
const scenarios: Record<string, { input: (f: Fixture) => unknown; allowed: (role: Role) => boolean; last?: boolean }> = {
  updateBusiness: {
    input: (f) => ({ name: f.businessName, sector: 'Perakende', version: 1 }),
    allowed: (r) => expectedAllowed(r, 'business', 'update'),
  },
  deleteBusiness: {
    input: (f) => ({ confirmName: f.businessName }),
    allowed: (r) => expectedDeletesBusiness(r),
    last: true,
  },
  setBusinessLogo: {
    input: () => ({ logo: new File([PNG], 'logo.png', { type: 'image/png' }) }),
    allowed: (r) => expectedAllowed(r, 'business', 'update'),
  },
  createApiKey: {
    input: () => ({ name: 'Matris anahtarı', role: 'viewer' }),
    allowed: (r) => expectedAllowed(r, 'apiKeys', 'create'),
  },
  revokeApiKey: {
    input: (f) => ({ id: f.apiKeyId }),
    allowed: (r) => expectedAllowed(r, 'apiKeys', 'delete'),
  },
  createPersonnel: {
    input: () => ({ name: 'Yeni Personel', role: 'member' }),
    allowed: (r) => expectedAllowed(r, 'personnel', 'create'),
  },
  updatePersonnel: {
    input: (f) => ({ id: f.targetId, version: f.targetVersion, name: 'Değişen Ad', role: 'member', active: true }),
    allowed: (r) => expectedAllowed(r, 'personnel', 'update'),
  },
  invitePersonnel: {
    input: (f) => ({ id: f.targetId }),
    allowed: (r) => expectedAllowed(r, 'personnel', 'create'),
  },
  deletePersonnel: {
    input: (f) => ({ id: f.targetId }),
    allowed: (r) => expectedAllowed(r, 'personnel', 'delete'),
  },
  createCustomer: {
    input: () => ({ name: 'Yeni Müşteri', phones: ['0532 123 45 67'] }),
    allowed: (r) => expectedAllowed(r, 'customers', 'create'),
  },
  updateCustomer: {
    input: (f) => ({ id: f.customerId, version: 1, name: 'Değişen Müşteri' }),
    allowed: (r) => expectedAllowed(r, 'customers', 'update'),
  },
  // The targets belong to the owner: a role that may delete only its own is refused.
  deleteCustomer: {
    input: (f) => ({ id: f.customerId }),
    allowed: (r) => expectedScope(r, 'customers', 'delete') === 'all',
  },
  deleteCustomers: {
    input: (f) => ({ ids: [f.customerId, f.otherCustomerId] }),
    allowed: (r) => expectedScope(r, 'customers', 'delete') === 'all',
  },
  mergeCustomers: {
    input: (f) => ({ survivorId: f.customerId, otherId: f.otherCustomerId }),
    allowed: (r) => expectedScope(r, 'customers', 'delete') === 'all',
  },
  tagCustomers: {
    input: (f) => ({ customerIds: [f.customerId], tagId: f.tagId }),
    allowed: (r) => expectedAllowed(r, 'customers', 'update'),
  },
  assignCustomerOwner: {
    input: (f) => ({ customerIds: [f.customerId], ownerId: f.ctx.personnelId }),
    allowed: (r) => expectedAllowed(r, 'customers', 'update'),
  },
  createTag: {
    input: (f) => ({ name: `Yeni etiket ${f.tagId.slice(-6)}`, color: 'teal' }),
    allowed: (r) => expectedAllowed(r, 'tags', 'create'),
  },
  updateTag: {
    input: (f) => ({ id: f.tagId, version: 1, name: `Değişen etiket ${f.tagId.slice(-6)}` }),
    allowed: (r) => expectedAllowed(r, 'tags', 'update'),
  },
  deleteTag: {
    input: (f) => ({ id: f.tagId }),
    allowed: (r) => expectedAllowed(r, 'tags', 'delete'),
  },
  createSegment: {
    input: (f) => ({ name: `Yeni segment ${f.segmentId.slice(-6)}`, filters: { statuses: ['active'] } }),
    allowed: (r) => expectedAllowed(r, 'campaigns', 'create'),
  },
  updateSegment: {
    input: (f) => ({ id: f.segmentId, version: 1, name: `Değişen segment ${f.segmentId.slice(-6)}`, filters: {} }),
    allowed: (r) => expectedAllowed(r, 'campaigns', 'update'),
  },
  deleteSegment: {
    input: (f) => ({ id: f.segmentId }),
    allowed: (r) => expectedAllowed(r, 'campaigns', 'delete'),
  },
  createCustomerNote: {
    input: (f) => ({ customerId: f.customerId, body: 'Yeni not' }),
    allowed: (r) => expectedAllowed(r, 'interactions', 'create'),
  },
  // The note is the owner's: a role that may change only its own notes is refused.
  updateCustomerNote: {
    input: (f) => ({ id: f.noteId, version: 1, body: 'Değişen not' }),
    allowed: (r) => expectedScope(r, 'interactions', 'update') === 'all',
  },
  deleteCustomerNote: {
    input: (f) => ({ id: f.noteId }),
    allowed: (r) => expectedScope(r, 'interactions', 'delete') === 'all',
  },
  findInteractions: {
    input: (f) => ({ customerId: f.customerId }),
    allowed: (r) => expectedAllowed(r, 'interactions', 'read'),
  },
  findCustomerTimeline: {
    input: (f) => ({ customerId: f.customerId }),
    allowed: (r) => expectedAllowed(r, 'interactions', 'read'),
  },
  findCustomerOptions: {
    input: () => ({ search: 'matris' }),
    allowed: (r) => expectedAllowed(r, 'customers', 'read'),
  },
  createInteraction: {
    input: (f) => ({ type: 'call', direction: 'outbound', occurredAt: now(), customerIds: [f.customerId], outcome: 'connected' }),
    allowed: (r) => expectedAllowed(r, 'interactions', 'create'),
  },
  updateInteraction: {
    input: (f) => ({ id: f.interactionId, version: 1, type: 'note', occurredAt: now(), customerIds: [f.customerId], body: 'Değişti' }),
    allowed: (r) => expectedAllowed(r, 'interactions', 'update'),
  },
  deleteInteraction: {
    input: (f) => ({ id: f.interactionId }),
    allowed: (r) => expectedAllowed(r, 'interactions', 'delete'),
  },
  sendEmail: {
    input: (f) => ({ customerId: f.customerId, subject: 'Merhaba {{customer.firstName}}', body: 'Matris e-postası' }),
    allowed: (r) => expectedAllowed(r, 'interactions', 'create'),
  },
  sendSms: {
    input: (f) => ({ customerId: f.customerId, body: 'Matris SMS' }),
    allowed: (r) => expectedAllowed(r, 'interactions', 'create'),
  },
  createTemplate: {
    input: () => ({ channel: 'email', name: 'Matris şablonu', subject: 'Konu', body: 'Metin' }),
    allowed: (r) => expectedAllowed(r, 'templates', 'create'),
  },
  updateTemplate: {
    input: (f) => ({ id: f.templateId, version: 1, channel: 'sms', name: 'Matris SMS şablonu', body: 'Kısa metin' }),
    allowed: (r) => expectedAllowed(r, 'templates', 'update'),
  },
  deleteTemplate: {
    input: (f) => ({ id: f.templateId }),
    allowed: (r) => expectedAllowed(r, 'templates', 'delete'),
  },
  // The target reminder is assigned to the actor, so "own" roles are allowed too; reminders.test.ts
  // shows they are refused someone else's.
  createReminder: {
    input: () => ({ title: 'Matris hatırlatıcısı', dueAt: '2030-01-01 09:00' }),
    allowed: (r) => expectedAllowed(r, 'reminders', 'create'),
  },
  updateReminder: {
    input: (f) => ({ id: f.reminderId, version: 1, title: 'Değişen hatırlatıcı', dueAt: '2030-01-02 09:00', assigneeId: f.ctx.personnelId }),
    allowed: (r) => expectedAllowed(r, 'reminders', 'update'),
  },
  markReminderDone: {
    input: (f) => ({ id: f.reminderId }),
    allowed: (r) => expectedAllowed(r, 'reminders', 'update'),
  },
  deleteReminder: {
    input: (f) => ({ id: f.reminderId }),
    allowed: (r) => expectedAllowed(r, 'reminders', 'delete'),
  },
  createPipeline: {
    input: () => ({ name: `Matris hattı ${Math.random().toString(36).slice(2, 8)}` }),
    allowed: (r) => expectedAllowed(r, 'pipelines', 'create'),
  },
  updatePipeline: {
    input: (f) => ({ id: f.pipelineId, version: 1, name: 'Yeni ad' }),
    allowed: (r) => expectedAllowed(r, 'pipelines', 'update'),
  },
  deletePipeline: {
    input: (f) => ({ id: f.extraPipelineId }),
    allowed: (r) => expectedAllowed(r, 'pipelines', 'delete'),
  },
  createStage: {
    input: (f) => ({ pipelineId: f.pipelineId, name: 'Yeni aşama', probability: 20, kind: 'open' }),
    allowed: (r) => expectedAllowed(r, 'pipelines', 'update'),
  },
  updateStage: {
    input: (f) => ({ id: f.stageIds[0], version: 1, name: 'Değişen aşama', probability: 15, kind: 'open' }),
    allowed: (r) => expectedAllowed(r, 'pipelines', 'update'),
  },
  deleteStage: {
    // The negotiation stage holds no deal.
    input: (f) => ({ id: f.stageIds[2] }),
    allowed: (r) => expectedAllowed(r, 'pipelines', 'update'),
  },
  reorderStages: {
    input: (f) => ({ pipelineId: f.pipelineId, stageIds: [...f.stageIds].reverse() }),
    allowed: (r) => expectedAllowed(r, 'pipelines', 'update'),
  },
  // The target deal is owned by the actor, so "own" roles are allowed too; deals.test.ts checks
  // that they cannot touch someone else's.
  createDeal: {
    input: () => ({ title: 'Matris fırsatı', value: { amountMinor: 1000, currency: 'TRY' } }),
    allowed: (r) => expectedAllowed(r, 'deals', 'create'),
  },
  updateDeal: {
    input: (f) => ({ id: f.dealId, version: 1, title: 'Değişen fırsat' }),
    allowed: (r) => expectedAllowed(r, 'deals', 'update'),
  },
  moveDeal: {
    // Earlier operations may have reordered the stages: a reason, in case this one is the lost stage.
    input: (f) => ({ id: f.dealId, stageId: f.stageIds[1], lostReason: 'Pahalı bulundu' }),
    allowed: (r) => expectedAllowed(r, 'deals', 'update'),
  },
  deleteDeal: {
    input: (f) => ({ id: f.dealId }),
    allowed: (r) => expectedAllowed(r, 'deals', 'delete'),
  },
  loadMoreDeals: {
    input: (f) => ({ stageId: f.stageIds[0], after: '0' }),
    allowed: (r) => expectedAllowed(r, 'deals', 'read'),
  },
  searchDealCustomers: {
    input: () => ({ search: 'hedef' }),
    allowed: (r) => expectedAllowed(r, 'deals', 'read'),
  },
  // Quotes follow the deals row; the deal is the actor's, so "own" roles are allowed too.
  // quotes.test.ts shows sales are refused the quotes of someone else's deal.
  createQuote: {
    input: (f) => ({ dealId: f.dealId, items: [{ name: 'Matris kalemi', quantityMilli: 1000, unitPriceMinor: 1000, vatRateBp: 2000 }] }),
    allowed: (r) => expectedAllowed(r, 'deals', 'create'),
  },
  updateQuote: {
    input: (f) => ({ id: f.quoteId, version: 1, items: [], notes: 'Değişen teklif' }),
    allowed: (r) => expectedAllowed(r, 'deals', 'update'),
  },
  sendQuote: {
    input: (f) => ({ id: f.quoteId }),
    allowed: (r) => expectedAllowed(r, 'deals', 'update'),
  },
  deleteQuote: {
    input: (f) => ({ id: f.quoteId }),
    allowed: (r) => expectedAllowed(r, 'deals', 'delete'),
  },
  createContract: {
    input: (f) => ({ dealId: f.dealId, title: 'Matris sözleşmesi', endDate: '2030-06-30' }),
    allowed: (r) => expectedAllowed(r, 'deals', 'create'),
  },
  updateContract: {
    input: (f) => ({ id: f.contractId, version: 1, title: 'Değişen sözleşme', status: 'active', endDate: '2031-01-31' }),
    allowed: (r) => expectedAllowed(r, 'deals', 'update'),
  },
  deleteContract: {
    input: (f) => ({ id: f.contractId }),
    allowed: (r) => expectedAllowed(r, 'deals', 'delete'),
  },
  markNotificationsRead: {
    input: () => ({ all: true }),
    allowed: () => true,
  },
  createPurchase: {
    input: (f) => purchaseInput(f.customerId),
    allowed: (r) => expectedAllowed(r, 'purchases', 'create'),
  },
  updatePurchase: {
    input: (f) => ({ ...purchaseInput(f.customerId), id: f.purchaseId, version: 1, status: 'refunded' }),
    allowed: (r) => expectedAllowed(r, 'purchases', 'update'),
  },
  deletePurchase: {
    input: (f) => ({ id: f.purchaseId }),
    allowed: (r) => expectedAllowed(r, 'purchases', 'delete'),
  },
  importPurchases: {
    input: () => ({
      file: new File(['Sipariş no;E-posta;Tarih;Ürün;Adet;Fiyat;KDV\nmatris-1;matris@example.test;01.03.2026;Matris ürünü;1;10,50;20\n'], 'satislar.csv', { type: 'text/csv' }),
    }),
    allowed: (r) => expectedAllowed(r, 'purchases', 'create'),
  },
  // Importing creates customers: every step takes the right to create them.
  uploadImport: {
    input: () => ({ file: new File(['Ad Soyad;E-posta\nMatris Kişi;matris@example.test\n'], 'matris.csv', { type: 'text/csv' }) }),
    allowed: (r) => expectedAllowed(r, 'customers', 'create'),
  },
  previewImport: {
    input: (f) => ({ id: f.importId, mapping: ['name', 'email'], duplicateMode: 'skip' }),
    allowed: (r) => expectedAllowed(r, 'customers', 'create'),
  },
  startImport: {
    input: (f) => ({ id: f.importId, mapping: ['name', 'email'], duplicateMode: 'skip' }),
    allowed: (r) => expectedAllowed(r, 'customers', 'create'),
  },
  deleteImport: {
    input: (f) => ({ id: f.importId }),
    allowed: (r) => expectedAllowed(r, 'customers', 'create'),
  },
  // The project has the actor as a member and the task is assigned to them: "own" roles may act.
  createProject: {
    input: () => ({ name: 'Matris projesi' }),
    allowed: (r) => expectedAllowed(r, 'projects', 'create'),
  },
  updateProject: {
    input: (f) => ({ id: f.projectId, version: 1, name: 'Değişen proje', memberIds: [f.ctx.personnelId] }),
    allowed: (r) => expectedAllowed(r, 'projects', 'update'),
  },
  deleteProject: {
    input: (f) => ({ id: f.projectId }),
    allowed: (r) => expectedAllowed(r, 'projects', 'delete'),
  },
  createTaskStatus: {
    input: (f) => ({ projectId: f.projectId, name: 'İnceleme', category: 'in_progress' }),
    allowed: (r) => expectedAllowed(r, 'projects', 'update'),
  },
  updateTaskStatus: {
    input: (f) => ({ id: f.statusIds[1], version: 1, name: 'Sürüyor', category: 'in_progress', wipLimit: 3 }),
    allowed: (r) => expectedAllowed(r, 'projects', 'update'),
  },
  deleteTaskStatus: {
    input: (f) => ({ id: f.statusIds[1] }),
    allowed: (r) => expectedAllowed(r, 'projects', 'update'),
  },
  reorderTaskStatuses: {
    input: (f) => ({ projectId: f.projectId, ids: [...f.statusIds].reverse() }),
    allowed: (r) => expectedAllowed(r, 'projects', 'update'),
  },
  createProjectTemplate: {
    input: (f) => ({ name: `Matris şablonu ${f.projectTemplateId.slice(-6)}`, tasks: [{ title: 'Adım', offsetDays: 2 }] }),
    allowed: (r) => expectedAllowed(r, 'pipelines', 'create'),
  },
  updateProjectTemplate: {
    input: (f) => ({ id: f.projectTemplateId, version: 1, name: `Değişen şablon ${f.projectTemplateId.slice(-6)}`, tasks: [] }),
    allowed: (r) => expectedAllowed(r, 'pipelines', 'update'),
  },
  deleteProjectTemplate: {
    input: (f) => ({ id: f.projectTemplateId }),
    allowed: (r) => expectedAllowed(r, 'pipelines', 'delete'),
  },
  createTask: {
    input: (f) => ({ title: 'Matris görevi', projectId: f.projectId }),
    allowed: (r) => expectedAllowed(r, 'tasks', 'create'),
  },
  updateTask: {
    input: (f) => ({ id: f.taskId, version: 1, title: 'Değişen görev', assigneeIds: [f.ctx.personnelId] }),
    allowed: (r) => expectedAllowed(r, 'tasks', 'update'),
  },
  deleteTask: {
    input: (f) => ({ id: f.taskId }),
    allowed: (r) => expectedAllowed(r, 'tasks', 'delete'),
  },
  moveTask: {
    input: (f) => ({ id: f.taskId, statusId: f.statusIds[1] }),
    allowed: (r) => expectedAllowed(r, 'tasks', 'update'),
  },
  setTaskDone: {
    input: (f) => ({ id: f.taskId, done: true }),
    allowed: (r) => expectedAllowed(r, 'tasks', 'update'),
  },
  addChecklistItem: {
    input: (f) => ({ taskId: f.taskId, text: 'Adım' }),
    allowed: (r) => expectedAllowed(r, 'tasks', 'update'),
  },
  toggleChecklistItem: {
    input: (f) => ({ id: f.checklistItemId, done: true }),
    allowed: (r) => expectedAllowed(r, 'tasks', 'update'),
  },
  removeChecklistItem: {
    input: (f) => ({ id: f.checklistItemId }),
    allowed: (r) => expectedAllowed(r, 'tasks', 'update'),
  },
  addComment: {
    input: (f) => ({ taskId: f.taskId, body: 'Bir yorum' }),
    allowed: (r) => expectedAllowed(r, 'tasks', 'create'),
  },
};

beforeAll(() => {
  expect(operations.length).toBeGreaterThan(0);
});
afterAll(async () => {
  // startImport queues a job, which starts pg-boss in this process.
  await stopBoss();
  await closeDb();
});

describe('role matrix', () => {
  it('has a scenario for every operation', () => {
    const missing = operations.map((op) => op.name).filter((name) => !scenarios[name]);
    expect(missing).toEqual([]);
  });

  for (const role of ROLES) {
    it(`${role}: every operation is allowed exactly when the table says so`, async () => {
      const db = getDb();
      const owner = await createUser(db);
      const business = await createTestBusiness(db, owner, { name: `Matris ${role}` });
      const actor = role === 'owner' ? { user: owner } : await addPersonnel(db, business.id, { role });
      const ctx = await contextFor(db, actor.user!.id, business.slug);
      const ordered = [...operations].sort((a, b) => Number(!!scenarios[a.name]?.last) - Number(!!scenarios[b.name]?.last));
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const op of ordered) {
        const scenario = scenarios[op.name]!;
        // A fresh target for each operation: one op's success must not change another's outcome.
        const target = await addPersonnel(db, business.id, { role: 'member', login: false, email: `hedef-${op.name.toLowerCase()}-${role}@example.test` });
        const ownerCtx = await contextFor(db, owner.id, business.slug);
        const apiKey = await createApiKey(db, ownerCtx, { name: 'Hedef anahtar', role: 'viewer', expiresAt: null });
        const customer = await createCustomer(db, ownerCtx, createCustomerSchema.parse({ name: 'Hedef Müşteri', ownerId: ownerCtx.personnelId, emails: ['matris@example.test'], phones: ['0532 123 45 67'] }));
        const other = await createCustomer(db, ownerCtx, createCustomerSchema.parse({ name: 'Hedef Müşteri 2', ownerId: ownerCtx.personnelId }));
        const tag = await createTag(db, ownerCtx, { name: `Hedef etiket ${op.name}`, color: 'gray' });
        const segment = await createSegment(db, ownerCtx, { name: `Hedef segment ${op.name}`, filters: {} });
        const note = await createNote(db, ownerCtx, { customerId: customer.id, body: 'Sahibin notu', pinned: false });
        const interaction = await insertTestInteraction(db, business.id, { customerIds: [customer.id], createdById: ctx.personnelId });
        const template = await insertTestTemplate(db, business.id);
        // Records of the later modules only for their own operations: each costs time per operation and role.
        const purchaseId = /Purchase/.test(op.name) ? (await createPurchase(db, ownerCtx, createPurchaseSchema.parse(purchaseInput(customer.id)))).id : '';
        const importId = /Import/.test(op.name)
          ? (await uploadImport(db, ownerCtx, { name: 'hedef.csv', bytes: Buffer.from('Ad Soyad;E-posta\nHedef;hedef@example.test\n') })).id
          : '';
        // Sales records only for the sales operations: the others stay as quick as they were.
        const sales = /Deal|Pipeline|Stage|Quote|Contract/.test(op.name);
        const pipelineId = sales ? await ensureDefaultPipeline(db, ownerCtx) : '';
        const stageIds = sales
          ? (await db.select({ id: pipelineStages.id }).from(pipelineStages).where(eq(pipelineStages.pipelineId, pipelineId)).orderBy(asc(pipelineStages.position))).map((s) => s.id)
          : [];
        const dealId = sales ? (await createDeal(db, ownerCtx, createDealSchema.parse({ title: 'Hedef fırsat', pipelineId, stageId: stageIds[0], ownerId: ctx.personnelId, customerId: customer.id }))).id : '';
        const extraPipelineId = op.name === 'deletePipeline' ? (await createPipeline(db, ownerCtx, { name: `Boş hat ${role}`, projectTemplateId: null })).id : '';
        const quoteId = /Quote/.test(op.name)
          ? (await createQuote(db, ownerCtx, createQuoteSchema.parse({ dealId, items: [{ name: 'Hedef kalem', quantityMilli: 1000, unitPriceMinor: 500, vatRateBp: 2000 }] }))).id
          : '';
        const contractId = /Contract/.test(op.name)
          ? (await createContract(db, ownerCtx, createContractSchema.parse({ dealId, title: 'Hedef sözleşme', endDate: '2030-06-30' }))).id
          : '';
        const projectWork = /Project|Task|Checklist|Comment/.test(op.name);
        let projectId = '';
        let statusIds: string[] = [];
        let taskId = '';
        let checklistItemId = '';
        let projectTemplateId = '';
        if (projectWork) {
          const project = await createProject(db, ownerCtx, {
            name: `Hedef proje ${op.name}`,
            description: null,
            customerId: null,
            status: 'active',
            startDate: null,
            endDate: null,
            ownerId: ownerCtx.personnelId,
            memberIds: [ctx.personnelId],
          });
          const projectStatusIds = (await findTaskStatuses(db, business.id, project.id)).map((s) => s.id);
          const task = await createTask(db, ownerCtx, {
            title: 'Hedef görev',
            description: null,
            customerId: null,
            assigneeIds: [ctx.personnelId],
            dueAt: null,
            priority: 'medium',
            projectId: project.id,
            statusId: projectStatusIds[0]!,
          });
          const checklistItem = await addChecklistItem(db, ownerCtx, { taskId: task.id, text: 'Hedef adım' });
          const projectTemplate = await createProjectTemplate(db, ownerCtx, { name: `Hedef şablon ${op.name}`, tasks: [] });
          projectId = project.id;
          statusIds = projectStatusIds;
          taskId = task.id;
          checklistItemId = checklistItem.id;
          projectTemplateId = projectTemplate.id;
        }
        const fixture: Fixture = {
          quoteId,
          contractId,
          pipelineId,
          stageIds,
          dealId,
          extraPipelineId,
          projectId,
          statusIds,
          taskId,
          checklistItemId,
          projectTemplateId,
          interactionId: interaction.id,
          templateId: template.id,
          ctx,
          targetId: target.personnelId,
          targetVersion: 1,
          businessName: `Matris ${role}`,
          apiKeyId: apiKey.id,
          customerId: customer.id,
          otherCustomerId: other.id,
          tagId: tag.id,
          segmentId: segment.id,
          noteId: note.id,
          reminderId: (await insertTestReminder(db, business.id, { assigneeId: ctx.personnelId })).id,
          purchaseId,
          importId,
        };
        const result = await runOperation(op, ctx, scenario.input(fixture) as never);
        outcomes[op.name] = result.ok ? 'allowed' : result.code;
        expected[op.name] = scenario.allowed(role) ? 'allowed' : 'FORBIDDEN';
      }
      expect(outcomes).toEqual(expected);
    }, 180_000);
  }
});
