/**
 * Tenant isolation: two businesses whose data carries unique marker strings. Every /api/v1
 * endpoint and every operation behind the Server Actions is called by business B (its owner's
 * session, its admin API key) with business A's real ids. Anything aimed at A must answer 403 or
 * 404, no answer may carry A's marker or ids, and A's rows must stay exactly as they were.
 *
 * The endpoints come from ENDPOINTS, the operations from the modules, the route files and the
 * 'use server' files from the file system: a new one without a scenario here fails this test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import {
  apiKeys,
  auditLog,
  businesses,
  customerNotes,
  customers,
  customerTags,
  imports,
  interactionCustomers,
  interactionPersonnel,
  interactions,
  invitations,
  messageTemplates,
  notifications,
  outboxMessages,
  personnel,
  purchaseItems,
  purchases,
  quoteItems,
  quotes,
  contracts,
  projectMembers,
  projects,
  projectTemplates,
  taskAssignees,
  taskChecklistItems,
  taskComments,
  taskStatuses,
  tasks,
  reminderOccurrences,
  reminders,
  segments,
  tags,
  user,
} from '@/server/db/schema';
import { ENDPOINTS } from '@/composition/api';
import { runOperation, type Operation } from '@/server/actions/operation';
import { loadBusinessContext, loadBusinessContextById, type Ctx } from '@/server/auth/context';
import { isAppError } from '@/lib/errors';
import { encodeSortCursor } from '@/server/db/keyset';
import { createApiKey } from '@/modules/api-keys/mutations';
import { acceptInvitation, createPersonnel } from '@/modules/personnel/mutations';
import { createCustomer, createNote, createSegment, createTag, tagCustomers } from '@/modules/customers/mutations';
import { createCustomerSchema } from '@/modules/customers/schemas';
import { createPurchase } from '@/modules/purchases/mutations';
import { createPurchaseSchema } from '@/modules/purchases/schemas';
import { uploadImport } from '@/modules/imports/mutations';
import { stopBoss } from '@/server/jobs/boss';
import { addPersonnel, contextFor, createTestBusiness, createUser, type TestUser } from './factories';
import { insertTestInteraction, insertTestOutboxMessage, insertTestTemplate } from './factories/interactions';
import { insertTestReminder } from './factories/reminders';
import { createDeal, ensureDefaultPipeline } from '@/modules/deals/mutations';
import { createDealSchema } from '@/modules/deals/schemas';
import { deals, pipelineStages, pipelines } from '@/server/db/schema';
import { createQuote, hashQuoteToken, respondToQuote, sendQuote } from '@/modules/quotes/mutations';
import { createQuoteSchema } from '@/modules/quotes/schemas';
import { getQuoteDocumentByTokenHash } from '@/modules/quotes/queries';
import { createContract } from '@/modules/contracts/mutations';
import { createContractSchema } from '@/modules/contracts/schemas';
import { notifyDueReminders } from '@/modules/notifications/notifier';
import { createProject, createProjectTemplate } from '@/modules/projects/mutations';
import { addChecklistItem, addComment, createTask } from '@/modules/tasks/mutations';
import { apiCall, sessionCookieFor } from './api';
import { appUrl } from '@/server/auth/auth';
import type { HttpMethod } from '@/server/api/endpoint';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

type AnyOperation = Operation<never, unknown>;
const operationModules = import.meta.glob<Record<string, unknown>>('/src/modules/*/operations.ts', { eager: true });
/** Export name → operation, e.g. `createApiKeyOperation` → the operation named `createApiKey`. */
const operationExports = new Map(
  Object.values(operationModules)
    .flatMap((m) => Object.entries(m))
    .filter((e): e is [string, AnyOperation] => typeof e[1] === 'object' && e[1] !== null && 'run' in e[1] && 'permission' in e[1]),
);
const operations = [...operationExports.values()];

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

type Tenant = {
  marker: string;
  owner: TestUser;
  business: { id: string; slug: string; name: string };
  ownerPersonnelId: string;
  /** A person without a login, with an open invitation. */
  invitedId: string;
  /** A person with a login, in the role admin. */
  member: { personnelId: string; userId: string };
  key: { id: string; key: string; prefix: string };
  invitationId: string;
  invitationTokenHash: string;
  /** A company and a person of it, a tag on both, a segment and a note. */
  companyId: string;
  customerId: string;
  tagId: string;
  segmentId: string;
  noteId: string;
  /** An interaction with the person, a template and an outbox message. */
  interactionId: string;
  templateId: string;
  outboxId: string;
  /** A reminder about the person, assigned to the admin, already notified. */
  reminderId: string;
  notificationId: string;
  purchaseId: string;
  importId: string;
  /** The default pipeline, an open and a won stage, and a deal with the person, owned by the admin. */
  pipelineId: string;
  openStageId: string;
  wonStageId: string;
  dealId: string;
  /** A sent quote on the deal, with its public link's token, and a contract with its end reminder. */
  quoteId: string;
  quoteToken: string;
  contractId: string;
  /** A project for the person with a member, its columns, a task with a checklist item and a comment, a template. */
  projectId: string;
  statusIds: string[];
  taskId: string;
  checklistItemId: string;
  commentId: string;
  projectTemplateId: string;
};

let A: Tenant;
let B: Tenant;
let bCookie: string;
let bOwnerCtx: Ctx;

async function makeTenant(letter: 'A' | 'B'): Promise<Tenant> {
  const db = getDb();
  const marker = `ISOLATION-${letter}-${randomBytes(5).toString('hex')}`;
  const lower = marker.toLowerCase();
  const owner = await createUser(db, { name: `${marker} Owner`, email: `owner-${lower}@example.test` });
  const name = `${marker} Ltd`;
  const business = await createTestBusiness(db, owner, {
    name,
    sector: `${marker} sector`,
    address: `${marker} address`,
    taxOffice: `${marker} office`,
    email: `office-${lower}@example.test`,
  });
  const ctx = await contextFor(db, owner.id, business.slug);
  const member = await addPersonnel(db, business.id, { role: 'admin', name: `${marker} Admin`, email: `admin-${lower}@example.test` });
  const invited = await createPersonnel(db, ctx, {
    name: `${marker} Invited`,
    email: `invited-${lower}@example.test`,
    phone: null,
    title: `${marker} title`,
    department: `${marker} department`,
    role: 'sales',
    active: true,
    invite: true,
  });
  const key = await createApiKey(db, ctx, { name: `${marker} key`, role: 'admin', expiresAt: null });
  const [invitation] = await db.select().from(invitations).where(eq(invitations.businessId, business.id));
  const company = await createCustomer(db, ctx, createCustomerSchema.parse({ kind: 'company', name: `${marker} Şirketi`, emails: [`info-${lower}@example.test`] }));
  const customer = await createCustomer(
    db,
    ctx,
    createCustomerSchema.parse({ name: `${marker} Kişi`, companyId: company.id, emails: [`customer-${lower}@example.test`], phones: ['0532 000 00 01'], ownerId: member.personnelId }),
  );
  const tag = await createTag(db, ctx, { name: `${marker} tag`, color: 'red' });
  await tagCustomers(db, ctx, { customerIds: [company.id, customer.id], tagId: tag.id, remove: false });
  const segment = await createSegment(db, ctx, { name: `${marker} segment`, filters: { tagIds: [tag.id] } });
  const note = await createNote(db, ctx, { customerId: customer.id, body: `${marker} note`, pinned: false });
  const interaction = await insertTestInteraction(db, business.id, {
    customerIds: [customer.id],
    createdById: ctx.personnelId,
    subject: `${marker} call`,
  });
  const template = await insertTestTemplate(db, business.id, { name: `${marker} template`, body: `${marker} body` });
  const outbox = await insertTestOutboxMessage(db, business.id, {
    customerId: customer.id,
    interactionId: interaction.id,
    toAddress: `customer-${lower}@example.test`,
    subject: `${marker} mail`,
  });
  const reminder = await insertTestReminder(db, business.id, {
    title: `${marker} reminder`,
    dueAt: new Date(Date.now() - 60_000),
    assigneeId: member.personnelId,
    createdById: ctx.personnelId,
    customerId: customer.id,
    repeat: 'daily',
  });
  const pipelineId = await ensureDefaultPipeline(db, ctx);
  const stageRows = await db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.businessId, business.id), eq(pipelineStages.pipelineId, pipelineId)))
    .orderBy(asc(pipelineStages.position));
  const deal = await createDeal(
    db,
    ctx,
    createDealSchema.parse({ title: `${marker} deal`, customerId: customer.id, pipelineId, stageId: stageRows[1]!.id, ownerId: member.personnelId, source: `${marker} source` }),
  );
  await notifyDueReminders(db);
  const [notice] = await db.select().from(notifications).where(eq(notifications.businessId, business.id));
  const purchase = await createPurchase(
    db,
    ctx,
    createPurchaseSchema.parse({
      customerId: customer.id,
      orderedAt: '2026-02-01',
      // The same reference in both businesses: references are per business.
      externalRef: 'order-shared-by-both',
      notes: `${marker} purchase`,
      items: [{ name: `${marker} item`, quantityMilli: 1000, unitPriceMinor: 9900, vatRateBp: 2000 }],
    }),
  );
  const upload = await uploadImport(db, ctx, { name: `${marker}.csv`, bytes: Buffer.from(`Ad Soyad;E-posta\n${marker} Row;row-${lower}@example.test\n`) });
  const quote = await createQuote(
    db,
    ctx,
    createQuoteSchema.parse({ dealId: deal.id, notes: `${marker} quote`, items: [{ name: `${marker} item`, quantityMilli: 1000, unitPriceMinor: 10000, vatRateBp: 2000 }] }),
  );
  const { token: quoteToken } = await sendQuote(db, ctx, quote.id);
  const contract = await createContract(db, ctx, createContractSchema.parse({ dealId: deal.id, title: `${marker} contract`, status: 'active', endDate: '2030-06-30' }));
  const project = await createProject(db, ctx, {
    name: `${marker} project`,
    description: `${marker} description`,
    customerId: customer.id,
    status: 'active',
    startDate: null,
    endDate: null,
    ownerId: null,
    memberIds: [member.personnelId],
  });
  const statusRows = await db.select({ id: taskStatuses.id }).from(taskStatuses).where(eq(taskStatuses.projectId, project.id)).orderBy(asc(taskStatuses.position));
  const task = await createTask(db, ctx, {
    title: `${marker} task`,
    description: null,
    customerId: customer.id,
    assigneeIds: [member.personnelId],
    dueAt: '2030-01-01 09:00',
    priority: 'high',
    projectId: project.id,
    statusId: null,
  });
  const item = await addChecklistItem(db, ctx, { taskId: task.id, text: `${marker} step` });
  const comment = await addComment(db, ctx, { taskId: task.id, body: `${marker} comment` });
  const projectTemplate = await createProjectTemplate(db, ctx, { name: `${marker} project template`, tasks: [{ title: `${marker} step`, offsetDays: 1 }] });
  return {
    contractId: contract.id,
    quoteId: quote.id,
    quoteToken,
    projectId: project.id,
    statusIds: statusRows.map((r) => r.id),
    taskId: task.id,
    checklistItemId: item.id,
    commentId: comment.id,
    projectTemplateId: projectTemplate.id,
    companyId: company.id,
    customerId: customer.id,
    tagId: tag.id,
    segmentId: segment.id,
    noteId: note.id,
    interactionId: interaction.id,
    templateId: template.id,
    outboxId: outbox.id,
    marker,
    owner,
    business: { ...business, name },
    ownerPersonnelId: ctx.personnelId,
    invitedId: invited.id,
    member: { personnelId: member.personnelId, userId: member.user!.id },
    key,
    invitationId: invitation!.id,
    invitationTokenHash: invitation!.tokenHash,
    reminderId: reminder.id,
    notificationId: notice!.id,
    purchaseId: purchase.id,
    importId: upload.id,
    pipelineId,
    openStageId: stageRows[1]!.id,
    wonStageId: stageRows[3]!.id,
    dealId: deal.id,
  };
}

