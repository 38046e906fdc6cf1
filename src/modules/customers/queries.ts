import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { dayRange, decodeSortCursor, keysetAfter, keysetOrder, keysetPage, sortValueColumn, type SortCursor, type SortKey as KeysetKey } from '@/server/db/keyset';
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { customerNotes, customerTags, customers, personnel, segments, tags } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import { runPrepared } from '@/server/db/prepared';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { scopeFor } from '@/lib/permissions';
import { isUuid } from '@/lib/ids';
import { foldTurkish } from '@/lib/text';
import { containsPatterns } from '@/lib/search';
import { normalizePhone } from '@/lib/validation';
import {
  customerFilterSchema,
  CUSTOMER_SORTS,
  type CustomerFilter,
  type CustomerKind,
  type CustomerSort,
  type CustomerStatus,
} from './schemas';

export type TagRef = { id: string; name: string; color: string };

export type CustomerListRow = {
  id: string;
  kind: CustomerKind;
  name: string;
  companyId: string | null;
  companyName: string | null;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  source: string | null;
  status: CustomerStatus;
  ownerId: string | null;
  ownerName: string | null;
  tags: TagRef[];
  /** Null for a role that may not read purchases (see `seesPurchaseFigures`), as is `lastPurchaseAt`. */
  lifetimeValueMinor: number | null;
  lastPurchaseAt: Date | null;
  lastInteractionAt: Date | null;
  createdAt: Date;
};

/**
 * Lifetime value, purchase count and last purchase are purchase figures kept on the customer: a
 * role that may not read purchases (PERMISSIONS.md) gets none of them from any customer read —
 * profile, list, export, API — and may not filter or sort by them, which would reveal them too.
 */
export function seesPurchaseFigures(ctx: Pick<Ctx, 'role' | 'limitRoles'>): boolean {
  return scopeFor(ctx, 'purchases', 'read') !== false;
}

function assertPurchaseFiltersAllowed(ctx: Ctx, filters: CustomerFilter | undefined, sort?: CustomerSort): void {
  if (seesPurchaseFigures(ctx)) return;
  const asked =
    filters?.lifetimeValueMin !== undefined ||
    filters?.lifetimeValueMax !== undefined ||
    filters?.lastPurchaseFrom !== undefined ||
    filters?.lastPurchaseTo !== undefined ||
    sort === 'lifetimeValue';
  if (asked) throw new AppError('FORBIDDEN');
}

const company = alias(customers, 'company');

const tagsJson = sql<TagRef[]>`coalesce((
    select json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) order by lower(t.name))
    from ${customerTags} ct join ${tags} t on t.business_id = ct.business_id and t.id = ct.tag_id
    where ct.business_id = ${customers.businessId} and ct.customer_id = ${customers.id}), '[]'::json)`;

const toDate = (v: unknown) => (v ? new Date(v as string) : null);

const listColumns = {
  id: customers.id,
  kind: customers.kind,
  name: customers.name,
  companyId: customers.companyId,
  companyName: company.name,
  jobTitle: customers.jobTitle,
  email: sql<string | null>`${customers.emails}[1]`,
  phone: sql<string | null>`${customers.phones}[1]`,
  city: customers.city,
  source: customers.source,
  status: customers.status,
  ownerId: customers.ownerId,
  ownerName: personnel.name,
  tags: tagsJson,
  lifetimeValueMinor: customers.lifetimeValueMinor,
  lastPurchaseAt: customers.lastPurchaseAt,
  lastInteractionAt: customers.lastInteractionAt,
  createdAt: customers.createdAt,
};

/**
 * The WHERE clause of a customer filter, always within the business. Exported for the modules
 * that pick customers by the same filter (segments, campaigns).
 */
