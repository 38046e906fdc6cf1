/**
 * Bad input against every /api/v1 endpoint that takes any: 1,000 generated requests per endpoint,
 * derived from its zod schemas (property names and types through z.toJSONSchema), mixing
 * wrong-typed values, edge values, whole-body garbage and now and then a valid value.
 *
 * No answer may be a 500; every 4xx answer has the `{ error: { code, message } }` shape; and a 4xx
 * answer writes nothing: the row count of every table is the same after it as before.
 *
 * The file runs on a database of its own (created on the test server and dropped afterwards), so
 * whole-table counts are exact while other test files write to theirs in parallel.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, getPool } from '@/server/db/client';
import { runMigrations } from '@/server/db/migrate';
import { ENDPOINTS } from '@/composition/api';
import { API_RATE_LIMIT } from '@/server/api/rate-limit';
import type { Endpoint } from '@/server/api/endpoint';
import { ERROR_STATUS } from '@/lib/errors';
import { createApiKey } from '@/modules/api-keys/mutations';
import { createPurchase } from '@/modules/purchases/mutations';
import { createPurchaseSchema } from '@/modules/purchases/schemas';
import { insertTestCustomer } from './factories/customers';
import { addPersonnel, contextFor, createTestBusiness, createUser, type TestUser } from './factories';
import { createTag } from '@/modules/customers/mutations';
import { apiCall, sessionCookieFor, type ApiAuth } from './api';
import { insertTestInteraction } from './factories/interactions';
import { insertTestReminder } from './factories/reminders';
import { createDeal, createPipeline, ensureDefaultPipeline } from '@/modules/deals/mutations';
import { createDealSchema } from '@/modules/deals/schemas';
import { createQuote } from '@/modules/quotes/mutations';
import { createQuoteSchema } from '@/modules/quotes/schemas';
import { insertTasksBulk, insertTestProject } from './factories/projects';
import { testDatabaseUrl } from './db';

const RUNS = 1000;

// ─── A database of this file's own ──────────────────────────────────────────────────────────

let ownDatabase: { name: string; serverUrl: string } | undefined;
const sharedDatabaseUrl = process.env.DATABASE_URL;

/**
 * The first queued mail (an invitation) starts pg-boss in this process, on this database: it is
 * stopped before the database is dropped, or its pool reports the dropped connections. Looked up
 * lazily, so that this file does not depend on the jobs module being there.
 */
const jobModules = import.meta.glob<{ stopBoss?: () => Promise<void> }>('/src/server/jobs/boss.ts');