/** Every row of a tenant, as JSON; API keys without `last_used_at`, which a read may touch. */
async function snapshot(t: Tenant): Promise<unknown> {
  const db = getDb();
  const id = t.business.id;
  const rows = {
    business: await db.select().from(businesses).where(eq(businesses.id, id)),
    personnel: await db.select().from(personnel).where(eq(personnel.businessId, id)).orderBy(asc(personnel.id)),
    apiKeys: (await db.select().from(apiKeys).where(eq(apiKeys.businessId, id)).orderBy(asc(apiKeys.id))).map(
      ({ lastUsedAt: _lastUsedAt, ...rest }) => rest,
    ),
    invitations: await db.select().from(invitations).where(eq(invitations.businessId, id)).orderBy(asc(invitations.id)),
    customers: await db.select().from(customers).where(eq(customers.businessId, id)).orderBy(asc(customers.id)),
    customerTags: await db.select().from(customerTags).where(eq(customerTags.businessId, id)).orderBy(asc(customerTags.customerId)),
    tags: await db.select().from(tags).where(eq(tags.businessId, id)).orderBy(asc(tags.id)),
    segments: await db.select().from(segments).where(eq(segments.businessId, id)).orderBy(asc(segments.id)),
    notes: await db.select().from(customerNotes).where(eq(customerNotes.businessId, id)).orderBy(asc(customerNotes.id)),
    auditLog: await db.select().from(auditLog).where(eq(auditLog.businessId, id)).orderBy(asc(auditLog.id)),
    interactions: await db.select().from(interactions).where(eq(interactions.businessId, id)).orderBy(asc(interactions.id)),
    interactionCustomers: await db
      .select()
      .from(interactionCustomers)
      .where(eq(interactionCustomers.businessId, id))
      .orderBy(asc(interactionCustomers.interactionId), asc(interactionCustomers.customerId)),
    interactionPersonnel: await db
      .select()
      .from(interactionPersonnel)
      .where(eq(interactionPersonnel.businessId, id))
      .orderBy(asc(interactionPersonnel.interactionId), asc(interactionPersonnel.personnelId)),
    messageTemplates: await db.select().from(messageTemplates).where(eq(messageTemplates.businessId, id)).orderBy(asc(messageTemplates.id)),
    outboxMessages: await db.select().from(outboxMessages).where(eq(outboxMessages.businessId, id)).orderBy(asc(outboxMessages.id)),
    reminders: await db.select().from(reminders).where(eq(reminders.businessId, id)).orderBy(asc(reminders.id)),
    reminderOccurrences: await db.select().from(reminderOccurrences).where(eq(reminderOccurrences.businessId, id)).orderBy(asc(reminderOccurrences.id)),
    deals: await db.select().from(deals).where(eq(deals.businessId, id)).orderBy(asc(deals.id)),
    quotes: await db.select().from(quotes).where(eq(quotes.businessId, id)).orderBy(asc(quotes.id)),
    contracts: await db.select().from(contracts).where(eq(contracts.businessId, id)).orderBy(asc(contracts.id)),
    quoteItems: await db.select().from(quoteItems).where(eq(quoteItems.businessId, id)).orderBy(asc(quoteItems.quoteId), asc(quoteItems.position)),
    // Without `emailed_at`: a worker (of any test file) may send the notice's e-mail at any time.
    notifications: (await db.select().from(notifications).where(eq(notifications.businessId, id)).orderBy(asc(notifications.id))).map(
      ({ emailedAt: _emailedAt, ...rest }) => rest,
    ),
    purchases: await db.select().from(purchases).where(eq(purchases.businessId, id)).orderBy(asc(purchases.id)),
    purchaseItems: await db
      .select()
      .from(purchaseItems)
      .where(eq(purchaseItems.businessId, id))
      .orderBy(asc(purchaseItems.purchaseId), asc(purchaseItems.position)),
    imports: await db.select().from(imports).where(eq(imports.businessId, id)).orderBy(asc(imports.id)),
    pipelines: await db.select().from(pipelines).where(eq(pipelines.businessId, id)).orderBy(asc(pipelines.id)),
    pipelineStages: await db.select().from(pipelineStages).where(eq(pipelineStages.businessId, id)).orderBy(asc(pipelineStages.id)),
    projects: await db.select().from(projects).where(eq(projects.businessId, id)).orderBy(asc(projects.id)),
    projectMembers: await db.select().from(projectMembers).where(eq(projectMembers.businessId, id)).orderBy(asc(projectMembers.projectId), asc(projectMembers.personnelId)),
    taskStatuses: await db.select().from(taskStatuses).where(eq(taskStatuses.businessId, id)).orderBy(asc(taskStatuses.id)),
    tasks: await db.select().from(tasks).where(eq(tasks.businessId, id)).orderBy(asc(tasks.id)),
    taskAssignees: await db.select().from(taskAssignees).where(eq(taskAssignees.businessId, id)).orderBy(asc(taskAssignees.taskId), asc(taskAssignees.personnelId)),
    taskChecklistItems: await db.select().from(taskChecklistItems).where(eq(taskChecklistItems.businessId, id)).orderBy(asc(taskChecklistItems.id)),
    taskComments: await db.select().from(taskComments).where(eq(taskComments.businessId, id)).orderBy(asc(taskComments.id)),
    projectTemplates: await db.select().from(projectTemplates).where(eq(projectTemplates.businessId, id)).orderBy(asc(projectTemplates.id)),
    users: await db
      .select()
      .from(user)
      .where(inArray(user.id, [t.owner.id, t.member.userId]))
      .orderBy(asc(user.id)),
  };
  return JSON.parse(JSON.stringify(rows));
}

/** Strings of A that must never reach B: the marker (any case) and A's ids, slug and key prefix. */
function secretsOf(t: Tenant): string[] {
  return [
    t.marker.toLowerCase(),
    t.business.id,
    t.business.slug,
    t.ownerPersonnelId,
    t.invitedId,
    t.member.personnelId,
    t.member.userId,
    t.owner.id,
    t.key.id,
    t.key.prefix,
    t.invitationId,
    t.invitationTokenHash,
    t.companyId,
    t.customerId,
    t.tagId,
    t.segmentId,
    t.noteId,
    t.interactionId,
    t.templateId,
    t.outboxId,
    t.reminderId,
    t.notificationId,
    t.purchaseId,
    t.importId,
    t.pipelineId,
    t.openStageId,
    t.wonStageId,
    t.dealId,
    t.quoteId,
    hashQuoteToken(t.quoteToken),
    t.contractId,
    t.projectId,
    ...t.statusIds,
    t.taskId,
    t.checklistItemId,
    t.commentId,
    t.projectTemplateId,
  ].map((s) => s.toLowerCase());
}

function expectNoLeak(text: string, where: string): void {
  const haystack = text.toLowerCase();
  const leaked = secretsOf(A).filter((s) => haystack.includes(s));
  expect(leaked, `${where} leaks business A's data: ${text.slice(0, 500)}`).toEqual([]);
}

beforeAll(async () => {
  A = await makeTenant('A');
  B = await makeTenant('B');
  bCookie = await sessionCookieFor(B.owner.email, B.owner.password);
  bOwnerCtx = await contextFor(getDb(), B.owner.id, B.business.slug);
});
afterAll(async () => {
  await stopBoss();
  await closeDb();
});

// ─── /api/v1 ────────────────────────────────────────────────────────────────────────────────

/** The ways business B calls the API. A key ignores X-Business-Id; a session must be refused A's. */
const CALLERS = {
  'B session, X-Business-Id B': () => ({ cookie: bCookie, businessId: B.business.id }),
  'B session, X-Business-Id A': () => ({ cookie: bCookie, businessId: A.business.id }),
  'B session, no X-Business-Id': () => ({ cookie: bCookie }),
  'B admin key': () => ({ key: B.key.key }),
  'B admin key, X-Business-Id A': () => ({ key: B.key.key, businessId: A.business.id }),
} as const;
type CallerName = keyof typeof CALLERS;