export function customerFilterWhere(ctx: Ctx, filters: CustomerFilter): SQL {
  const where: (SQL | undefined)[] = [eq(customers.businessId, ctx.businessId)];
  const patterns = containsPatterns(filters.search);
  if (patterns.length > 0) where.push(or(...patterns.map((p) => sql`${customers.searchText} like ${p}`)));
  if (filters.kind) where.push(eq(customers.kind, filters.kind));
  if (filters.statuses?.length) where.push(inArray(customers.status, filters.statuses));
  if (filters.ownerIds?.length) {
    const ids = filters.ownerIds.filter((v): v is string => v !== null);
    const parts: SQL[] = [];
    if (ids.length) parts.push(inArray(customers.ownerId, ids));
    if (filters.ownerIds.includes(null)) parts.push(isNull(customers.ownerId));
    where.push(or(...parts));
  }
  if (filters.cities?.length) {
    where.push(inArray(sql`lower(${customers.city})`, filters.cities.map((c) => c.toLocaleLowerCase('tr'))));
  }
  if (filters.sources?.length) {
    where.push(inArray(sql`lower(${customers.source})`, filters.sources.map((c) => c.toLocaleLowerCase('tr'))));
  }
  if (filters.companyId) where.push(eq(customers.companyId, filters.companyId));
  if (filters.tagIds?.length) {
    where.push(sql`exists (select 1 from ${customerTags} ct where ct.business_id = ${customers.businessId}
      and ct.customer_id = ${customers.id} and ct.tag_id in (${sql.join(filters.tagIds.map((id) => sql`${id}::uuid`), sql`, `)}))`);
  }
  where.push(...dayRange(ctx.timeZone, customers.createdAt, filters.createdFrom, filters.createdTo));
  where.push(...dayRange(ctx.timeZone, sql`${customers.lastPurchaseAt}`, filters.lastPurchaseFrom, filters.lastPurchaseTo));
  where.push(...dayRange(ctx.timeZone, sql`${customers.lastInteractionAt}`, filters.lastInteractionFrom, filters.lastInteractionTo));
  if (filters.lifetimeValueMin !== undefined) where.push(sql`${customers.lifetimeValueMinor} >= ${filters.lifetimeValueMin}`);
  if (filters.lifetimeValueMax !== undefined) where.push(sql`${customers.lifetimeValueMinor} <= ${filters.lifetimeValueMax}`);
  return and(...where)!;
}

// ─── Sorting and keyset cursors ─────────────────────────────────────────────────────────────

type SortKey = KeysetKey & { nullable?: typeof customers.lastInteractionAt };

/**
 * The expression each sort orders by. The nullable summaries sort as if "never" were the earliest
 * moment, so that the keyset comparison stays one row comparison.
 */
const SORT_KEYS: Record<CustomerSort, SortKey> = {
  name: { expr: sql`${customers.sortName}`, kind: 'text' },
  created: { expr: sql`${customers.createdAt}`, kind: 'instant' },
  lifetimeValue: { expr: sql`${customers.lifetimeValueMinor}`, kind: 'bigint' },
  lastInteraction: {
    expr: sql`coalesce(${customers.lastInteractionAt}, '-infinity'::timestamptz)`,
    kind: 'instant',
    nullable: customers.lastInteractionAt,
  },
};

type Cursor = SortCursor<CustomerSort>;

export type CustomerPage = { data: CustomerListRow[]; nextCursor: string | null };

export type FindCustomersArgs = {
  filters?: CustomerFilter;
  segmentId?: string;
  sort?: CustomerSort;
  dir?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
};

async function whereOf(db: Executor, ctx: Ctx, args: { filters?: CustomerFilter; segmentId?: string }): Promise<SQL> {
  const parts = [customerFilterWhere(ctx, args.filters ?? {})];
  if (args.segmentId) parts.push(customerFilterWhere(ctx, (await getSegment(db, ctx, args.segmentId)).filters));
  return and(...parts)!;
}