async function useOwnDatabase(): Promise<void> {
  const serverUrl = testDatabaseUrl();
  const name = `tezgah_fuzz_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  ownDatabase = { name, serverUrl };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations(url.toString(), { migrationsFolder: path.resolve('drizzle') });
  // getDb() and better-auth read DATABASE_URL on first use, which comes after this.
  await closeDb();
  process.env.DATABASE_URL = url.toString();
}

async function dropOwnDatabase(): Promise<void> {
  if (!ownDatabase) return;
  const admin = new pg.Client({ connectionString: ownDatabase.serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(ownDatabase.name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

let tables: string[] = [];

/** Row counts of every table of the app (the public schema), in one prepared statement. */
async function rowCounts(): Promise<Record<string, number>> {
  const parts = tables.map((t) => `'${t}', (select count(*) from public."${t}")`);
  const { rows } = await getPool().query<{ counts: Record<string, number> }>({
    name: 'fuzz-row-counts',
    text: `select json_build_object(${parts.join(', ')}) as counts`,
  });
  return rows[0]!.counts;
}

// ─── The world the requests run in ──────────────────────────────────────────────────────────

const THROWAWAY_NAME = 'Fuzz Silinecek İşletme';

let owner: TestUser;
let business: { id: string; slug: string };
let throwaway: { id: string; slug: string };
let cookie: string;
let bearer: string;
/** Real ids the generated paths may name: in the business, and in another business. */
const real = {
  person: '',
  deletable: '',
  apiKey: '',
  customer: '',
  deletableCustomer: '',
  tag: '',
  deletableTag: '',
  interaction: '',
  deletableInteraction: '',
  reminder: '',
  deletableReminder: '',
  purchase: '',
  deletablePurchase: '',
  pipeline: '',
  deletablePipeline: '',
  deal: '',
  deletableDeal: '',
  quote: '',
  deletableQuote: '',
  project: '',
  deletableProject: '',
  task: '',
  deletableTask: '',
  status: '',
};
const foreign = { person: '', apiKey: '', customer: '', tag: '', interaction: '', reminder: '', purchase: '', pipeline: '', deal: '', quote: '', project: '', task: '' };

const FUZZ_ITEMS = [{ name: 'Fuzz kalemi: ğüşıöç', quantityMilli: 1500, unitPriceMinor: 9999, discountBp: 500, vatRateBp: 2000 }];

async function newDeletableQuote(): Promise<void> {
  const ctx = await contextFor(getDb(), owner.id, business.slug);
  real.deletableQuote = (await createQuote(getDb(), ctx, createQuoteSchema.parse({ dealId: real.deal, items: FUZZ_ITEMS }))).id;
}

async function newThrowaway(): Promise<void> {
  throwaway = await createTestBusiness(getDb(), owner, { name: THROWAWAY_NAME });
}

async function newDeletableReminder(): Promise<void> {
  real.deletableReminder = (await insertTestReminder(getDb(), business.id, { title: 'Fuzz silinecek hatırlatıcı' })).id;
}

async function newDeletableDeal(): Promise<void> {
  const ctx = await contextFor(getDb(), owner.id, business.slug);
  real.deletableDeal = (await createDeal(getDb(), ctx, createDealSchema.parse({ title: 'Fuzz silinecek fırsat' }))).id;
}

async function newDeletablePipeline(): Promise<void> {
  const ctx = await contextFor(getDb(), owner.id, business.slug);
  real.deletablePipeline = (await createPipeline(getDb(), ctx, { name: `Fuzz silinecek hat ${randomBytes(4).toString('hex')}`, projectTemplateId: null })).id;
}

async function newDeletableProject(): Promise<void> {
  real.deletableProject = (await insertTestProject(getDb(), business.id, { name: 'Fuzz silinecek proje' })).id;
}

async function newDeletableTask(): Promise<void> {
  const project = await insertTestProject(getDb(), business.id, { name: 'Fuzz görev projesi' });
  real.deletableTask = (await insertTasksBulk(getDb(), business.id, project, 1))[0]!;
}

async function newDeletable(): Promise<void> {
  real.deletable = (await addPersonnel(getDb(), business.id, { role: 'member', login: false, name: 'Fuzz Silinebilir' })).personnelId;
}

async function newDeletableCustomer(): Promise<void> {
  real.deletableCustomer = (await insertTestCustomer(getDb(), business.id, { name: 'Fuzz Silinebilir Müşteri' })).id;
}

async function newDeletableTag(): Promise<void> {
  const ctx = await contextFor(getDb(), owner.id, business.slug);
  real.deletableTag = (await createTag(getDb(), ctx, { name: `Fuzz silinebilir ${randomBytes(4).toString('hex')}`, color: 'gray' })).id;
}

async function newDeletableInteraction(): Promise<void> {
  real.deletableInteraction = (await insertTestInteraction(getDb(), business.id, { customerIds: [real.customer] })).id;
}

async function purchaseOf(ctx: Awaited<ReturnType<typeof contextFor>>, customerId: string): Promise<string> {
  const input = createPurchaseSchema.parse({ customerId, orderedAt: '2026-01-15', items: [{ name: 'Fuzz ürün', quantityMilli: 1000, unitPriceMinor: 1250, vatRateBp: 2000 }] });
  return (await createPurchase(getDb(), ctx, input)).id;
}

async function newDeletablePurchase(): Promise<void> {
  real.deletablePurchase = await purchaseOf(await contextFor(getDb(), owner.id, business.slug), real.customer);
}

const savedRateLimit = API_RATE_LIMIT.max;

beforeAll(async () => {
  await useOwnDatabase();
  const db = getDb();
  const { rows } = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  tables = rows.map((r) => r.table_name);
  for (const t of ['businesses', 'personnel', 'api_keys', 'invitations', 'audit_log', 'user']) expect(tables).toContain(t);

  owner = await createUser(db, { name: 'Fuzz Sahibi' });
  business = await createTestBusiness(db, owner, { name: 'Fuzz Dükkânı' });
  await newThrowaway();
  const ctx = await contextFor(db, owner.id, business.slug);
  bearer = (await createApiKey(db, ctx, { name: 'Fuzz anahtarı', role: 'admin', expiresAt: null })).key;
  real.apiKey = (await createApiKey(db, ctx, { name: 'Fuzz hedef anahtar', role: 'viewer', expiresAt: null })).id;
  real.person = (await addPersonnel(db, business.id, { role: 'member', login: false, name: 'Fuzz Hedef' })).personnelId;
  await newDeletable();
  real.customer = (await insertTestCustomer(db, business.id, { name: 'Fuzz Hedef Müşteri', emails: ['hedef@example.test'] })).id;
  await newDeletableCustomer();
  real.tag = (await createTag(db, ctx, { name: 'Fuzz hedef etiket', color: 'blue' })).id;
  await newDeletableTag();
  real.interaction = (await insertTestInteraction(db, business.id, { customerIds: [real.customer] })).id;
  await newDeletableInteraction();
  VALID_BODIES['POST /interactions'] = {
    type: 'call',
    direction: 'outbound',
    occurredAt: '2026-03-05T14:30:00+03:00',
    durationMinutes: 12,
    subject: 'Fuzz araması',
    body: 'Görüşüldü',
    outcome: 'connected',
    customerIds: [real.customer],
    personnelIds: [real.person],
  };
  VALID_BODIES['PATCH /interactions/{id}'] = { subject: 'Fuzz düzeltme', outcome: 'noAnswer', customerIds: [real.customer] };
  real.reminder = (await insertTestReminder(getDb(), business.id, { title: 'Fuzz hatırlatıcı', repeat: 'daily' })).id;
  await newDeletableReminder();
  real.purchase = await purchaseOf(ctx, real.customer);
  await newDeletablePurchase();
  real.pipeline = await ensureDefaultPipeline(db, ctx);
  real.deal = (await createDeal(db, ctx, createDealSchema.parse({ title: 'Fuzz hedef fırsat', customerId: real.customer }))).id;
  await newDeletableDeal();
  await newDeletablePipeline();
  real.quote = (await createQuote(db, ctx, createQuoteSchema.parse({ dealId: real.deal, items: FUZZ_ITEMS }))).id;
  await newDeletableQuote();
  VALID_BODIES['POST /quotes'] = { dealId: real.deal, language: 'en', validUntil: '2030-01-31', notes: 'Fuzz notu', items: FUZZ_ITEMS };
  const project = await insertTestProject(db, business.id, { name: 'Fuzz projesi', customerId: real.customer });
  real.project = project.id;
  real.status = project.statuses[1]!.id;
  real.task = (await insertTasksBulk(db, business.id, project, 3))[0]!;
  await newDeletableProject();
  await newDeletableTask();
  VALID_BODIES['PATCH /tasks/{id}'] = { statusId: real.status, title: 'Fuzz değişen görev', priority: 'urgent', assigneeIds: [real.person] };

  const otherOwner = await createUser(db);
  const other = await createTestBusiness(db, otherOwner, { name: 'Başka İşletme' });
  const otherCtx = await contextFor(db, otherOwner.id, other.slug);
  foreign.person = otherCtx.personnelId;
  foreign.apiKey = (await createApiKey(db, otherCtx, { name: 'Başka anahtar', role: 'viewer', expiresAt: null })).id;
  foreign.customer = (await insertTestCustomer(db, other.id, { name: 'Başka Müşteri' })).id;
  foreign.tag = (await createTag(db, otherCtx, { name: 'Başka etiket', color: 'gray' })).id;
  foreign.interaction = (await insertTestInteraction(db, other.id, { customerIds: [foreign.customer] })).id;
  foreign.reminder = (await insertTestReminder(db, other.id, { title: 'Başka hatırlatıcı' })).id;
  foreign.purchase = await purchaseOf(otherCtx, foreign.customer);
  foreign.pipeline = await ensureDefaultPipeline(db, otherCtx);
  foreign.deal = (await createDeal(db, otherCtx, createDealSchema.parse({ title: 'Başka fırsat' }))).id;
  foreign.quote = (await createQuote(db, otherCtx, createQuoteSchema.parse({ dealId: foreign.deal, items: FUZZ_ITEMS }))).id;
  const otherProject = await insertTestProject(db, other.id, { name: 'Başka proje' });
  foreign.project = otherProject.id;
  foreign.task = (await insertTasksBulk(db, other.id, otherProject, 1))[0]!;

  cookie = await sessionCookieFor(owner.email, owner.password);
  // The per-key limit (tested in api.test.ts) would answer 429 after 600 calls and hide the routes.
  API_RATE_LIMIT.max = Number.MAX_SAFE_INTEGER;
}, 120_000);

afterAll(async () => {
  API_RATE_LIMIT.max = savedRateLimit;
  for (const load of Object.values(jobModules)) await (await load()).stopBoss?.();
  await closeDb();
  await dropOwnDatabase();
  process.env.DATABASE_URL = sharedDatabaseUrl;
});

// ─── Generators ─────────────────────────────────────────────────────────────────────────────

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
};

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const EDGE_STRINGS = [
  '',
  ' ',
  '   \t\n ',
  '\u0000',
  'a\u0000b',
  'Ad\u0000',
  'İıŞşĞğÜüÖöÇç',
  'İSTANBUL ışık ĞÜŞİÖÇ',
  'i̇', // i + combining dot above: what 'İ'.toLowerCase() gives
  '😀👩‍👩‍👧‍👦🇹🇷',
  '\ud800',
  'a\udfffb',
  '\u202egnirts',
  '\ufeffBOM',
  '\u200b',
  'x'.repeat(10_000),
  'ş'.repeat(10_000),
  '😀'.repeat(5_000),
  "' OR 1=1 --",
  "'); DROP TABLE personnel; --",
  '%',
  '%_\\',
  '\\',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '1e309',
  '0x10',
  'true',
  '[object Object]',
  '__proto__',
  '2099-13-45',
  '2024-02-30',
  '9999-12-31T23:59:59Z',
  '0000-01-01',
  '+90 555 ' + '1'.repeat(100),
  '0555 111 22 33',
  'a@b',
  '@',
  'a@b.test',
  'Europe/Nowhere',
  'Etc/GMT+14',
  'TRY ',
  'owner',
  'OWNER',
  '0123456789',
  '01a20166-c371-707b-a4c2-2835043e00b5',
];

const EDGE_NUMBERS = [0, -0, -1, 1, 1.5, 200, 201, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324];

/** About 1 MB: far over any field's limit; rare, as it costs a few milliseconds to send. */
const HUGE_STRING = 'Ğ'.repeat(500_000);

function deepArray(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
function deepObject(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 60, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 30, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  { weight: 30, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 20, arbitrary: fc.string({ unit: 'grapheme', maxLength: 150 }) },
  { weight: 20, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 10, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, deepArray(200), deepObject(200), { $ne: null }, ['owner']) },
  // In about one request in fifty: each one takes tens of milliseconds to encode, send and check.
  { weight: 1, arbitrary: fc.constant(HUGE_STRING) },
);

function typesOf(s: JsonSchema): string[] {
  if (s.anyOf) return s.anyOf.flatMap(typesOf);
  if (s.enum) return ['string'];
  return Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
}

/** Values of every JSON type the schema does not accept. */
function wrongTyped(s: JsonSchema): fc.Arbitrary<unknown> {
  const accepted = new Set(typesOf(s));
  if (accepted.has('integer')) accepted.add('number');
  const byType: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('1', 'true', 'null', '')),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
    object: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  };
  const wrong = Object.entries(byType)
    .filter(([t]) => !accepted.has(t))
    .map(([, arb]) => arb);
  return fc.oneof(...wrong);
}

/** Values the JSON schema allows (field refinements such as e-mail or phone may still refuse them). */
function schemaValue(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map(schemaValue));
  if (s.enum) return fc.constantFrom(...s.enum);
  const type = typesOf(s)[0];
  switch (type) {
    case 'string':
      if (s.pattern || s.format) return fc.constantFrom('2099-01-01', '2099-01-01T10:00:00Z', '2099-01-01T10:00:00+03:00', '2020-01-01');
      return fc.string({ unit: 'grapheme', minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 200) });
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1000), max: Math.min(s.maximum ?? 1000, 1000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** One property: valid now and then, mostly edge or wrong-typed values. */
function propertyValue(s: JsonSchema, sample: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: sample === undefined ? schemaValue(s) : fc.constant(sample) },
    { weight: 2, arbitrary: schemaValue(s) },
    { weight: 4, arbitrary: edgeValue },
    { weight: 3, arbitrary: wrongTyped(s) },
  );
}

/** Ids of another business and field names an attacker might try; the server must ignore them. */
const SMUGGLED = fc.record(
  {
    businessId: fc.constantFrom('00000000-0000-0000-0000-000000000000', '01a20166-c371-707b-a4c2-2835043e00b5'),
    id: fc.uuid(),
    slug: fc.constantFrom('api', 'dashboard', 'x'),
    logoPath: fc.constantFrom('../../etc/passwd', '/etc/passwd'),
    keyHash: fc.constant('0'.repeat(64)),
    userId: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: [] },
);

/** Raw request bodies that are not what a JSON object body should be. */
const RAW_BODIES = [
  '',
  '   ',
  'null',
  'true',
  '0',
  '-1',
  '"text"',
  '[]',
  '[{}]',
  '{}',
  '{',
  '{"name":',
  '{"name":"x",}',
  "{'name':'x'}",
  '{"name":"x"}garbage',
  '{"version":NaN}',
  '{"version":Infinity}',
  '{"version":1e400,"name":"x"}',
  '{"version":-1e400}',
  '{"limit":1e400}',
  '{"active":1e400}',
  '{"role":"member","role":"owner","name":"Çift"}',
  '{"__proto__":{"role":"owner","admin":true},"name":"Proto","role":"member"}',
  '{"constructor":{"prototype":{"polluted":true}},"name":"C","role":"member"}',
  '\ufeff{"name":"BOM","role":"member"}',
  '\u0000',
  '{"name":"\\u0000","role":"member"}',
  '{"name":"a\\u0000b","confirmName":"\\u0000","sector":"\\u0000"}',
  '{"name":"\\ud800","role":"member"}',
  '['.repeat(100_000) + ']'.repeat(100_000),
  '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
  `{"name":"${'y'.repeat(2_000_000)}"}`,
];

/** The body of a request, as the raw text sent (undefined: no body). */
function bodyArbitrary(schema: z.ZodType, sample: Record<string, unknown>): fc.Arbitrary<string | undefined> {
  const json = jsonSchemaOf(schema);
  const props = json.properties ?? {};
  const object = fc
    .tuple(
      fc.record(
        Object.fromEntries(Object.entries(props).map(([name, s]) => [name, propertyValue(s, sample[name])])),
        { requiredKeys: [] },
      ),
      fc.option(SMUGGLED, { freq: 4 }),
      fc.option(fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), edgeValue, { maxKeys: 3 }), { freq: 4 }),
    )
    .map(([fields, smuggled, extra]) => ({ ...extra, ...smuggled, ...fields }));
  return fc.oneof(
    { weight: 14, arbitrary: object.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(sample)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** Cursors that decode to something, mostly the wrong thing. */
const cursorValue = fc.oneof(
  fc.tuple(fc.string({ maxLength: 30 }), fc.uuid()).map((c) => base64url(JSON.stringify(c))),
  fc.tuple(fc.constantFrom(...EDGE_STRINGS), fc.uuid()).map((c) => base64url(JSON.stringify(c))),
  fc.jsonValue({ maxDepth: 2 }).map((v) => base64url(JSON.stringify(v))),
  fc.string({ unit: 'binary', maxLength: 40 }).map(base64url),
  fc.string({ maxLength: 40 }),
);

const queryValue = (s: JsonSchema, name: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 2, arbitrary: schemaValue(s).map((v) => String(v)) },
    { weight: 3, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
    { weight: 2, arbitrary: fc.constantFrom(...EDGE_NUMBERS).map(String) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }) },
    { weight: name === 'cursor' ? 6 : 0, arbitrary: cursorValue },
  );

/** The query string of a request, with its leading `?` (or empty). */
function queryArbitrary(schema: z.ZodType | undefined): fc.Arbitrary<string> {
  const props = schema ? (jsonSchemaOf(schema).properties ?? {}) : {};
  const params = fc
    .tuple(
      fc.record(Object.fromEntries(Object.entries(props).map(([name, s]) => [name, queryValue(s, name)])), { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }), { freq: 4 }),
    )
    .map(([known, extra]) => {
      const search = new URLSearchParams({ ...extra, ...known } as Record<string, string>);
      return search.size > 0 ? `?${search}` : '';
    });
  // Raw text after `?`: broken escapes and repeated keys, as a careless client sends them.
  const raw = fc
    .oneof(
      fc.constantFrom('%', '%%%', '%zz', '%00', '%u0000', 'limit', 'limit=', '=', '&&&', 'limit=1&limit=2', 'cursor[]=1', 'search=%E0%A4%A'),
      fc.string({ maxLength: 60 }),
    )
    .map((q) => `?${q.replace(/#/g, '%23')}`);
  return fc.oneof({ weight: 6, arbitrary: params }, { weight: 1, arbitrary: raw });
}

const REAL = Symbol('a real id of the business');
const FOREIGN = Symbol('a real id of another business');
type IdChoice = string | typeof REAL | typeof FOREIGN;

const idArbitrary: fc.Arbitrary<IdChoice> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<IdChoice>(REAL) },
  { weight: 1, arbitrary: fc.constant<IdChoice>(FOREIGN) },
  { weight: 2, arbitrary: fc.uuid({ version: [4, 7] }) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_STRINGS.filter((s) => s.length > 0 && s.length < 1000)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(5000), '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF') },
);