type ApiScenario = {
  /** The requests to send (path with A's ids filled in, body). */
  calls: () => { path: string; body?: unknown }[];
  /**
   * Statuses allowed per caller for endpoints that act on the caller's own business. A caller
   * not listed must be refused with 403 or 404.
   */
  own?: Partial<Record<CallerName, number[]>>;
  /** Extra checks of an allowed answer: it must be about B's businesses only. */
  check?: (json: unknown) => Promise<void>;
};

const DENIED = [403, 404];
const sessionOwn = (...statuses: number[]) => ({
  'B session, X-Business-Id B': statuses,
  'B session, no X-Business-Id': statuses,
});
const keyOwn = (...statuses: number[]) => ({
  'B admin key': statuses,
  'B admin key, X-Business-Id A': statuses,
});
/** Ids of A that a caller from B might try to smuggle into a body. */
const smuggled = () => ({ businessId: A.business.id, business_id: A.business.id, slug: A.business.slug });

const aPersonnelIds = () => [A.invitedId, A.ownerPersonnelId, A.member.personnelId];
const aCustomerIds = () => [A.companyId, A.customerId];

/**
 * The businesses B's owner belongs to: B, and those made through POST /businesses, which also
 * become the landing business of a session call without X-Business-Id.
 */
async function businessesOfB(): Promise<string[]> {
  const rows = await getDb().select({ id: personnel.businessId }).from(personnel).where(eq(personnel.userId, B.owner.id));
  return rows.map((r) => r.id);
}

/** Rows of `table` with these ids, all in B's businesses (and at least one). */
async function expectRowsOfB(
  table:
    | typeof personnel
    | typeof apiKeys
    | typeof customers
    | typeof tags
    | typeof interactions
    | typeof reminders
    | typeof purchases
    | typeof deals
    | typeof pipelines
    | typeof quotes
    | typeof projects
    | typeof tasks,
  ids: string[],
): Promise<void> {
  expect(ids.length).toBeGreaterThan(0);
  const rows = await getDb().select({ businessId: table.businessId }).from(table).where(inArray(table.id, ids));
  expect(rows).toHaveLength(ids.length);
  const allowed = await businessesOfB();
  expect(rows.filter((r) => !allowed.includes(r.businessId))).toEqual([]);
}

const expectBusinessOfB = async (json: unknown) => expect(await businessesOfB()).toContain((json as { id: string }).id);
const idsOf = (json: unknown) => (json as { data: { id: string }[] }).data.map((row) => row.id);

/** A well-formed keyset cursor that points at one of A's rows: B's list goes on with B's rows. */
function afterA(sort: string, id: string): string {
  return encodeURIComponent(encodeSortCursor({ sort, dir: 'asc', value: new Date(0).toISOString(), id }));
}

