/**
 * Every role against every read query, compared with PERMISSIONS.md as written out by hand in
 * ./permission-table.ts. The queries are discovered from the modules' queries.ts files: a new
 * read made with `defineQuery` and no scenario here fails, and so does a new exported function of
 * a queries.ts that is not a defined query and not listed below with the reason it needs no role.
 *
 * The records read belong to the business's owner, except those the acting person needs as their
 * own (an interaction they logged, a reminder and a task assigned to them, a project they are a
 * member of). A scenario that reads someone else's record of a resource with "own" reads
 * (reminders, projects, tasks) says so with `others`: a role whose cell is lower case must then not
 * see it (NOT_FOUND, or missing from the list), which shows the query applies the "own" scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { closeDb, getDb, type Executor } from '@/server/db/client';
import { stopBoss } from '@/server/jobs/boss';
import { isQuery, type Query } from '@/server/actions/query';
import { isAppError } from '@/lib/errors';
import type { Ctx } from '@/server/auth/context';
import { ROLES, type Action, type Resource, type Role } from '@/lib/permissions';
import { pipelineStages, reminders } from '@/server/db/schema';
import { addPersonnel, contextFor, createTestBusiness, createUser } from './factories';
import { insertTestInteraction, insertTestTemplate } from './factories/interactions';
import { insertTestReminder } from './factories/reminders';
import { expectedScope } from './permission-table';
import { createApiKey } from '@/modules/api-keys/mutations';
import { createCustomer, createNote, createSegment, createTag } from '@/modules/customers/mutations';
import { createCustomerSchema } from '@/modules/customers/schemas';
import { createPurchase } from '@/modules/purchases/mutations';
import { createPurchaseSchema } from '@/modules/purchases/schemas';
import { uploadImport } from '@/modules/imports/mutations';
import { createDeal, ensureDefaultPipeline } from '@/modules/deals/mutations';
import { createDealSchema } from '@/modules/deals/schemas';
import { createQuote } from '@/modules/quotes/mutations';
import { createQuoteSchema } from '@/modules/quotes/schemas';
import { createContract } from '@/modules/contracts/mutations';
import { createContractSchema } from '@/modules/contracts/schemas';
import { createProject, createProjectTemplate } from '@/modules/projects/mutations';
import { findTaskStatuses } from '@/modules/projects/queries';
import { createTask } from '@/modules/tasks/mutations';

const files = import.meta.glob<Record<string, unknown>>('/src/modules/*/queries.ts', { eager: true });
const exported = Object.entries(files).flatMap(([file, m]) => Object.entries(m).map(([name, value]) => ({ file, name, value })));
const queries = exported.map((e) => e.value).filter(isQuery);

/**
 * Exported functions of queries.ts files that are no read of a signed-in person in a business,
 * with the reason. Anything else exported there must be a defined query.
 */
const NOT_READS: Record<string, string> = {
  // Pieces of a query, used inside defined queries and operations.
  ownContractSql: 'a where clause',
  customerFilterWhere: 'a where clause',
  dealScope: 'a where clause, FORBIDDEN when the role has no scope',
  projectScope: 'a where clause, FORBIDDEN when the role has no scope',
  reminderScope: 'a where clause, FORBIDDEN when the role has no scope',
  taskScope: 'a where clause, FORBIDDEN when the role has no scope',
  isOwnTask: 'a where clause',
  effectiveStatusSql: 'a column expression',
  progressOf: 'arithmetic',
  seesPurchaseFigures: 'a permission check itself',
  // Reads of the signed-in user across businesses, before a business (and its role) is chosen.
  findUserBusinesses: "the user's own memberships",
  findUserBusinessesPage: "the user's own memberships",
  findLandingBusinessSlug: "the user's own memberships",
  findLandingBusinessId: "the user's own memberships",
  getNotificationPreferences: "the user's own settings",
  getUserTimeZone: "the user's own settings",
  getUserTaskReminderMinutes: "the user's own settings",
  // Reads of jobs and subscribers, which act for the business and have no person.
  getBusinessLanguage: 'jobs: the language of default names',
  businessCurrency: 'jobs and operations: the default currency',
  findTaskStatuses: 'operations and jobs: a project\'s columns, after the project was checked',
  findTemplateTasks: 'the won-deal job: a template\'s tasks',
  getQuoteItems: 'operations and jobs: lines of a quote already checked',
  getQuoteDocumentForJob: 'the quote e-mail job',
  // Public: the holder of a quote's link token (a hash of it is looked up).
  getQuoteDocumentByTokenHash: 'the public quote link',
};