// ─── Per endpoint: valid samples, real ids, and who calls ───────────────────────────────────

/** A valid body per endpoint, so that valid values (and whole valid requests) come up. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'POST /businesses': {
    name: 'Fuzz Şube',
    sector: 'Perakende',
    phone: '0532 123 45 67',
    email: 'sube@example.test',
    address: 'Moda Cd. 1, Kadıköy',
    taxNumber: '1234567890',
    taxOffice: 'Kadıköy',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
  },
  'PATCH /business': { name: 'Fuzz Dükkânı', sector: 'Çiçekçi', phone: '+90 212 555 12 12', timeZone: 'Europe/Istanbul' },
  'DELETE /business': { confirmName: THROWAWAY_NAME },
  'POST /personnel': { name: 'Fuzz Kişi', email: 'kisi@example.test', phone: '0555 111 22 33', title: 'Uzman', department: 'Satış', role: 'sales', active: true, invite: false },
  'PATCH /personnel/{id}': { name: 'Fuzz Hedef', title: 'Kıdemli Uzman', role: 'support', active: true },
  'POST /api-keys': { name: 'Fuzz yeni anahtar', role: 'viewer', expiresAt: '2099-01-01' },
  'POST /customers': {
    kind: 'company',
    name: 'Fuzz Şirketi',
    emails: ['info@fuzz.test'],
    phones: ['0532 123 45 67'],
    city: 'İstanbul',
    status: 'active',
    taxNumber: '1234567890',
    birthday: '1990-05-17',
    emailConsent: true,
    emailConsentSource: 'form',
  },
  'PATCH /customers/{id}': { name: 'Fuzz Hedef Müşteri', phones: ['+90 532 111 22 33'], status: 'lost', version: 1 },
  'POST /tags': { name: 'Fuzz etiket', color: 'green' },
  'PATCH /tags/{id}': { name: 'Fuzz hedef etiket', color: 'red' },
  'POST /reminders': { title: 'Fuzz hatırlatıcı: ğüşıöç', dueAt: '2030-01-31 09:00', note: 'Not', repeat: 'monthly' },
  'PATCH /reminders/{id}': { title: 'Fuzz değişen', dueAt: '2030-02-01T09:00:00+03:00', repeat: 'weekly' },
  'POST /reminders/{id}/done': {},
  'POST /purchases': {
    customerId: '<customer>',
    orderedAt: '2026-02-01T10:00:00+03:00',
    status: 'paid',
    currency: 'TRY',
    externalRef: 'fuzz-ref',
    notes: 'Fuzz notu',
    items: [{ name: 'Kahve', quantityMilli: 1500, unitPrice: { amountMinor: 4250, currency: 'TRY' }, vatRateBp: 1000 }],
  },
  'PATCH /purchases/{id}': { status: 'refunded', notes: 'İade', items: [{ name: 'Çay', quantityMilli: 2000, unitPrice: { amountMinor: 1500 }, vatRateBp: 2000 }] },
  'POST /pipelines': { name: 'Fuzz hattı' },
  'PATCH /pipelines/{id}': { name: 'Fuzz ana hat' },
  'POST /deals': { title: 'Fuzz fırsatı: ğüşıöç', value: { amountMinor: 1250050, currency: 'TRY' }, expectedCloseDate: '2030-01-31', probability: 50, source: 'web' },
  'PATCH /deals/{id}': { title: 'Fuzz değişen fırsat', probability: 30 },
  'PATCH /quotes/{id}': { notes: 'Fuzz değişen', items: FUZZ_ITEMS, language: 'tr' },
  'POST /quotes/{id}/send': {},
  'POST /projects': { name: 'Fuzz projesi: ğüşıöç', status: 'planned', startDate: '2030-01-01', endDate: '2030-02-01' },
  'PATCH /projects/{id}': { name: 'Fuzz değişen proje', status: 'on_hold' },
  'POST /tasks': { title: 'Fuzz görevi', priority: 'high', dueAt: '2030-01-31 09:00' },
};

/** The valid sample with the real ids of this run filled in. */
function validBody(key: string): Record<string, unknown> {
  const sample = VALID_BODIES[key] ?? {};
  return sample.customerId === '<customer>' ? { ...sample, customerId: real.customer } : sample;
}