const apiScenarios: Record<string, ApiScenario> = {
  'GET /businesses': {
    calls: () => [{ path: '/businesses' }],
    own: sessionOwn(200),
    check: async (json) => {
      expect(idsOf(json)).toContain(B.business.id);
      expect(await businessesOfB()).toEqual(expect.arrayContaining(idsOf(json)));
    },
  },
  'POST /businesses': {
    // A session may create a business of its own; the smuggled ids and slug must be ignored.
    calls: () => [{ path: '/businesses', body: { name: `${B.marker} Branch`, id: A.business.id, ...smuggled() } }],
    own: sessionOwn(201),
    check: async (json) => {
      const created = json as { id: string; slug: string };
      expect(created.id).not.toBe(A.business.id);
      expect(created.slug).not.toBe(A.business.slug);
      expect(await businessesOfB()).toContain(created.id);
    },
  },
  'GET /business': {
    calls: () => [{ path: '/business' }],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: expectBusinessOfB,
  },
  'PATCH /business': {
    calls: () => [{ path: '/business', body: { sector: `${B.marker} changed`, id: A.business.id, ...smuggled() } }],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: expectBusinessOfB,
  },
  'DELETE /business': {
    // A's exact name does not delete B (422) and never reaches A; keys may not delete at all.
    calls: () => [{ path: '/business', body: { confirmName: A.business.name, ...smuggled() } }],
    own: sessionOwn(422),
  },
  'GET /personnel': {
    calls: () => [
      { path: '/personnel' },
      { path: `/personnel?search=${encodeURIComponent(A.marker)}` },
      { path: `/personnel?limit=200` },
    ],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    // Every row listed is B's; the search for A's marker finds B's owner nowhere, so it may be empty.
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(personnel, idsOf(json));
    },
  },
  'GET /personnel/{id}': {
    calls: () => aPersonnelIds().map((id) => ({ path: `/personnel/${id}` })),
  },
  'POST /personnel': {
    calls: () => [
      { path: '/personnel', body: { name: `${B.marker} Hire`, role: 'member', id: A.invitedId, ...smuggled() } },
    ],
    own: { ...sessionOwn(201), ...keyOwn(201) },
    check: async (json) => {
      expect((json as { id: string }).id).not.toBe(A.invitedId);
      await expectRowsOfB(personnel, [(json as { id: string }).id]);
    },
  },
  'PATCH /personnel/{id}': {
    calls: () =>
      aPersonnelIds().flatMap((id) => [
        { path: `/personnel/${id}`, body: { title: `${B.marker} took over` } },
        { path: `/personnel/${id}`, body: { role: 'viewer', active: false, version: 1 } },
      ]),
  },
  'DELETE /personnel/{id}': {
    calls: () => aPersonnelIds().map((id) => ({ path: `/personnel/${id}` })),
  },
  'GET /customers': {
    calls: () => [
      { path: '/customers' },
      { path: `/customers?search=${encodeURIComponent(A.marker)}` },
      { path: `/customers?tag=${A.tagId}&limit=200` },
      { path: `/customers?ownerId=${A.member.personnelId}` },
      { path: `/customers?sort=-lastInteraction&search=${encodeURIComponent(A.marker)}` },
    ],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(customers, idsOf(json));
    },
  },
  'GET /customers/{id}': {
    calls: () => aCustomerIds().map((id) => ({ path: `/customers/${id}` })),
  },
  'POST /customers': {
    // A's company or owner cannot be linked (422); smuggled ids are ignored.
    calls: () => [
      { path: '/customers', body: { name: `${B.marker} Müşteri`, id: A.customerId, ...smuggled() } },
      { path: '/customers', body: { name: `${B.marker} Çalışan`, companyId: A.companyId } },
      { path: '/customers', body: { name: `${B.marker} Sahipli`, ownerId: A.member.personnelId } },
    ],
    own: { ...sessionOwn(201, 422), ...keyOwn(201, 422) },
    check: async (json) => {
      expect((json as { id: string }).id).not.toBe(A.customerId);
      await expectRowsOfB(customers, [(json as { id: string }).id]);
    },
  },
  'PATCH /customers/{id}': {
    calls: () =>
      aCustomerIds().flatMap((id) => [
        { path: `/customers/${id}`, body: { city: `${B.marker} took over` } },
        { path: `/customers/${id}`, body: { name: 'x', version: 1 } },
      ]),
  },
  'DELETE /customers/{id}': {
    calls: () => aCustomerIds().map((id) => ({ path: `/customers/${id}` })),
  },
  'GET /tags': {
    calls: () => [{ path: '/tags' }],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(tags, idsOf(json));
    },
  },
  'POST /tags': {
    calls: () => [{ path: '/tags', body: { name: `${B.marker} tag ${randomBytes(3).toString('hex')}`, id: A.tagId, ...smuggled() } }],
    own: { ...sessionOwn(201), ...keyOwn(201) },
    check: async (json) => {
      expect((json as { id: string }).id).not.toBe(A.tagId);
      await expectRowsOfB(tags, [(json as { id: string }).id]);
    },
  },
  'PATCH /tags/{id}': {
    calls: () => [{ path: `/tags/${A.tagId}`, body: { name: `${B.marker} renamed` } }],
  },
  'DELETE /tags/{id}': {
    calls: () => [{ path: `/tags/${A.tagId}` }],
  },
  'GET /api-keys': {
    calls: () => [{ path: '/api-keys' }],
    own: sessionOwn(200),
    // A business made by POST /businesses (the landing one without X-Business-Id) has no keys yet.
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(apiKeys, idsOf(json));
    },
  },
  'POST /api-keys': {
    calls: () => [{ path: '/api-keys', body: { name: `${B.marker} second key`, role: 'viewer', ...smuggled() } }],
    own: sessionOwn(201),
  },
  'DELETE /api-keys/{id}': {
    calls: () => [{ path: `/api-keys/${A.key.id}` }],
  },
  'GET /interactions': {
    // A's customer as a filter finds nothing of A: the list is B's, and a foreign id matches no row.
    calls: () => [
      { path: '/interactions' },
      { path: `/interactions?customerId=${A.customerId}` },
      { path: `/interactions?personnelId=${A.ownerPersonnelId}&limit=200` },
    ],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(interactions, idsOf(json));
    },
  },
  'GET /interactions/{id}': {
    calls: () => [{ path: `/interactions/${A.interactionId}` }],
  },
  'POST /interactions': {
    // With A's customer (or A's personnel) the interaction has nobody of B's to belong to: 404.
    calls: () => [
      { path: '/interactions', body: { type: 'call', occurredAt: new Date().toISOString(), customerIds: [A.customerId], ...smuggled() } },
      {
        path: '/interactions',
        body: { type: 'note', occurredAt: new Date().toISOString(), customerIds: [A.customerId], personnelIds: [A.ownerPersonnelId] },
      },
    ],
  },
  'PATCH /interactions/{id}': {
    calls: () => [
      { path: `/interactions/${A.interactionId}`, body: { subject: `${B.marker} took over` } },
      { path: `/interactions/${A.interactionId}`, body: { customerIds: [B.customerId], version: 1 } },
    ],
  },
  'DELETE /interactions/{id}': {
    calls: () => [{ path: `/interactions/${A.interactionId}` }],
  },
  'GET /reminders': {
    calls: () => [
      { path: '/reminders' },
      { path: `/reminders?customerId=${A.customerId}` },
      { path: `/reminders?assigneeId=${A.member.personnelId}&view=overdue` },
      { path: '/reminders?view=done&limit=200' },
    ],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(reminders, idsOf(json));
    },
  },
  'POST /reminders': {
    // A's customer and assignee are not B's: refused as invalid fields, nothing written.
    calls: () => [
      { path: '/reminders', body: { title: `${B.marker} reminder`, dueAt: '2030-01-01 09:00', id: A.reminderId, ...smuggled() } },
      { path: '/reminders', body: { title: `${B.marker} reminder`, dueAt: '2030-01-01 09:00', customerId: A.customerId, assigneeId: A.member.personnelId } },
    ],
    own: { ...sessionOwn(201, 422), ...keyOwn(201, 422) },
    check: async (json) => {
      expect((json as { id: string }).id).not.toBe(A.reminderId);
      await expectRowsOfB(reminders, [(json as { id: string }).id]);
    },
  },
  'GET /reminders/{id}': {
    calls: () => [{ path: `/reminders/${A.reminderId}` }],
  },
  'PATCH /reminders/{id}': {
    calls: () => [
      { path: `/reminders/${A.reminderId}`, body: { title: `${B.marker} took over` } },
      { path: `/reminders/${A.reminderId}`, body: { dueAt: '2030-01-01 09:00', version: 1 } },
    ],
  },
  'DELETE /reminders/{id}': {
    calls: () => [{ path: `/reminders/${A.reminderId}` }],
  },
  'POST /reminders/{id}/done': {
    calls: () => [{ path: `/reminders/${A.reminderId}/done`, body: {} }],
  },
  'GET /purchases': {
    calls: () => [{ path: '/purchases' }, { path: `/purchases?customerId=${A.customerId}` }, { path: '/purchases?limit=200' }],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    // Every purchase listed is B's; filtered by A's customer, the list is empty.
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(purchases, idsOf(json));
    },
  },
  'GET /purchases/{id}': {
    calls: () => [{ path: `/purchases/${A.purchaseId}` }],
  },
  'POST /purchases': {
    // For A's customer: not found. For B's own customer: made in B, whatever ids are smuggled.
    calls: () => [
      { path: '/purchases', body: { customerId: A.customerId, orderedAt: '2026-03-01', items: [{ name: `${B.marker} x`, quantityMilli: 1000, unitPrice: { amountMinor: 100 }, vatRateBp: 0 }] } },
      {
        path: '/purchases',
        body: {
          customerId: B.customerId,
          orderedAt: '2026-03-01',
          // A has a purchase with this reference too; B's own one is answered, never A's.
          externalRef: 'order-shared-by-both',
          items: [{ name: `${B.marker} y`, quantityMilli: 1000, unitPrice: { amountMinor: 100 }, vatRateBp: 0 }],
          id: A.purchaseId,
          ...smuggled(),
        },
      },
    ],
    own: { ...sessionOwn(201, 404), ...keyOwn(201, 404) },
    check: async (json) => {
      expect((json as { id: string }).id).not.toBe(A.purchaseId);
      await expectRowsOfB(purchases, [(json as { id: string }).id]);
    },
  },
  'PATCH /purchases/{id}': {
    calls: () => [
      { path: `/purchases/${A.purchaseId}`, body: { notes: `${B.marker} took over` } },
      { path: `/purchases/${A.purchaseId}`, body: { status: 'refunded', version: 1, customerId: B.customerId } },
    ],
  },
  'DELETE /purchases/{id}': {
    calls: () => [{ path: `/purchases/${A.purchaseId}` }],
  },
  'GET /pipelines': {
    calls: () => [{ path: '/pipelines' }],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: async (json) => expectRowsOfB(pipelines, idsOf(json)),
  },
  'POST /pipelines': {
    calls: () => [{ path: '/pipelines', body: { name: `${B.marker} pipeline ${randomBytes(3).toString('hex')}`, id: A.pipelineId, ...smuggled() } }],
    own: { ...sessionOwn(201), ...keyOwn(201) },
    check: async (json) => {
      expect((json as { id: string }).id).not.toBe(A.pipelineId);
      await expectRowsOfB(pipelines, [(json as { id: string }).id]);
    },
  },
  'PATCH /pipelines/{id}': {
    calls: () => [{ path: `/pipelines/${A.pipelineId}`, body: { name: `${B.marker} took over` } }],
  },
  'DELETE /pipelines/{id}': {
    calls: () => [{ path: `/pipelines/${A.pipelineId}` }],
  },
  'GET /pipelines/{id}/board': {
    calls: () => [{ path: `/pipelines/${A.pipelineId}/board` }, { path: `/pipelines/${A.pipelineId}/board?ownerId=${A.member.personnelId}&customerId=${A.customerId}` }],
  },
  'GET /deals': {
    calls: () => [
      { path: '/deals' },
      { path: `/deals?pipelineId=${A.pipelineId}` },
      { path: `/deals?stageId=${A.openStageId}&customerId=${A.customerId}` },
      { path: `/deals?ownerId=${A.member.personnelId}&limit=200` },
    ],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(deals, idsOf(json));
    },
  },
  'POST /deals': {
    // A's customer, stage or pipeline are not B's: refused as invalid fields, nothing written.
    calls: () => [
      { path: '/deals', body: { title: `${B.marker} deal`, id: A.dealId, ...smuggled() } },
      { path: '/deals', body: { title: `${B.marker} deal`, customerId: A.customerId } },
      { path: '/deals', body: { title: `${B.marker} deal`, pipelineId: B.pipelineId, stageId: A.openStageId } },
    ],
    own: { ...sessionOwn(201, 422), ...keyOwn(201, 422) },
    check: async (json) => {
      expect((json as { id: string }).id).not.toBe(A.dealId);
      await expectRowsOfB(deals, [(json as { id: string }).id]);
    },
  },
  'GET /deals/{id}': {
    calls: () => [{ path: `/deals/${A.dealId}` }],
  },
  'PATCH /deals/{id}': {
    calls: () => [
      { path: `/deals/${A.dealId}`, body: { title: `${B.marker} took over` } },
      { path: `/deals/${A.dealId}`, body: { stageId: A.wonStageId } },
      { path: `/deals/${A.dealId}`, body: { stageId: B.wonStageId, version: 1 } },
    ],
  },
  'DELETE /deals/{id}': {
    calls: () => [{ path: `/deals/${A.dealId}` }],
  },
  'GET /quotes': {
    calls: () => [{ path: '/quotes' }, { path: `/quotes?dealId=${A.dealId}` }],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(quotes, idsOf(json));
    },
  },
  'POST /quotes': {
    // A's deal is not B's: 404, nothing written.
    calls: () => [{ path: '/quotes', body: { dealId: A.dealId, items: [{ name: `${B.marker} line`, quantityMilli: 1000, unitPriceMinor: 100, vatRateBp: 2000 }], ...smuggled() } }],
  },
  'GET /quotes/{id}': {
    calls: () => [{ path: `/quotes/${A.quoteId}` }],
  },
  'PATCH /quotes/{id}': {
    calls: () => [
      { path: `/quotes/${A.quoteId}`, body: { notes: `${B.marker} took over` } },
      { path: `/quotes/${A.quoteId}`, body: { items: [], version: 2 } },
    ],
  },
  'DELETE /quotes/{id}': {
    calls: () => [{ path: `/quotes/${A.quoteId}` }],
  },
  'POST /quotes/{id}/send': {
    calls: () => [{ path: `/quotes/${A.quoteId}/send`, body: {} }],
  },
  'GET /projects': {
    calls: () => [
      { path: '/projects' },
      { path: `/projects?customerId=${A.customerId}` },
      { path: `/projects?search=${encodeURIComponent(A.marker)}&sort=name` },
      { path: `/projects?ownerId=${A.member.personnelId}&status=active&dueFrom=2000-01-01&sort=-due` },
      { path: `/projects?sort=created&cursor=${afterA('created', A.projectId)}` },
    ],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(projects, idsOf(json));
    },
  },
  'POST /projects': {
    // A's customer, owner or members are not B's: invalid fields, nothing written.
    calls: () => [
      { path: '/projects', body: { name: `${B.marker} project`, id: A.projectId, ...smuggled() } },
      { path: '/projects', body: { name: `${B.marker} project`, customerId: A.customerId } },
      { path: '/projects', body: { name: `${B.marker} project`, ownerId: A.member.personnelId, memberIds: aPersonnelIds() } },
    ],
    own: { ...sessionOwn(201, 422), ...keyOwn(201, 422) },
    check: async (json) => {
      expect((json as { id: string }).id).not.toBe(A.projectId);
      await expectRowsOfB(projects, [(json as { id: string }).id]);
    },
  },
  'GET /projects/{id}': {
    calls: () => [{ path: `/projects/${A.projectId}` }],
  },
  'PATCH /projects/{id}': {
    calls: () => [
      { path: `/projects/${A.projectId}`, body: { name: `${B.marker} took over` } },
      { path: `/projects/${A.projectId}`, body: { status: 'done', version: 1 } },
    ],
  },
  'DELETE /projects/{id}': {
    calls: () => [{ path: `/projects/${A.projectId}` }],
  },
  'GET /tasks': {
    calls: () => [
      { path: '/tasks' },
      { path: `/tasks?projectId=${A.projectId}` },
      { path: `/tasks?assigneeId=${A.member.personnelId}` },
      { path: `/tasks?cursor=${afterA('created', A.taskId)}` },
      { path: `/tasks?search=${encodeURIComponent(A.marker)}&sort=-priority` },
    ],
    own: { ...sessionOwn(200), ...keyOwn(200) },
    check: async (json) => {
      if (idsOf(json).length > 0) await expectRowsOfB(tasks, idsOf(json));
    },
  },
  'POST /tasks': {
    calls: () => [
      { path: '/tasks', body: { title: `${B.marker} task`, id: A.taskId, ...smuggled() } },
      { path: '/tasks', body: { title: `${B.marker} task`, projectId: A.projectId } },
      { path: '/tasks', body: { title: `${B.marker} task`, statusId: A.statusIds[0] } },
      { path: '/tasks', body: { title: `${B.marker} task`, customerId: A.customerId, assigneeIds: aPersonnelIds() } },
    ],
    own: { ...sessionOwn(201, 422), ...keyOwn(201, 422) },
    check: async (json) => {
      expect((json as { id: string }).id).not.toBe(A.taskId);
      await expectRowsOfB(tasks, [(json as { id: string }).id]);
    },
  },
  'GET /tasks/{id}': {
    calls: () => [{ path: `/tasks/${A.taskId}` }],
  },
  'PATCH /tasks/{id}': {
    calls: () => [
      { path: `/tasks/${A.taskId}`, body: { title: `${B.marker} took over`, version: 1 } },
      { path: `/tasks/${A.taskId}`, body: { statusId: A.statusIds[1] } },
    ],
  },
  'DELETE /tasks/{id}': {
    calls: () => [{ path: `/tasks/${A.taskId}` }],
  },
};