/** One keyset page of customers; never OFFSET, so page 1,000 costs what page 1 does. */
export const findCustomers = defineQuery('findCustomers', ['customers', 'read'], async function findCustomers(db: Executor, ctx: Ctx, args: FindCustomersArgs = {}): Promise<CustomerPage> {
  assertPurchaseFiltersAllowed(ctx, args.filters, args.sort);
  const sort = args.sort && CUSTOMER_SORTS.includes(args.sort) ? args.sort : 'name';
  const dir = args.dir === 'desc' ? 'desc' : 'asc';
  const figures = seesPurchaseFigures(ctx);
  const limit = Math.min(Math.max(args.limit ?? 100, 1), 500);
  const key = SORT_KEYS[sort];
  const after = decodeSortCursor(args.cursor, sort, dir, key.kind);
  const base = await whereOf(db, ctx, args);
  const cmp = dir === 'asc' ? sql`>` : sql`<`;
  const byId = dir === 'asc' ? asc(customers.id) : desc(customers.id);

  // A text search (its own or a segment's) is planned per call: a generic plan cannot see how
  // selective its pattern is (under one, the bench's searches went from 13 ms to 95 ms at p95).
  const planEachCall = Boolean(args.filters?.search || args.segmentId);
  const select = (where: SQL[], order: SQL[], n: number) => {
    const query = db
      .select({ ...listColumns, sortValue: sortValueColumn(key) })
      .from(customers)
      .leftJoin(company, and(eq(company.businessId, customers.businessId), eq(company.id, customers.companyId)))
      .leftJoin(personnel, and(eq(personnel.businessId, customers.businessId), eq(personnel.id, customers.ownerId)))
      .where(and(base, ...where))
      .orderBy(...order)
      .limit(n);
    return planEachCall ? query.execute() : runPrepared('customers_page', query);
  };

  let rows: Awaited<ReturnType<typeof select>>;
  if (!key.nullable) {
    rows = await select(after ? [keysetAfter(key, customers.id, after)] : [], keysetOrder(key, customers.id, dir), limit + 1);
  } else {
    // "Never" sorts as the earliest moment. Rows with a value and rows without are read as two
    // ranges of the (business, column, id) index, in order, instead of sorting every row.
    const column = key.nullable;
    const valued = async (n: number, from: Cursor | null) =>
      select(
        [sql`${column} is not null`, ...(from ? [sql`(${column}, ${customers.id}) ${cmp} (${from.value}::timestamptz, ${from.id}::uuid)`] : [])],
        [dir === 'asc' ? asc(column) : desc(column), byId],
        n,
      );
    const never = async (n: number, from: Cursor | null) =>
      select([sql`${column} is null`, ...(from ? [sql`${customers.id} ${cmp} ${from.id}::uuid`] : [])], [byId], n);
    const inNever = after?.value === '-infinity';
    if (dir === 'desc') {
      rows = inNever ? [] : await valued(limit + 1, after);
      if (rows.length <= limit) rows = [...rows, ...(await never(limit + 1 - rows.length, inNever ? after : null))];
    } else {
      rows = after && !inNever ? [] : await never(limit + 1, after);
      if (rows.length <= limit) rows = [...rows, ...(await valued(limit + 1 - rows.length, after && !inNever ? after : null))];
    }
  }
  const { rows: page, nextCursor } = keysetPage(rows, limit, sort, dir);
  return {
    data: page.map((r) => ({
      ...r,
      lifetimeValueMinor: figures ? r.lifetimeValueMinor : null,
      lastPurchaseAt: figures ? toDate(r.lastPurchaseAt) : null,
      lastInteractionAt: toDate(r.lastInteractionAt),
      createdAt: new Date(r.createdAt),
    })),
    nextCursor,
  };
});

/** How many customers a filter (and optionally a segment) matches. */
export const countCustomers = defineQuery('countCustomers', ['customers', 'read'], async function countCustomers(db: Executor, ctx: Ctx, args: { filters?: CustomerFilter; segmentId?: string } = {}): Promise<number> {
  assertPurchaseFiltersAllowed(ctx, args.filters);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customers)
    .where(await whereOf(db, ctx, args));
  return row?.n ?? 0;
});

// ─── One customer ───────────────────────────────────────────────────────────────────────────

export type CustomerRecord = {
  id: string;
  kind: CustomerKind;
  name: string;
  companyId: string | null;
  companyName: string | null;
  jobTitle: string | null;
  emails: string[];
  phones: string[];
  address: string | null;
  city: string | null;
  country: string | null;
  taxNumber: string | null;
  taxOffice: string | null;
  source: string | null;
  status: CustomerStatus;
  ownerId: string | null;
  ownerName: string | null;
  birthday: string | null;
  notes: string | null;
  emailConsent: boolean;
  emailConsentAt: Date | null;
  emailConsentSource: string | null;
  smsConsent: boolean;
  smsConsentAt: Date | null;
  smsConsentSource: string | null;
  tags: TagRef[];
  /** Null for a role that may not read purchases (see `seesPurchaseFigures`). */
  lifetimeValueMinor: number | null;
  purchaseCount: number | null;
  lastPurchaseAt: Date | null;
  lastInteractionAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export const getCustomer = defineQuery('getCustomer', ['customers', 'read'], async function getCustomer(db: Executor, ctx: Ctx, id: string): Promise<CustomerRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select({
      c: customers,
      companyName: company.name,
      ownerName: personnel.name,
      tags: tagsJson,
    })
    .from(customers)
    .leftJoin(company, and(eq(company.businessId, customers.businessId), eq(company.id, customers.companyId)))
    .leftJoin(personnel, and(eq(personnel.businessId, customers.businessId), eq(personnel.id, customers.ownerId)))
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  const { businessId: _b, searchText: _s, sortName: _n, ...c } = row.c;
  const figures = seesPurchaseFigures(ctx)
    ? {}
    : { lifetimeValueMinor: null, purchaseCount: null, lastPurchaseAt: null };
  return { ...c, ...figures, companyName: row.companyName, ownerName: row.ownerName, tags: row.tags };
});