function realId(key: string): string {
  if (key === 'DELETE /personnel/{id}') return real.deletable;
  if (key === 'DELETE /purchases/{id}') return real.deletablePurchase;
  if (key.includes('/purchases/')) return real.purchase;
  if (key === 'DELETE /interactions/{id}') return real.deletableInteraction;
  if (key.includes('/interactions/')) return real.interaction;
  if (key === 'DELETE /customers/{id}') return real.deletableCustomer;
  if (key === 'DELETE /tags/{id}') return real.deletableTag;
  if (key.includes('/customers/')) return real.customer;
  if (key.includes('/tags/')) return real.tag;
  if (key === 'DELETE /reminders/{id}') return real.deletableReminder;
  if (key === 'DELETE /pipelines/{id}') return real.deletablePipeline;
  if (key.includes('/pipelines/')) return real.pipeline;
  if (key === 'DELETE /deals/{id}') return real.deletableDeal;
  if (key.includes('/deals/')) return real.deal;
  if (key === 'DELETE /projects/{id}') return real.deletableProject;
  if (key.includes('/projects/')) return real.project;
  if (key === 'DELETE /tasks/{id}') return real.deletableTask;
  if (key.includes('/tasks/')) return real.task;
  if (key.includes('/reminders/')) return real.reminder;
  if (key === 'DELETE /quotes/{id}') return real.deletableQuote;
  if (key.includes('/quotes/')) return real.quote;
  if (key.includes('/api-keys/')) return real.apiKey;
  return real.person;
}
function foreignId(key: string): string {
  if (key.includes('/interactions/')) return foreign.interaction;
  if (key.includes('/customers/')) return foreign.customer;
  if (key.includes('/tags/')) return foreign.tag;
  if (key.includes('/reminders/')) return foreign.reminder;
  if (key.includes('/purchases/')) return foreign.purchase;
  if (key.includes('/pipelines/')) return foreign.pipeline;
  if (key.includes('/deals/')) return foreign.deal;
  if (key.includes('/quotes/')) return foreign.quote;
  if (key.includes('/projects/')) return foreign.project;
  if (key.includes('/tasks/')) return foreign.task;
  return key.includes('/api-keys/') ? foreign.apiKey : foreign.person;
}