const endpointKeys = ENDPOINTS.map((e) => `${e.method} ${e.path}`);

/** `src/app/api/v1/personnel/[id]/route.ts` → `/personnel/{id}`. */
function routeFiles(dir: string, prefix = ''): { file: string; path: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const segment = entry.name.replace(/^\[(\w+)\]$/, '{$1}');
      return routeFiles(path.join(dir, entry.name), `${prefix}/${segment}`);
    }
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [{ file: path.join(dir, entry.name), path: prefix || '/' }] : [];
  });
}

/**
 * Route files under /api/v1 that are not endpoints, with why they hold no tenant data. Anything
 * else must be in ENDPOINTS, so that it goes through handleEndpoint and this matrix.
 */
const NON_ENDPOINT_ROUTES: Record<string, string> = {
  '/openapi.json': 'the public API description, made from the schemas; no business data',
};

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const routeModules = import.meta.glob<Record<string, unknown>>('/src/app/api/v1/**/route.ts', { eager: true });

describe('tenant isolation: /api/v1', () => {
  it('has a scenario for every endpoint, and no scenario for an endpoint that is gone', () => {
    expect(endpointKeys.filter((k) => !apiScenarios[k])).toEqual([]);
    expect(Object.keys(apiScenarios).filter((k) => !endpointKeys.includes(k))).toEqual([]);
  });

  it('serves every route file under /api/v1 through ENDPOINTS, and every endpoint has a route file', () => {
    const files = routeFiles(path.join(ROOT, 'src/app/api/v1'));
    const served = files.flatMap(({ file, path: p }) => {
      const mod = routeModules[`/${path.relative(ROOT, file).split(path.sep).join('/')}`];
      expect(mod, `route module ${file} was not loaded`).toBeDefined();
      return Object.keys(mod!)
        .filter((name) => HTTP_METHODS.includes(name))
        .map((method) => `${method} ${p}`);
    });
    const unlisted = served.filter((k) => !endpointKeys.includes(k) && !NON_ENDPOINT_ROUTES[k.split(' ')[1]!]);
    expect(unlisted, 'route handlers under /api/v1 that bypass ENDPOINTS (and this matrix)').toEqual([]);
    expect(endpointKeys.filter((k) => !served.includes(k)), 'endpoints without a route file').toEqual([]);
  });

  it('serves the OpenAPI document without any business data', async () => {
    const mod = routeModules['/src/app/api/v1/openapi.json/route.ts'] as { GET: () => Response };
    const text = await mod.GET().text();
    expectNoLeak(text, 'GET /openapi.json');
  });

  for (const key of endpointKeys) {
    it(`${key}: B gets 403/404 for A's records, only its own data otherwise, and A stays unchanged`, async () => {
      const scenario = apiScenarios[key];
      expect(scenario, `no isolation scenario for ${key}`).toBeDefined();
      const [method] = key.split(' ') as [HttpMethod];
      const outcomes: string[] = [];
      for (const [callerName, auth] of Object.entries(CALLERS) as [CallerName, () => object][]) {
        for (const call of scenario!.calls()) {
          const beforeA = await snapshot(A);
          const beforeB = await snapshot(B);
          const res = await apiCall(method, call.path, auth(), call.body);
          const where = `${callerName}: ${method} ${call.path}`;
          outcomes.push(`${where} → ${res.status}`);
          const allowed = scenario!.own?.[callerName];
          if (allowed) {
            expect(allowed, `${where} answered ${res.status}: ${res.text.slice(0, 300)}`).toContain(res.status);
            if (res.status < 300) await scenario!.check?.(res.json);
          } else {
            expect(DENIED, `${where} must be refused but answered ${res.status}: ${res.text.slice(0, 300)}`).toContain(res.status);
            expect(res.json).toMatchObject({ error: { code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) } });
            // A refused call changes nothing at all, in either business.
            expect(await snapshot(B), `${where} changed business B`).toEqual(beforeB);
          }
          expectNoLeak(res.text, where);
          expect(await snapshot(A), `${where} changed business A`).toEqual(beforeA);
        }
      }
      expect(outcomes.length).toBeGreaterThan(0);
    });
  }
});

// ─── Server Actions and their operations ────────────────────────────────────────────────────

type OperationScenario = {
  /** Inputs carrying A's ids; an async function, as some read B's current state. */
  inputs: () => Promise<unknown[]> | unknown[];
  /**
   * The outcome codes allowed. Operations on a record by id must be refused (NOT_FOUND or
   * FORBIDDEN). Operations on "the current business" have no id to aim at A: the context comes
   * from the slug, and the gate test below shows B's user gets no context for A's slug. For them,
   * A's ids are smuggled into the input, the operation may act on B, and A must stay unchanged.
   */
  expect: readonly string[];
};

const REFUSED = ['NOT_FOUND', 'FORBIDDEN'] as const;

async function currentVersionOfB(): Promise<number> {
  const [row] = await getDb().select({ version: businesses.version }).from(businesses).where(eq(businesses.id, B.business.id));
  return row!.version;
}