/** The people of a company, by name. */
export const findCompanyPeople = defineQuery('findCompanyPeople', ['customers', 'read'], async function findCompanyPeople(db: Executor, ctx: Ctx, companyId: string): Promise<CustomerListRow[]> {
  const page = await findCustomers(db, ctx, { filters: { companyId, kind: 'person' }, limit: 200 });
  return page.data;
});

/** Companies whose name matches, for the company picker of the form. */
export const findCompanyOptions = defineQuery('findCompanyOptions', ['customers', 'read'], async function findCompanyOptions(db: Executor, ctx: Ctx, search: string = ''): Promise<{ id: string; name: string }[]> {
  const page = await findCustomers(db, ctx, { filters: { kind: 'company', search: search || undefined }, limit: 50 });
  return page.data.map((c) => ({ id: c.id, name: c.name }));
});

export const getCompanyOption = defineQuery('getCompanyOption', ['customers', 'read'], async function getCompanyOption(db: Executor, ctx: Ctx, id: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, id), eq(customers.kind, 'company')));
  return row ?? null;
});

// ─── Duplicates ─────────────────────────────────────────────────────────────────────────────

export type LikelyDuplicate = { id: string; name: string; kind: CustomerKind; reasons: ('email' | 'phone' | 'name')[] };

/** The folding of lib/text.ts in SQL, for names stored before their folded form is at hand. */
const foldedName = sql`lower(translate(${customers.name}, 'şŞıİIğĞüÜöÖçÇ', 'ssiiigguuoocc'))`;

/**
 * Customers that are probably the same as the one described: the same e-mail, the same phone, or
 * a very similar name (trigram similarity of the folded names ≥ 0.6). The import reuses it.
 */
export const findLikelyDuplicates = defineQuery('findLikelyDuplicates', ['customers', 'read'], async function findLikelyDuplicates(
  db: Executor,
  ctx: Ctx,
  args: { emails?: string[]; phones?: string[]; name?: string; excludeId?: string },
): Promise<LikelyDuplicate[]> {
  const emails = (args.emails ?? []).map((e) => e.trim().toLowerCase()).filter((e) => e && !e.includes('\u0000'));
  const phones = (args.phones ?? []).map((p) => normalizePhone(p) ?? '').filter(Boolean);
  const name = foldTurkish((args.name ?? '').replaceAll('\u0000', '')).trim();
  const matches: SQL[] = [];
  const emailMatch = emails.length ? sql`${customers.emails} && ${sql`array[${sql.join(emails.map((e) => sql`${e}`), sql`, `)}]::text[]`}` : null;
  const phoneMatch = phones.length ? sql`${customers.phones} && ${sql`array[${sql.join(phones.map((e) => sql`${e}`), sql`, `)}]::text[]`}` : null;
  // `<%` (word similarity ≥ 0.6) finds candidates through the trigram index; the name check refines.
  const nameMatch = name.length >= 3 ? sql`(${name} <% ${customers.searchText} and similarity(${foldedName}, ${name}) >= 0.6)` : null;
  for (const m of [emailMatch, phoneMatch, nameMatch]) if (m) matches.push(m);
  if (matches.length === 0) return [];
  const where: (SQL | undefined)[] = [eq(customers.businessId, ctx.businessId), or(...matches)];
  if (args.excludeId && isUuid(args.excludeId)) where.push(sql`${customers.id} <> ${args.excludeId}::uuid`);
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      kind: customers.kind,
      byEmail: emailMatch ? sql<boolean>`${emailMatch}` : sql<boolean>`false`,
      byPhone: phoneMatch ? sql<boolean>`${phoneMatch}` : sql<boolean>`false`,
      byName: nameMatch ? sql<boolean>`${nameMatch}` : sql<boolean>`false`,
    })
    .from(customers)
    .where(and(...where))
    .orderBy(asc(customers.sortName))
    .limit(10);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    reasons: [...(r.byEmail ? ['email' as const] : []), ...(r.byPhone ? ['phone' as const] : []), ...(r.byName ? ['name' as const] : [])],
  }));
});