type Fixture = {
  ctx: Ctx;
  customerId: string;
  tagId: string;
  segmentId: string;
  interactionId: string;
  reminderId: string;
  /** A reminder of the owner's, not the actor's. */
  otherReminderId: string;
  /** Every open reminder of the business (the contract adds one of its own). */
  reminderCount: number;
  purchaseId: string;
  importId: string;
  pipelineId: string;
  stageIds: string[];
  dealId: string;
  quoteId: string;
  contractId: string;
  /** A project of the owner's with the actor as a member, and one without the actor. */
  projectId: string;
  otherProjectId: string;
  /** A task assigned to the actor, and one of the owner's in the same project. */
  taskId: string;
  otherTaskId: string;
  projectTemplateId: string;
};

type Scenario = {
  /** The permission the query must check, from PERMISSIONS.md (hand-written, not read off the query). */
  reads: readonly [Resource, Action];
  args: (f: Fixture) => unknown[];
  /** For a read of someone else's record of an "own" resource: whether the result shows it. */
  others?: (result: never, f: Fixture) => boolean;
};

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const shows = (id: string) => (rows: never) => ids(rows as { id: string }[]).includes(id);
const showsInPage = (id: string) => (page: never) => ids((page as { data: { id: string }[] }).data).includes(id);
const hidden = () => true; // a get: NOT_FOUND is how "own" hides the record