const operationScenarios: Record<string, OperationScenario> = {
  updateBusiness: {
    inputs: async () => [
      { name: B.business.name, sector: `${B.marker} sector 2`, version: await currentVersionOfB(), id: A.business.id, ...smuggled() },
    ],
    expect: ['ok'],
  },
  deleteBusiness: {
    // A's name does not match B's, so B survives; A is out of reach.
    inputs: () => [{ confirmName: A.business.name, ...smuggled() }],
    expect: ['VALIDATION'],
  },
  setBusinessLogo: {
    inputs: () => [{ logo: new File([PNG], 'logo.png', { type: 'image/png' }), ...smuggled() }],
    expect: ['ok'],
  },
  createApiKey: {
    inputs: () => [{ name: `${B.marker} op key`, role: 'viewer', ...smuggled() }],
    expect: ['ok'],
  },
  revokeApiKey: {
    inputs: () => [{ id: A.key.id }],
    expect: REFUSED,
  },
  createPersonnel: {
    inputs: () => [{ name: `${B.marker} op hire`, role: 'member', id: A.invitedId, ...smuggled() }],
    expect: ['ok'],
  },
  updatePersonnel: {
    inputs: () =>
      aPersonnelIds().map((id) => ({ id, version: 1, name: `${B.marker} renamed`, role: 'viewer', active: false })),
    expect: REFUSED,
  },
  deletePersonnel: {
    inputs: () => aPersonnelIds().map((id) => ({ id })),
    expect: REFUSED,
  },
  invitePersonnel: {
    inputs: () => aPersonnelIds().map((id) => ({ id })),
    expect: REFUSED,
  },
  createCustomer: {
    // Smuggled ids are ignored (ok); A's company or owner cannot be linked (VALIDATION).
    inputs: () => [
      { name: `${B.marker} op müşteri`, id: A.customerId, ...smuggled() },
      { name: `${B.marker} op çalışan`, companyId: A.companyId },
      { name: `${B.marker} op sahipli`, ownerId: A.member.personnelId },
    ],
    expect: ['ok', 'VALIDATION'],
  },
  updateCustomer: {
    inputs: () => aCustomerIds().map((id) => ({ id, version: 1, name: `${B.marker} renamed` })),
    expect: REFUSED,
  },
  deleteCustomer: {
    inputs: () => aCustomerIds().map((id) => ({ id })),
    expect: REFUSED,
  },
  deleteCustomers: {
    inputs: () => [{ ids: aCustomerIds() }],
    expect: REFUSED,
  },
  tagCustomers: {
    inputs: () => [
      { customerIds: aCustomerIds(), tagId: A.tagId },
      { customerIds: aCustomerIds(), tagId: B.tagId },
      { customerIds: [B.customerId], tagId: A.tagId, remove: true },
    ],
    expect: REFUSED,
  },
  assignCustomerOwner: {
    inputs: () => [
      { customerIds: aCustomerIds(), ownerId: null },
      { customerIds: aCustomerIds(), ownerId: B.ownerPersonnelId },
      { customerIds: [B.customerId], ownerId: A.member.personnelId },
    ],
    expect: [...REFUSED, 'VALIDATION'],
  },
  mergeCustomers: {
    inputs: () => [
      { survivorId: A.companyId, otherId: A.customerId },
      { survivorId: B.customerId, otherId: A.customerId },
      { survivorId: A.customerId, otherId: B.customerId },
    ],
    expect: REFUSED,
  },
  createTag: {
    inputs: () => [{ name: `${B.marker} op tag`, id: A.tagId, ...smuggled() }],
    expect: ['ok'],
  },
  updateTag: {
    inputs: () => [{ id: A.tagId, version: 1, name: `${B.marker} renamed` }],
    expect: REFUSED,
  },
  deleteTag: {
    inputs: () => [{ id: A.tagId }],
    expect: REFUSED,
  },
  createSegment: {
    // A filter naming A's tag stores only an id; it is evaluated within B and matches nothing.
    inputs: () => [{ name: `${B.marker} op segment`, filters: { tagIds: [A.tagId] }, id: A.segmentId, ...smuggled() }],
    expect: ['ok'],
  },
  updateSegment: {
    inputs: () => [{ id: A.segmentId, version: 1, name: `${B.marker} renamed`, filters: {} }],
    expect: REFUSED,
  },
  deleteSegment: {
    inputs: () => [{ id: A.segmentId }],
    expect: REFUSED,
  },
  createCustomerNote: {
    inputs: () => aCustomerIds().map((customerId) => ({ customerId, body: `${B.marker} note` })),
    expect: REFUSED,
  },
  updateCustomerNote: {
    inputs: () => [{ id: A.noteId, version: 1, body: `${B.marker} note` }],
    expect: REFUSED,
  },
  deleteCustomerNote: {
    inputs: () => [{ id: A.noteId }],
    expect: REFUSED,
  },
  findInteractions: {
    // A filter naming A's customer or person lists nothing (a foreign id matches no row of B).
    inputs: () => [{ customerId: A.customerId }, { personnelId: A.ownerPersonnelId }, {}],
    expect: ['ok'],
  },
  findCustomerTimeline: {
    // A's customer has no timeline in B: neither its interactions nor its notes.
    inputs: () => [{ customerId: A.customerId }, { customerId: A.customerId, type: 'note' }],
    expect: ['ok'],
  },
  findCustomerOptions: {
    inputs: () => [{ search: A.marker }, { search: '' }],
    expect: ['ok'],
  },
  createInteraction: {
    inputs: () => [
      { type: 'call', occurredAt: new Date().toISOString(), customerIds: [A.customerId], ...smuggled() },
      { type: 'call', occurredAt: new Date().toISOString(), customerIds: [B.customerId], personnelIds: [A.ownerPersonnelId] },
    ],
    expect: REFUSED,
  },
  updateInteraction: {
    inputs: () => [
      { id: A.interactionId, version: 1, type: 'note', occurredAt: new Date().toISOString(), customerIds: [A.customerId] },
      { id: A.interactionId, version: 1, type: 'note', occurredAt: new Date().toISOString(), customerIds: [B.customerId] },
    ],
    expect: REFUSED,
  },
  deleteInteraction: {
    inputs: () => [{ id: A.interactionId }],
    expect: REFUSED,
  },
  sendEmail: {
    inputs: () => [
      { customerId: A.customerId, subject: 'x', body: 'y' },
      { customerId: B.customerId, templateId: A.templateId, subject: 'x', body: 'y' },
    ],
    expect: REFUSED,
  },
  sendSms: {
    inputs: () => [
      { customerId: A.customerId, body: 'y' },
      { customerId: B.customerId, templateId: A.templateId, body: 'y' },
    ],
    expect: REFUSED,
  },
  createTemplate: {
    inputs: () => [{ channel: 'email', name: `${B.marker} op template`, subject: 's', body: 'b', id: A.templateId, ...smuggled() }],
    expect: ['ok'],
  },
  updateTemplate: {
    inputs: () => [{ id: A.templateId, version: 1, channel: 'email', name: `${B.marker} renamed`, subject: 's', body: 'b' }],
    expect: REFUSED,
  },
  deleteTemplate: {
    inputs: () => [{ id: A.templateId }],
    expect: REFUSED,
  },
  createReminder: {
    // With A's customer or assignee: invalid fields. With A's ids smuggled elsewhere: made in B.
    inputs: () => [
      { title: `${B.marker} op reminder`, dueAt: '2030-01-01 09:00', customerId: A.customerId },
      { title: `${B.marker} op reminder`, dueAt: '2030-01-01 09:00', assigneeId: A.member.personnelId },
      { title: `${B.marker} op reminder`, dueAt: '2030-01-01 09:00', id: A.reminderId, ...smuggled() },
    ],
    expect: ['VALIDATION', 'ok'],
  },
  updateReminder: {
    inputs: () => [{ id: A.reminderId, version: 1, title: `${B.marker} renamed`, dueAt: '2030-01-01 09:00' }],
    expect: REFUSED,
  },
  deleteReminder: {
    inputs: () => [{ id: A.reminderId }],
    expect: REFUSED,
  },
  markReminderDone: {
    inputs: () => [{ id: A.reminderId }, { id: A.reminderId, version: 1 }],
    expect: REFUSED,
  },
  createPipeline: {
    inputs: () => [{ name: `${B.marker} op pipeline ${randomBytes(3).toString('hex')}`, id: A.pipelineId, ...smuggled() }],
    expect: ['ok'],
  },
  updatePipeline: {
    inputs: () => [{ id: A.pipelineId, version: 1, name: `${B.marker} renamed` }],
    expect: REFUSED,
  },
  deletePipeline: {
    inputs: () => [{ id: A.pipelineId }],
    expect: REFUSED,
  },
  createStage: {
    inputs: () => [{ pipelineId: A.pipelineId, name: `${B.marker} stage`, probability: 5, kind: 'open' }],
    expect: REFUSED,
  },
  updateStage: {
    inputs: () => [{ id: A.openStageId, version: 1, name: `${B.marker} stage`, probability: 5, kind: 'open' }],
    expect: REFUSED,
  },
  deleteStage: {
    inputs: () => [{ id: A.openStageId }],
    expect: REFUSED,
  },
  reorderStages: {
    inputs: () => [{ pipelineId: A.pipelineId, stageIds: [A.wonStageId, A.openStageId] }],
    expect: REFUSED,
  },
  createDeal: {
    inputs: () => [
      { title: `${B.marker} op deal`, customerId: A.customerId },
      { title: `${B.marker} op deal`, ownerId: A.member.personnelId },
      { title: `${B.marker} op deal`, pipelineId: B.pipelineId, stageId: A.openStageId },
      { title: `${B.marker} op deal`, id: A.dealId, ...smuggled() },
    ],
    expect: ['VALIDATION', 'ok'],
  },
  updateDeal: {
    inputs: () => [{ id: A.dealId, version: 1, title: `${B.marker} renamed` }],
    expect: REFUSED,
  },
  moveDeal: {
    // A's deal anywhere: not found. B's deal into A's stage or next to A's deal: not moved there.
    inputs: () => [
      { id: A.dealId, stageId: B.wonStageId },
      { id: B.dealId, stageId: A.wonStageId },
    ],
    expect: [...REFUSED, 'VALIDATION'],
  },
  deleteDeal: {
    inputs: () => [{ id: A.dealId }],
    expect: REFUSED,
  },
  loadMoreDeals: {
    inputs: () => [{ stageId: A.openStageId, after: '0' }],
    expect: ['ok'],
  },
  searchDealCustomers: {
    inputs: () => [{ search: A.marker }, { search: '' }],
    expect: ['ok'],
  },
  createQuote: {
    inputs: () => [{ dealId: A.dealId, items: [], ...smuggled() }],
    expect: REFUSED,
  },
  updateQuote: {
    inputs: () => [{ id: A.quoteId, version: 2, items: [], notes: `${B.marker} renamed` }],
    expect: REFUSED,
  },
  deleteQuote: {
    inputs: () => [{ id: A.quoteId }],
    expect: REFUSED,
  },
  sendQuote: {
    inputs: () => [{ id: A.quoteId }],
    expect: REFUSED,
  },
  createContract: {
    inputs: () => [
      { dealId: A.dealId, title: `${B.marker} op contract` },
      { customerId: A.customerId, title: `${B.marker} op contract`, ...smuggled() },
    ],
    expect: REFUSED,
  },
  updateContract: {
    inputs: () => [{ id: A.contractId, version: 1, title: `${B.marker} renamed`, status: 'terminated' }],
    expect: REFUSED,
  },
  deleteContract: {
    inputs: () => [{ id: A.contractId }],
    expect: REFUSED,
  },
  markNotificationsRead: {
    // Only the caller's own notifications are touched: A's id changes nothing.
    inputs: () => [{ ids: [A.notificationId] }, { all: true, ids: [A.notificationId] }],
    expect: ['ok'],
  },
  createPurchase: {
    inputs: () => [{ customerId: A.customerId, orderedAt: '2026-03-01', items: [{ name: 'x', quantityMilli: 1000, unitPriceMinor: 1, vatRateBp: 0 }], ...smuggled() }],
    expect: REFUSED,
  },
  updatePurchase: {
    inputs: () => [
      { id: A.purchaseId, version: 1, customerId: A.customerId, orderedAt: '2026-03-01', status: 'refunded', items: [{ name: 'x', quantityMilli: 1000, unitPriceMinor: 1, vatRateBp: 0 }] },
      { id: A.purchaseId, version: 1, customerId: B.customerId, orderedAt: '2026-03-01', items: [{ name: 'x', quantityMilli: 1000, unitPriceMinor: 1, vatRateBp: 0 }] },
    ],
    expect: REFUSED,
  },
  deletePurchase: {
    inputs: () => [{ id: A.purchaseId }],
    expect: REFUSED,
  },
  importPurchases: {
    // The business comes from the context: smuggled ids are ignored. Both tenants' customers share
    // this phone and both have a purchase "order-shared-by-both": B's are found (B's order is
    // already there, the new one goes to B's customer), A's never.
    inputs: () => [
      {
        file: new File(
          [`Sipariş no;Telefon;Tarih;Ürün;Adet;Fiyat;KDV\norder-shared-by-both;0532 000 00 01;01.03.2026;x;1;1;0\n${B.marker}-import;0532 000 00 01;01.03.2026;x;1;1;0\n`],
          'b.csv',
          { type: 'text/csv' },
        ),
        ...smuggled(),
      },
    ],
    expect: ['ok'],
  },
  uploadImport: {
    inputs: () => [{ file: new File([`Ad Soyad\n${B.marker} Row\n`], 'b.csv', { type: 'text/csv' }), ...smuggled() }],
    expect: ['ok'],
  },
  previewImport: {
    inputs: () => [{ id: A.importId, mapping: ['name', 'email'], duplicateMode: 'skip' }],
    expect: REFUSED,
  },
  startImport: {
    inputs: () => [{ id: A.importId, mapping: ['name', 'email'], duplicateMode: 'update' }],
    expect: REFUSED,
  },
  deleteImport: {
    inputs: () => [{ id: A.importId }],
    expect: REFUSED,
  },
  createProject: {
    inputs: () => [
      { name: `${B.marker} op project`, customerId: A.customerId },
      { name: `${B.marker} op project`, ownerId: A.member.personnelId },
      { name: `${B.marker} op project`, memberIds: aPersonnelIds() },
      { name: `${B.marker} op project`, id: A.projectId, ...smuggled() },
    ],
    expect: ['VALIDATION', 'ok'],
  },
  updateProject: {
    inputs: () => [{ id: A.projectId, version: 1, name: `${B.marker} renamed` }],
    expect: REFUSED,
  },
  deleteProject: {
    inputs: () => [{ id: A.projectId }],
    expect: REFUSED,
  },
  createTaskStatus: {
    inputs: () => [{ projectId: A.projectId, name: `${B.marker} column`, category: 'todo' }],
    expect: REFUSED,
  },
  updateTaskStatus: {
    inputs: () => A.statusIds.map((id) => ({ id, version: 1, name: `${B.marker} column`, category: 'done' })),
    expect: REFUSED,
  },
  deleteTaskStatus: {
    inputs: () => A.statusIds.map((id) => ({ id })),
    expect: REFUSED,
  },
  reorderTaskStatuses: {
    inputs: () => [{ projectId: A.projectId, ids: [...A.statusIds].reverse() }],
    expect: REFUSED,
  },
  createProjectTemplate: {
    inputs: () => [{ name: `${B.marker} op template`, id: A.projectTemplateId, ...smuggled() }],
    expect: ['ok'],
  },
  updateProjectTemplate: {
    inputs: () => [{ id: A.projectTemplateId, version: 1, name: `${B.marker} renamed`, tasks: [] }],
    expect: REFUSED,
  },
  deleteProjectTemplate: {
    inputs: () => [{ id: A.projectTemplateId }],
    expect: REFUSED,
  },
  createTask: {
    inputs: () => [
      { title: `${B.marker} op task`, projectId: A.projectId },
      { title: `${B.marker} op task`, statusId: A.statusIds[0] },
      { title: `${B.marker} op task`, customerId: A.customerId },
      { title: `${B.marker} op task`, assigneeIds: [A.member.personnelId] },
      { title: `${B.marker} op task`, id: A.taskId, ...smuggled() },
    ],
    expect: ['VALIDATION', 'ok'],
  },
  updateTask: {
    inputs: () => [{ id: A.taskId, version: 1, title: `${B.marker} renamed` }],
    expect: REFUSED,
  },
  deleteTask: {
    inputs: () => [{ id: A.taskId }],
    expect: REFUSED,
  },
  moveTask: {
    inputs: () => [{ id: A.taskId, statusId: A.statusIds[1] }],
    expect: REFUSED,
  },
  setTaskDone: {
    inputs: () => [{ id: A.taskId, done: true }],
    expect: REFUSED,
  },
  addChecklistItem: {
    inputs: () => [{ taskId: A.taskId, text: `${B.marker} step` }],
    expect: REFUSED,
  },
  toggleChecklistItem: {
    inputs: () => [{ id: A.checklistItemId, done: true }],
    expect: REFUSED,
  },
  removeChecklistItem: {
    inputs: () => [{ id: A.checklistItemId }],
    expect: REFUSED,
  },
  addComment: {
    inputs: () => [{ taskId: A.taskId, body: `${B.marker} @[x](${A.member.personnelId})` }],
    expect: REFUSED,
  },
};