type Case = { via: 'key' | 'session'; id?: IdChoice; query: string; body?: string };

/** Short text of a case for failure messages: a 2 MB body must not become a 2 MB message. */
function describeCase(c: Case): string {
  const id = c.id === REAL ? '<real id>' : c.id === FOREIGN ? '<other business’s id>' : c.id;
  const body = c.body === undefined ? '(none)' : c.body.length > 400 ? `${JSON.stringify(c.body.slice(0, 400))}… (${c.body.length} chars)` : JSON.stringify(c.body);
  return `via ${c.via}, id ${JSON.stringify(id)}, query ${JSON.stringify(c.query.slice(0, 300))}, body ${body}`;
}

function caseArbitrary(endpoint: Endpoint, key: string): fc.Arbitrary<Case> {
  const hasId = endpoint.path.includes('{id}');
  const hasBody = Boolean(endpoint.body);
  const bodyOf = hasBody ? bodyArbitrary(endpoint.body!, validBody(key)) : fc.constant(undefined);
  const queryOf = endpoint.query ? queryArbitrary(endpoint.query) : fc.constant('');
  // Key and session share everything after the caller is known; a session costs three times as
  // much to resolve, so endpoints open to keys take the session path in one case in ten.
  const via =
    endpoint.auth === 'session'
      ? fc.constant('session' as const)
      : fc.oneof({ weight: 9, arbitrary: fc.constant('key' as const) }, { weight: 1, arbitrary: fc.constant('session' as const) });
  return fc
    .record({ via, id: hasId ? idArbitrary : fc.constant(undefined), query: queryOf, body: bodyOf })
    .map((c) => Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) }));
}