const scenarios: Record<string, Scenario> = {
  findApiKeys: { reads: ['apiKeys', 'read'], args: () => [] },
  findApiKeysPage: { reads: ['apiKeys', 'read'], args: () => [{ limit: 10 }] },
  findAuditEntries: { reads: ['auditLog', 'read'], args: () => [{}] },
  getBusiness: { reads: ['business', 'read'], args: () => [] },
  getBusinessOwners: { reads: ['business', 'read'], args: () => [] },
  countUnreadNotifications: { reads: ['business', 'read'], args: () => [] },
  findNotifications: { reads: ['business', 'read'], args: () => [{}] },

  findCustomers: { reads: ['customers', 'read'], args: () => [{}] },
  countCustomers: { reads: ['customers', 'read'], args: () => [{}] },
  getCustomer: { reads: ['customers', 'read'], args: (f) => [f.customerId] },
  findCompanyPeople: { reads: ['customers', 'read'], args: (f) => [f.customerId] },
  findCompanyOptions: { reads: ['customers', 'read'], args: () => ['Hedef'] },
  getCompanyOption: { reads: ['customers', 'read'], args: (f) => [f.customerId] },
  findLikelyDuplicates: { reads: ['customers', 'read'], args: () => [{ name: 'Hedef Müşteri' }] },
  findOwnerOptions: { reads: ['customers', 'read'], args: () => [] },
  findCustomerOptions: { reads: ['customers', 'read'], args: () => ['Hedef'] },
  getCustomerOptions: { reads: ['customers', 'read'], args: (f) => [[f.customerId]] },
  getCustomerContact: { reads: ['customers', 'read'], args: (f) => [f.customerId] },
  searchCustomerOptions: { reads: ['customers', 'read'], args: () => ['Hedef'] },
  getCustomerOption: { reads: ['customers', 'read'], args: (f) => [f.customerId] },
  findTags: { reads: ['tags', 'read'], args: () => [] },
  getTag: { reads: ['tags', 'read'], args: (f) => [f.tagId] },
  findSegments: { reads: ['campaigns', 'read'], args: () => [] },
  getSegment: { reads: ['campaigns', 'read'], args: (f) => [f.segmentId] },
  // Imports are a way of creating customers: only who may create them sees the imports.
  getImport: { reads: ['customers', 'create'], args: (f) => [f.importId] },
  findImports: { reads: ['customers', 'create'], args: () => [] },
  findImportErrors: { reads: ['customers', 'create'], args: (f) => [f.importId] },
  previewImport: { reads: ['customers', 'create'], args: (f) => [{ id: f.importId, mapping: ['name', 'email'] }] },

  findNotes: { reads: ['interactions', 'read'], args: (f) => [f.customerId] },
  findInteractions: { reads: ['interactions', 'read'], args: (f) => [{ customerId: f.customerId }] },
  findCustomerTimeline: { reads: ['interactions', 'read'], args: (f) => [{ customerId: f.customerId }] },
  getInteraction: { reads: ['interactions', 'read'], args: (f) => [f.interactionId] },
  getSenderContext: { reads: ['interactions', 'read'], args: () => [] },
  // Everyone who may log a message picks from the templates (the templates resource is for editing them).
  listTemplates: { reads: ['interactions', 'read'], args: () => [] },
  findOutbox: { reads: ['interactions', 'read'], args: () => [{}] },

  findPersonnel: { reads: ['personnel', 'read'], args: () => [{}] },
  getPersonnel: { reads: ['personnel', 'read'], args: (f) => [f.ctx.personnelId] },
  countPersonnel: { reads: ['personnel', 'read'], args: () => [] },
  listPersonnelOptions: { reads: ['personnel', 'read'], args: () => [] },
  findPersonnelOptions: { reads: ['personnel', 'read'], args: () => [] },

  findPurchases: { reads: ['purchases', 'read'], args: () => [{}] },
  getPurchase: { reads: ['purchases', 'read'], args: (f) => [f.purchaseId] },
  getCustomerPurchaseSummary: { reads: ['purchases', 'read'], args: (f) => [f.customerId] },
  findCustomersByContact: { reads: ['purchases', 'read'], args: () => [{ emails: ['matris@example.test'], phones: [], names: [] }] },
  findUsedExternalRefs: { reads: ['purchases', 'read'], args: () => [['MATRIS-1']] },

  // The board's pipelines and stages are part of reading deals; editing them is the pipelines resource.
  listPipelines: { reads: ['deals', 'read'], args: () => [] },
  getPipeline: { reads: ['deals', 'read'], args: (f) => [f.pipelineId] },
  getBoard: { reads: ['deals', 'read'], args: (f) => [f.pipelineId] },
  findStageCards: { reads: ['deals', 'read'], args: (f) => [{ stageId: f.stageIds[0], after: '' }] },
  getDeal: { reads: ['deals', 'read'], args: (f) => [f.dealId] },
  findDeals: { reads: ['deals', 'read'], args: () => [{}] },
  countOpenDeals: { reads: ['deals', 'read'], args: () => [] },
  findDealsOfCustomer: { reads: ['deals', 'read'], args: (f) => [f.customerId] },
  findDealEvents: { reads: ['deals', 'read'], args: (f) => [f.dealId] },
  stageNames: { reads: ['deals', 'read'], args: (f) => [f.stageIds] },
  findQuotes: { reads: ['deals', 'read'], args: (f) => [{ dealId: f.dealId }] },
  getQuote: { reads: ['deals', 'read'], args: (f) => [f.quoteId] },
  getQuoteDocument: { reads: ['deals', 'read'], args: (f) => [f.quoteId] },
  getDealForQuote: { reads: ['deals', 'read'], args: (f) => [f.dealId] },
  findContracts: { reads: ['deals', 'read'], args: (f) => [{ dealId: f.dealId }] },
  getContract: { reads: ['deals', 'read'], args: (f) => [f.contractId] },
  listProjectTemplateOptions: { reads: ['pipelines', 'read'], args: () => [] },
  findProjectTemplates: { reads: ['pipelines', 'read'], args: () => [] },
  getProjectTemplate: { reads: ['pipelines', 'read'], args: (f) => [f.projectTemplateId] },

  findReminders: { reads: ['reminders', 'read'], args: () => [{ view: 'upcoming' }], others: (p, f) => showsInPage(f.otherReminderId)(p) },
  countReminderViews: {
    reads: ['reminders', 'read'],
    args: () => [],
    others: (counts, f) => Object.values(counts as Record<string, number>).reduce((a, b) => a + b, 0) === f.reminderCount,
  },
  getReminder: { reads: ['reminders', 'read'], args: (f) => [f.otherReminderId], others: hidden },
  findReminderOccurrences: { reads: ['reminders', 'read'], args: (f) => [f.otherReminderId], others: hidden },

  countProjects: { reads: ['projects', 'read'], args: () => [] },
  findProjects: { reads: ['projects', 'read'], args: () => [{}], others: (rows, f) => shows(f.otherProjectId)(rows) },
  findProjectsPage: { reads: ['projects', 'read'], args: () => [{}], others: (p, f) => showsInPage(f.otherProjectId)(p) },
  getProject: { reads: ['projects', 'read'], args: (f) => [f.otherProjectId], others: hidden },
  projectVisible: { reads: ['projects', 'read'], args: (f) => [f.otherProjectId], others: (visible) => visible === true },
  findProjectOptions: { reads: ['projects', 'read'], args: () => [], others: (rows, f) => shows(f.otherProjectId)(rows) },

  findBoardTasks: { reads: ['tasks', 'read'], args: (f) => [f.projectId], others: (rows, f) => shows(f.otherTaskId)(rows) },
  findTasks: { reads: ['tasks', 'read'], args: (f) => [{ filters: { projectId: f.projectId } }], others: (p, f) => showsInPage(f.otherTaskId)(p) },
  findMyTasks: { reads: ['tasks', 'read'], args: () => [] },
  findCustomerTasks: { reads: ['tasks', 'read'], args: (f) => [f.customerId], others: (rows, f) => shows(f.otherTaskId)(rows) },
  getTask: { reads: ['tasks', 'read'], args: (f) => [f.otherTaskId], others: hidden },
  taskStatsByPerson: { reads: ['tasks', 'read'], args: (f) => [f.projectId] },
  taskStatsByProject: { reads: ['tasks', 'read'], args: () => [] },
};