/**
 * Every exported function of the 'use server' files, with the runner it must go through. A new
 * action fails the test until it is listed here (and, for business actions, its operation has a
 * scenario above).
 */
const SERVER_ACTIONS: Record<string, Record<string, 'runBusinessAction' | 'runUserAction'>> = {
  'src/modules/api-keys/actions.ts': {
    createApiKeyAction: 'runBusinessAction',
    revokeApiKeyAction: 'runBusinessAction',
  },
  'src/modules/businesses/actions.ts': {
    createBusinessAction: 'runUserAction',
    setUserTimeZoneAction: 'runUserAction',
    setUserTaskReminderAction: 'runUserAction',
    updateBusinessAction: 'runBusinessAction',
    deleteBusinessAction: 'runBusinessAction',
    setBusinessLogoAction: 'runBusinessAction',
  },
  'src/modules/customers/actions.ts': {
    createCustomerAction: 'runBusinessAction',
    updateCustomerAction: 'runBusinessAction',
    deleteCustomerAction: 'runBusinessAction',
    deleteCustomersAction: 'runBusinessAction',
    tagCustomersAction: 'runBusinessAction',
    assignCustomerOwnerAction: 'runBusinessAction',
    mergeCustomersAction: 'runBusinessAction',
    createTagAction: 'runBusinessAction',
    updateTagAction: 'runBusinessAction',
    deleteTagAction: 'runBusinessAction',
    createSegmentAction: 'runBusinessAction',
    updateSegmentAction: 'runBusinessAction',
    deleteSegmentAction: 'runBusinessAction',
    createCustomerNoteAction: 'runBusinessAction',
    updateCustomerNoteAction: 'runBusinessAction',
    deleteCustomerNoteAction: 'runBusinessAction',
  },
  'src/modules/personnel/actions.ts': {
    createPersonnelAction: 'runBusinessAction',
    updatePersonnelAction: 'runBusinessAction',
    deletePersonnelAction: 'runBusinessAction',
    invitePersonnelAction: 'runBusinessAction',
  },
  'src/modules/interactions/actions.ts': {
    createInteractionAction: 'runBusinessAction',
    updateInteractionAction: 'runBusinessAction',
    deleteInteractionAction: 'runBusinessAction',
    sendEmailAction: 'runBusinessAction',
    sendSmsAction: 'runBusinessAction',
    createTemplateAction: 'runBusinessAction',
    updateTemplateAction: 'runBusinessAction',
    deleteTemplateAction: 'runBusinessAction',
    findInteractionsAction: 'runBusinessAction',
    findCustomerTimelineAction: 'runBusinessAction',
    findCustomerOptionsAction: 'runBusinessAction',
  },
  'src/modules/personnel/invitation-actions.ts': {
    acceptInvitationAction: 'runUserAction',
  },
  'src/modules/reminders/actions.ts': {
    createReminderAction: 'runBusinessAction',
    updateReminderAction: 'runBusinessAction',
    deleteReminderAction: 'runBusinessAction',
    markReminderDoneAction: 'runBusinessAction',
  },
  'src/modules/deals/actions.ts': {
    createPipelineAction: 'runBusinessAction',
    updatePipelineAction: 'runBusinessAction',
    deletePipelineAction: 'runBusinessAction',
    createStageAction: 'runBusinessAction',
    updateStageAction: 'runBusinessAction',
    deleteStageAction: 'runBusinessAction',
    reorderStagesAction: 'runBusinessAction',
    createDealAction: 'runBusinessAction',
    updateDealAction: 'runBusinessAction',
    moveDealAction: 'runBusinessAction',
    deleteDealAction: 'runBusinessAction',
    loadMoreDealsAction: 'runBusinessAction',
    searchDealCustomersAction: 'runBusinessAction',
  },
  'src/modules/quotes/actions.ts': {
    createQuoteAction: 'runBusinessAction',
    updateQuoteAction: 'runBusinessAction',
    deleteQuoteAction: 'runBusinessAction',
    sendQuoteAction: 'runBusinessAction',
  },
  'src/modules/contracts/actions.ts': {
    createContractAction: 'runBusinessAction',
    updateContractAction: 'runBusinessAction',
    deleteContractAction: 'runBusinessAction',
  },
  'src/modules/notifications/actions.ts': {
    markNotificationsReadAction: 'runBusinessAction',
    saveNotificationPreferencesAction: 'runUserAction',
  },
  'src/modules/purchases/actions.ts': {
    createPurchaseAction: 'runBusinessAction',
    updatePurchaseAction: 'runBusinessAction',
    deletePurchaseAction: 'runBusinessAction',
    importPurchasesAction: 'runBusinessAction',
  },
  'src/modules/imports/actions.ts': {
    uploadImportAction: 'runBusinessAction',
    previewImportAction: 'runBusinessAction',
    startImportAction: 'runBusinessAction',
    deleteImportAction: 'runBusinessAction',
  },
  'src/modules/projects/actions.ts': {
    createProjectAction: 'runBusinessAction',
    updateProjectAction: 'runBusinessAction',
    deleteProjectAction: 'runBusinessAction',
    createTaskStatusAction: 'runBusinessAction',
    updateTaskStatusAction: 'runBusinessAction',
    deleteTaskStatusAction: 'runBusinessAction',
    reorderTaskStatusesAction: 'runBusinessAction',
    createProjectTemplateAction: 'runBusinessAction',
    updateProjectTemplateAction: 'runBusinessAction',
    deleteProjectTemplateAction: 'runBusinessAction',
  },
  'src/modules/tasks/actions.ts': {
    createTaskAction: 'runBusinessAction',
    updateTaskAction: 'runBusinessAction',
    deleteTaskAction: 'runBusinessAction',
    moveTaskAction: 'runBusinessAction',
    setTaskDoneAction: 'runBusinessAction',
    addChecklistItemAction: 'runBusinessAction',
    toggleChecklistItemAction: 'runBusinessAction',
    removeChecklistItemAction: 'runBusinessAction',
    addCommentAction: 'runBusinessAction',
  },
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Exported names of a source text with the text of each export (up to the next export). */
function exportsOf(source: string): { name: string; kind: string; body: string }[] {
  const re = /^export\s+(async\s+function|function|const|let|var|class|default|\{|\*)\s*(\w*)/gm;
  const found = [...source.matchAll(re)];
  return found.map((m, i) => ({
    name: m[2] || m[1]!,
    kind: m[1]!.replace(/\s+/g, ' '),
    body: source.slice(m.index, found[i + 1]?.index ?? source.length),
  }));
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const isActionFile = (rel: string) => /^src\/modules\/[^/]+\/([\w-]+-)?actions\.ts$/.test(rel);
const hasUseServerDirective = (source: string) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(source);

describe('tenant isolation: Server Actions', () => {
  it('has a scenario for every operation, and no scenario for an operation that is gone', () => {
    expect(operations.length).toBeGreaterThan(0);
    const names = operations.map((op) => op.name);
    expect(names.filter((n) => !operationScenarios[n]), 'operations without an isolation scenario').toEqual([]);
    expect(Object.keys(operationScenarios).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('gives B’s users no context in A, by slug or by id (what every business action and page starts with)', async () => {
    const db = getDb();
    for (const userId of [B.owner.id]) {
      for (const load of [() => loadBusinessContext(db, userId, A.business.slug), () => loadBusinessContextById(db, userId, A.business.id)]) {
        const err = await load().then(
          () => null,
          (e: unknown) => e,
        );
        expect(isAppError(err) && err.code).toBe('NOT_FOUND');
      }
    }
  });

  for (const op of operations) {
    it(`${op.name}: B's owner with A's ids is refused or acts on B only; A stays unchanged`, async () => {
      const scenario = operationScenarios[op.name];
      expect(scenario, `no isolation scenario for operation ${op.name}`).toBeDefined();
      for (const input of await scenario!.inputs()) {
        const before = await snapshot(A);
        const result = await runOperation(op, bOwnerCtx, input as never);
        const outcome = result.ok ? 'ok' : result.code;
        expect(scenario!.expect, `${op.name}(${JSON.stringify(input)}) → ${JSON.stringify(result)}`).toContain(outcome);
        expectNoLeak(JSON.stringify(result), `operation ${op.name}`);
        expect(await snapshot(A), `${op.name} changed business A`).toEqual(before);
      }
      // Whatever it made or changed belongs to B.
      const db = getDb();
      const [businessB] = await db.select().from(businesses).where(eq(businesses.id, B.business.id));
      expect(businessB?.slug).toBe(B.business.slug);
    });
  }

  it('opens a quote’s public page only with its own token: B’s token shows B’s quote, a wrong one nothing', async () => {
    const before = await snapshot(A);
    expect((await getQuoteDocumentByTokenHash(getDb(), hashQuoteToken(B.quoteToken)))?.quote.id).toBe(B.quoteId);
    expect((await getQuoteDocumentByTokenHash(getDb(), hashQuoteToken(A.quoteToken)))?.quote.id).toBe(A.quoteId);
    for (const token of [A.quoteId, hashQuoteToken(A.quoteToken), `${A.quoteToken.slice(0, -1)}x`, randomBytes(32).toString('base64url')]) {
      expect(await getQuoteDocumentByTokenHash(getDb(), hashQuoteToken(token))).toBeNull();
      const err = await respondToQuote(getDb(), token, 'accepted').then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(err) && err.code).toBe('NOT_FOUND');
    }
    expect(await snapshot(A)).toEqual(before);
  });

  it('does not accept A’s invitation for B’s user with its id, its hash or a guess', async () => {
    const before = await snapshot(A);
    for (const token of [A.invitationId, A.invitationTokenHash, randomBytes(32).toString('base64url')]) {
      const err = await acceptInvitation(getDb(), B.owner.id, token).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(err) && err.code).toBe('NOT_FOUND');
    }
    expect(await snapshot(A)).toEqual(before);
  });

  it('runs every exported function of every ’use server’ file through runBusinessAction or runUserAction', () => {
    const files = sourceFiles(path.join(ROOT, 'src'));
    const serverFiles = files.filter((f) => hasUseServerDirective(fs.readFileSync(f, 'utf8'))).map(relative);
    // Server Actions live in the modules' action files only, where this guard can see them.
    expect(serverFiles.filter((f) => !isActionFile(f)), "'use server' files outside src/modules/*/(*-)actions.ts").toEqual([]);
    // …and every action file is a 'use server' file.
    const actionFiles = files.map(relative).filter(isActionFile);
    expect(actionFiles.filter((f) => !serverFiles.includes(f)), "action files without 'use server'").toEqual([]);

    const found: Record<string, Record<string, string>> = {};
    const problems: string[] = [];
    for (const file of actionFiles.sort()) {
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      found[file] = {};
      for (const exp of exportsOf(source)) {
        if (exp.kind !== 'async function') {
          problems.push(`${file}: export ${exp.kind} ${exp.name} (an action must be an exported async function)`);
          continue;
        }
        const runner = /\brunBusinessAction\s*\(/.test(exp.body)
          ? 'runBusinessAction'
          : /\brunUserAction\s*\(/.test(exp.body)
            ? 'runUserAction'
            : null;
        if (!runner) {
          problems.push(`${file}: ${exp.name} calls neither runBusinessAction nor runUserAction`);
          continue;
        }
        found[file][exp.name] = runner;
        if (runner === 'runBusinessAction') {
          // The operation it runs must be one of the discovered ones, so it has a scenario above.
          const opName = /\brunBusinessAction\s*\(\s*(\w+)/.exec(exp.body)?.[1];
          const op = opName ? operationExports.get(opName) : undefined;
          if (!op) problems.push(`${file}: ${exp.name} runs ${opName ?? '?'}, which is not an exported operation`);
          else if (!operationScenarios[op.name]) problems.push(`${file}: ${exp.name} runs ${op.name}, which has no scenario`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(found, 'the Server Actions differ from the list in this test').toEqual(SERVER_ACTIONS);
  });
});

// ─── Routes outside /api/v1 ─────────────────────────────────────────────────────────────────

describe('tenant isolation: other route handlers', () => {
  // Every route file outside /api/v1 that serves a business goes through businessRoute, which reads
  // the session from the request itself, so the real handlers run here with B's session cookie.
  const appRoutes = import.meta.glob<{ GET: (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response> }>(
    ['/src/app/**/route.ts', '!/src/app/api/v1/**'],
    { eager: true },
  );
  // Route files that serve no business of a signed-in member: sign-in itself, the health check,
  // the API's JSON 404, and the public quote pages (the link's token is their only authority,
  // covered by the quote scenarios above).
  const NOT_BUSINESS_ROUTES = [
    '/src/app/(public)/q/[token]/pdf/route.ts',
    '/src/app/(public)/q/[token]/respond/route.ts',
    '/src/app/api/[...rest]/route.ts',
    '/src/app/api/auth/[...all]/route.ts',
    '/src/app/api/health/route.ts',
  ];

  function get(file: string, url: string, params: Record<string, string>): Promise<Response> {
    const route = appRoutes[file];
    if (!route) throw new Error(`no route module ${file}`);
    return route.GET(new Request(`${appUrl()}${url}`, { headers: { cookie: bCookie, 'accept-language': 'en' } }), { params: Promise.resolve(params) });
  }

  it('answers 404 to B for every route under A’s slug, and leaks none of A', async () => {
    const q = encodeURIComponent(JSON.stringify({}));
    const cases: [string, string, Record<string, string>][] = [
      ['/src/app/(app)/[business]/logo/route.ts', `/${A.business.slug}/logo`, { business: A.business.slug }],
      ['/src/app/(app)/[business]/reminders/customer-options/route.ts', `/${A.business.slug}/reminders/customer-options?q=ISOLATION`, { business: A.business.slug }],
      ['/src/app/(app)/[business]/quotes/[id]/pdf/route.ts', `/${A.business.slug}/quotes/${A.quoteId}/pdf`, { business: A.business.slug, id: A.quoteId }],
      ['/src/app/(app)/[business]/contracts/[id]/file/route.ts', `/${A.business.slug}/contracts/${A.contractId}/file`, { business: A.business.slug, id: A.contractId }],
      ['/src/app/(app)/[business]/customers/rows/route.ts', `/${A.business.slug}/customers/rows?q=${q}`, { business: A.business.slug }],
      ['/src/app/(app)/[business]/customers/duplicates/route.ts', `/${A.business.slug}/customers/duplicates?q=${encodeURIComponent(JSON.stringify({ name: A.marker }))}`, { business: A.business.slug }],
      ['/src/app/(app)/[business]/customers/export/route.ts', `/${A.business.slug}/customers/export`, { business: A.business.slug }],
      ['/src/app/(app)/[business]/customers/import/[id]/errors.csv/route.ts', `/${A.business.slug}/customers/import/${A.importId}/errors.csv`, { business: A.business.slug, id: A.importId }],
      ['/src/app/api/events/route.ts', `/api/events?business=${A.business.slug}`, {}],
    ];
    const files = Object.keys(appRoutes).filter((f) => !NOT_BUSINESS_ROUTES.includes(f)).sort();
    expect(cases.map((c) => c[0]).sort(), 'a route file without a scenario here').toEqual(files);
    for (const [file, url, params] of cases) {
      const res = await get(file, url, params);
      const text = await res.text();
      expect(res.status, url).toBe(404);
      expect(text, url).not.toContain(A.marker);
      expect((JSON.parse(text) as { error: { code: string } }).error.code, url).toBe('NOT_FOUND');
    }
  });

  it('answers 404 to B for A’s ids under B’s own slug', async () => {
    const slug = B.business.slug;
    for (const [file, url, params] of [
      ['/src/app/(app)/[business]/quotes/[id]/pdf/route.ts', `/${slug}/quotes/${A.quoteId}/pdf`, { business: slug, id: A.quoteId }],
      ['/src/app/(app)/[business]/contracts/[id]/file/route.ts', `/${slug}/contracts/${A.contractId}/file`, { business: slug, id: A.contractId }],
      ['/src/app/(app)/[business]/customers/import/[id]/errors.csv/route.ts', `/${slug}/customers/import/${A.importId}/errors.csv`, { business: slug, id: A.importId }],
    ] as const) {
      const res = await get(file, url, params);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain(A.marker);
    }
    const options = await get('/src/app/(app)/[business]/reminders/customer-options/route.ts', `/${slug}/reminders/customer-options?q=${A.marker}`, { business: slug });
    expect(options.status).toBe(200);
    expect(await options.text()).not.toContain(A.marker);
  });
});