// ─── The checks ─────────────────────────────────────────────────────────────────────────────

const errorShape = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS]),
    message: z.string().min(1),
    fields: z
      .record(z.string(), z.strictObject({ code: z.string().regex(/^[a-zA-Z]+$/), message: z.string().min(1), max: z.number().optional(), min: z.number().optional() }))
      .optional(),
  }),
});

const fuzzed = ENDPOINTS.filter((e) => e.body || e.query || e.path.includes('{'));

describe('api fuzz', () => {
  it('covers every endpoint that takes a body, a query or a path parameter', () => {
    expect(fuzzed.length).toBeGreaterThan(0);
    // Those left out take no input at all: nothing to fuzz but the credentials, tested elsewhere.
    const left = ENDPOINTS.filter((e) => !fuzzed.includes(e));
    for (const e of left) expect([e.body, e.query, e.path.includes('{')]).toEqual([undefined, undefined, false]);
  });

  // The first bug this file found, kept as fixed cases: PostgreSQL text cannot hold U+0000, and
  // such a value used to reach the database and answer 500.
  it('answers U+0000 in text with a field error or a plain search, never a 500', async () => {
    const nul = await apiCall('POST', '/personnel', { key: bearer }, { name: 'Ad\u0000Soyad', title: '\u0000', role: 'member' });
    expect(nul).toMatchObject({ status: 422, json: { error: { fields: { name: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }), title: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) } } } });
    expect((await apiCall('PATCH', '/business', { key: bearer }, { sector: 'a\u0000b' })).status).toBe(422);
    expect((await apiCall('POST', '/api-keys', { cookie, businessId: business.id }, { name: '\u0000', role: 'viewer' })).status).toBe(422);
    expect((await apiCall('GET', `/personnel?search=${encodeURIComponent('Fuzz\u0000')}`, { key: bearer })).status).toBe(200);
    const cursor = Buffer.from(JSON.stringify(['a\u0000', real.person])).toString('base64url');
    expect((await apiCall('GET', `/personnel?cursor=${cursor}`, { key: bearer })).status).toBe(400);
  });

  for (const endpoint of fuzzed) {
    const key = `${endpoint.method} ${endpoint.path}`;
    it(`${key}: ${RUNS} bad inputs, no 500, errors in shape, no partial write`, async () => {
      const statuses = new Map<number, number>();
      let counts = await rowCounts();
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(caseArbitrary(endpoint, key), async (c) => {
          const id = c.id === REAL ? realId(key) : c.id === FOREIGN ? foreignId(key) : c.id;
          // A URL carries bytes: a lone surrogate cannot be sent, so it goes as U+FFFD, as a browser sends it.
          const target = endpoint.path.replace('{id}', encodeURIComponent((id ?? '').toWellFormed()));
          const auth: ApiAuth =
            c.via === 'key' ? { key: bearer } : { cookie, businessId: key === 'DELETE /business' ? throwaway.id : business.id };
          const res = await apiCall(endpoint.method, `${target}${c.query}`, auth, c.body);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const fail = (why: string) => new Error(`${key}: ${why}\n  request: ${describeCase(c)}\n  answer ${res.status}: ${res.text.slice(0, 500)}`);

          if (res.status >= 500) throw fail('a server error');
          const after = await rowCounts();
          if (res.status >= 400) {
            const shape = errorShape.safeParse(res.json);
            if (!shape.success) throw fail('the error body is not { error: { code, message } }');
            if (ERROR_STATUS[shape.data.error.code] !== res.status) throw fail(`code ${shape.data.error.code} does not match the status`);
            const changed = tables.filter((t) => after[t] !== counts[t]).map((t) => `${t} ${counts[t]} → ${after[t]}`);
            if (changed.length > 0) throw fail(`a refused request wrote rows: ${changed.join(', ')}`);
          } else if (endpoint.response && res.status !== 204) {
            const shape = endpoint.response.safeParse(res.json);
            if (!shape.success) throw fail(`the answer does not match the documented response: ${shape.error.message.slice(0, 300)}`);
          }
          counts = after;

          // Keep the real targets alive for the cases that follow (and count their new rows).
          const renew: Record<string, () => Promise<void>> = {
            'DELETE /business': newThrowaway,
            'DELETE /personnel/{id}': newDeletable,
            'DELETE /customers/{id}': newDeletableCustomer,
            'DELETE /tags/{id}': newDeletableTag,
            'DELETE /interactions/{id}': newDeletableInteraction,
            'DELETE /reminders/{id}': newDeletableReminder,
            'DELETE /purchases/{id}': newDeletablePurchase,
            'DELETE /pipelines/{id}': newDeletablePipeline,
            'DELETE /deals/{id}': newDeletableDeal,
            'DELETE /quotes/{id}': newDeletableQuote,
            'DELETE /projects/{id}': newDeletableProject,
            'DELETE /tasks/{id}': newDeletableTask,
          };
          if (res.status === 204 && renew[key]) {
            await renew[key]();
            counts = await rowCounts();
          }
        }),
        { numRuns: RUNS },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.info(`[fuzz] ${key}: ${RUNS} runs in ${seconds} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
      expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    }, 120_000);
  }
});