async function makeFixture(db: Executor, role: Role): Promise<Fixture> {
  const owner = await createUser(db);
  const business = await createTestBusiness(db, owner, { name: `Okuma ${role}` });
  const actor = role === 'owner' ? { user: owner } : await addPersonnel(db, business.id, { role });
  const ctx = await contextFor(db, actor.user!.id, business.slug);
  const ownerCtx = await contextFor(db, owner.id, business.slug);
  await createApiKey(db, ownerCtx, { name: 'Okuma anahtarı', role: 'viewer', expiresAt: null });
  const customer = await createCustomer(db, ownerCtx, createCustomerSchema.parse({ name: 'Hedef Müşteri', ownerId: ownerCtx.personnelId, emails: ['matris@example.test'] }));
  const tag = await createTag(db, ownerCtx, { name: 'Okuma etiketi', color: 'gray' });
  const segment = await createSegment(db, ownerCtx, { name: 'Okuma segmenti', filters: {} });
  await createNote(db, ownerCtx, { customerId: customer.id, body: 'Sahibin notu', pinned: false });
  const interaction = await insertTestInteraction(db, business.id, { customerIds: [customer.id], createdById: ctx.personnelId });
  await insertTestTemplate(db, business.id);
  const reminder = await insertTestReminder(db, business.id, { assigneeId: ctx.personnelId });
  const otherReminder = await insertTestReminder(db, business.id, { assigneeId: ownerCtx.personnelId, createdById: ownerCtx.personnelId });
  const purchase = await createPurchase(
    db,
    ownerCtx,
    createPurchaseSchema.parse({ customerId: customer.id, orderedAt: '2026-03-01', items: [{ name: 'Okuma ürünü', quantityMilli: 1000, unitPriceMinor: 1000, vatRateBp: 2000 }] }),
  );
  const imp = await uploadImport(db, ownerCtx, { name: 'okuma.csv', bytes: Buffer.from('Ad Soyad;E-posta\nHedef;hedef@example.test\n') });
  const pipelineId = await ensureDefaultPipeline(db, ownerCtx);
  const stageIds = (await db.select({ id: pipelineStages.id }).from(pipelineStages).where(eq(pipelineStages.pipelineId, pipelineId)).orderBy(asc(pipelineStages.position))).map((s) => s.id);
  const deal = await createDeal(db, ownerCtx, createDealSchema.parse({ title: 'Okuma fırsatı', pipelineId, stageId: stageIds[0], ownerId: ctx.personnelId, customerId: customer.id }));
  const quote = await createQuote(db, ownerCtx, createQuoteSchema.parse({ dealId: deal.id, items: [{ name: 'Okuma kalemi', quantityMilli: 1000, unitPriceMinor: 500, vatRateBp: 2000 }] }));
  const contract = await createContract(db, ownerCtx, createContractSchema.parse({ dealId: deal.id, title: 'Okuma sözleşmesi', endDate: '2030-06-30' }));
  const projectFields = { description: null, customerId: null, status: 'active' as const, startDate: null, endDate: null, ownerId: ownerCtx.personnelId };
  const project = await createProject(db, ownerCtx, { ...projectFields, name: 'Okuma projesi', memberIds: [ctx.personnelId] });
  const otherProject = await createProject(db, ownerCtx, { ...projectFields, name: 'Başkasının projesi', memberIds: [] });
  const statusIds = (await findTaskStatuses(db, business.id, project.id)).map((s) => s.id);
  const taskFields = { description: null, dueAt: null, priority: 'medium' as const, projectId: project.id, statusId: statusIds[0]! };
  const task = await createTask(db, ownerCtx, { ...taskFields, title: 'Okuma görevi', customerId: null, assigneeIds: [ctx.personnelId] });
  const otherTask = await createTask(db, ownerCtx, { ...taskFields, title: 'Başkasının görevi', customerId: customer.id, assigneeIds: [] });
  const projectTemplate = await createProjectTemplate(db, ownerCtx, { name: 'Okuma şablonu', tasks: [] });
  const [open] = await db.select({ n: count() }).from(reminders).where(and(eq(reminders.businessId, business.id), isNull(reminders.doneAt)));
  return {
    ctx,
    reminderCount: open!.n,
    customerId: customer.id,
    tagId: tag.id,
    segmentId: segment.id,
    interactionId: interaction.id,
    reminderId: reminder.id,
    otherReminderId: otherReminder.id,
    purchaseId: purchase.id,
    importId: imp.id,
    pipelineId,
    stageIds,
    dealId: deal.id,
    quoteId: quote.id,
    contractId: contract.id,
    projectId: project.id,
    otherProjectId: otherProject.id,
    taskId: task.id,
    otherTaskId: otherTask.id,
    projectTemplateId: projectTemplate.id,
  };
}