// ─── Tags, segments, notes ──────────────────────────────────────────────────────────────────

export type TagRecord = TagRef & { version: number; customerCount: number };

export const findTags = defineQuery('findTags', ['tags', 'read'], async function findTags(db: Executor, ctx: Ctx): Promise<TagRecord[]> {
  return db
    .select({
      id: tags.id,
      name: tags.name,
      color: tags.color,
      version: tags.version,
      customerCount: sql<number>`(select count(*)::int from ${customerTags} ct where ct.business_id = ${tags.businessId} and ct.tag_id = ${tags.id})`,
    })
    .from(tags)
    .where(eq(tags.businessId, ctx.businessId))
    .orderBy(sql`lower(${tags.name})`, asc(tags.id))
    .limit(1000);
});

export const getTag = defineQuery('getTag', ['tags', 'read'], async function getTag(db: Executor, ctx: Ctx, id: string): Promise<TagRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const found = (await findTags(db, ctx)).find((t) => t.id === id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
});

export type SegmentRecord = { id: string; name: string; filters: CustomerFilter; version: number };

function segmentFilters(raw: unknown): CustomerFilter {
  // Stored filters were validated when saved; a field a later version no longer knows is dropped.
  const parsed = customerFilterSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export const findSegments = defineQuery('findSegments', ['campaigns', 'read'], async function findSegments(db: Executor, ctx: Ctx): Promise<(SegmentRecord & { count: number })[]> {
  const rows = await db
    .select()
    .from(segments)
    .where(eq(segments.businessId, ctx.businessId))
    .orderBy(sql`lower(${segments.name})`)
    .limit(200);
  return Promise.all(
    rows.map(async (s) => {
      const filters = segmentFilters(s.filters);
      return { id: s.id, name: s.name, filters, version: s.version, count: await countCustomers(db, ctx, { filters }) };
    }),
  );
});

export const getSegment = defineQuery('getSegment', ['campaigns', 'read'], async function getSegment(db: Executor, ctx: Ctx, id: string): Promise<SegmentRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [s] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.businessId, ctx.businessId), eq(segments.id, id)));
  if (!s) throw new AppError('NOT_FOUND');
  return { id: s.id, name: s.name, filters: segmentFilters(s.filters), version: s.version };
});

export type NoteRecord = {
  id: string;
  body: string;
  pinned: boolean;
  authorId: string | null;
  authorName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A customer's notes, pinned ones first, newest first. */
export const findNotes = defineQuery('findNotes', ['interactions', 'read'], async function findNotes(db: Executor, ctx: Ctx, customerId: string): Promise<NoteRecord[]> {
  if (!isUuid(customerId)) throw new AppError('NOT_FOUND');
  return db
    .select({
      id: customerNotes.id,
      body: customerNotes.body,
      pinned: customerNotes.pinned,
      authorId: customerNotes.authorId,
      authorName: personnel.name,
      version: customerNotes.version,
      createdAt: customerNotes.createdAt,
      updatedAt: customerNotes.updatedAt,
    })
    .from(customerNotes)
    .leftJoin(personnel, and(eq(personnel.businessId, customerNotes.businessId), eq(personnel.id, customerNotes.authorId)))
    .where(and(eq(customerNotes.businessId, ctx.businessId), eq(customerNotes.customerId, customerId)))
    .orderBy(desc(customerNotes.pinned), desc(customerNotes.createdAt))
    .limit(500);
});

/** Personnel a customer can be assigned to (active people), for the owner pickers. */
export const findOwnerOptions = defineQuery('findOwnerOptions', ['customers', 'read'], async function findOwnerOptions(db: Executor, ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: personnel.id, name: personnel.name })
    .from(personnel)
    .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.active, true)))
    .orderBy(asc(personnel.name))
    .limit(1000);
});