/** 'allowed', 'own' (someone else's record not shown), or the error code. */
async function outcomeOf(query: Query<unknown[], unknown>, scenario: Scenario, f: Fixture): Promise<string> {
  try {
    const result = await query(getDb(), f.ctx, ...scenario.args(f));
    if (scenario.others && scenario.others !== hidden) return scenario.others(result as never, f) ? 'allowed' : 'own';
    return 'allowed';
  } catch (err) {
    if (!isAppError(err)) throw err;
    if (err.code === 'NOT_FOUND' && scenario.others === hidden) return 'own';
    return err.code;
  }
}

function expectedOutcome(role: Role, scenario: Scenario): string {
  const scope = expectedScope(role, scenario.reads[0], scenario.reads[1]);
  if (scope === false) return 'FORBIDDEN';
  return scope === 'own' && scenario.others ? 'own' : 'allowed';
}

beforeAll(() => {
  expect(queries.length).toBeGreaterThan(0);
});
afterAll(async () => {
  await stopBoss();
  await closeDb();
});

describe('role matrix of the reads', () => {
  it('has a scenario for every read query, and every other export of a queries.ts says why it needs no role', () => {
    expect(queries.map((q) => q.queryName).filter((name) => !scenarios[name])).toEqual([]);
    expect(Object.keys(scenarios).filter((name) => !queries.some((q) => q.queryName === name))).toEqual([]);
    const unexplained = exported.filter((e) => typeof e.value === 'function' && !isQuery(e.value) && !NOT_READS[e.name]).map((e) => `${e.file}: ${e.name}`);
    expect(unexplained).toEqual([]);
  });

  for (const role of ROLES) {
    it(`${role}: every read is allowed, limited to its own records or refused exactly as the table says`, async () => {
      const f = await makeFixture(getDb(), role);
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const query of queries) {
        const scenario = scenarios[query.queryName]!;
        outcomes[query.queryName] = await outcomeOf(query, scenario, f);
        expected[query.queryName] = expectedOutcome(role, scenario);
      }
      expect(outcomes).toEqual(expected);
    }, 120_000);
  }
});
