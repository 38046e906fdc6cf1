import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { customerNotes, customerTags, customers, personnel, segments, tags } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { authorize } from '@/server/auth/authorize';
import { publishEvent } from '@/server/events/publish';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { searchText, turkishSortKey } from '@/lib/text';
import { changedKeys } from '@/lib/changes';
import { emitChange } from '@/server/events/domain';
import { refreshPurchaseSummary } from './subscribers';
import type {
  CustomerFields,
  createNoteSchema,
  createSegmentSchema,
  createTagSchema,
  updateCustomerSchema,
  updateNoteSchema,
  updateSegmentSchema,
  updateTagSchema,
} from './schemas';

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  return (e as { code?: string; constraint?: string })?.code === '23505' && (e as { constraint?: string }).constraint === constraint;
}

/** The search and sort keys of a customer: its name, its company's name, e-mails and phones. */
export function customerKeys(fields: { name: string; emails: string[]; phones: string[] }, companyName: string | null) {
  return {
    searchText: searchText([fields.name, companyName, ...fields.emails, ...fields.phones]),
    sortName: turkishSortKey(fields.name),
  };
}

/** The company a person points at, checked to be a company of this business. */
async function companyNameFor(tx: Executor, ctx: Ctx, fields: Pick<CustomerFields, 'kind' | 'companyId'>, selfId?: string): Promise<string | null> {
  if (!fields.companyId) return null;
  if (fields.kind !== 'person' || fields.companyId === selfId) {
    throw new AppError('VALIDATION', 'errors.VALIDATION', { companyId: 'invalid' });
  }
  const [row] = await tx
    .select({ name: customers.name, kind: customers.kind })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, fields.companyId)));
  if (!row || row.kind !== 'company') throw new AppError('VALIDATION', 'errors.VALIDATION', { companyId: 'invalid' });
  return row.name;
}

async function checkOwner(tx: Executor, ctx: Ctx, ownerId: string | null): Promise<void> {
  if (!ownerId) return;
  const [row] = await tx
    .select({ id: personnel.id })
    .from(personnel)
    .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.id, ownerId)));
  if (!row) throw new AppError('VALIDATION', 'errors.VALIDATION', { ownerId: 'invalid' });
}

/** Consent changes keep when they were given; a withdrawn consent forgets its time and source. */
function consentColumns(fields: CustomerFields, before?: { emailConsent: boolean; smsConsent: boolean; emailConsentAt: Date | null; smsConsentAt: Date | null }) {
  const at = (given: boolean, wasGiven: boolean | undefined, wasAt: Date | null | undefined) =>
    given ? (wasGiven && wasAt ? wasAt : sql`now()`) : null;
  return {
    emailConsentAt: at(fields.emailConsent, before?.emailConsent, before?.emailConsentAt),
    emailConsentSource: fields.emailConsent ? fields.emailConsentSource : null,
    smsConsentAt: at(fields.smsConsent, before?.smsConsent, before?.smsConsentAt),
    smsConsentSource: fields.smsConsent ? fields.smsConsentSource : null,
  };
}

/** Company fields mean nothing on a person, and a company belongs to no company. */
function shaped(fields: CustomerFields): CustomerFields {
  return fields.kind === 'company'
    ? { ...fields, companyId: null, jobTitle: null, birthday: null }
    : { ...fields, taxNumber: null, taxOffice: null };
}

export async function createCustomer(db: Executor, ctx: Ctx, input: CustomerFields): Promise<{ id: string }> {
  const fields = shaped(input);
  const id = newId();
  await db.transaction(async (tx) => {
    const companyName = await companyNameFor(tx, ctx, fields);
    await checkOwner(tx, ctx, fields.ownerId);
    await tx.insert(customers).values({
      businessId: ctx.businessId,
      id,
      ...fields,
      ...consentColumns(fields),
      ...customerKeys(fields, companyName),
    });
    await emitChange(tx, ctx, { action: 'create', entityType: 'customer', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'customer.created', id, actorUserId: ctx.userId });
  });
  return { id };
}

/** Rewrites the search text of a company's people after the company's name changed. */
async function refreshPeopleOf(tx: Transaction, ctx: Ctx, companyId: string, companyName: string | null): Promise<void> {
  const people = await tx
    .select({ id: customers.id, name: customers.name, emails: customers.emails, phones: customers.phones })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.companyId, companyId)));
  for (const p of people) {
    await tx
      .update(customers)
      .set({ searchText: customerKeys(p, companyName).searchText })
      .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, p.id)));
  }
}

export async function updateCustomer(db: Executor, ctx: Ctx, input: z.output<typeof updateCustomerSchema>): Promise<{ version: number }> {
  const { id, version, ...rest } = input;
  const fields = shaped(rest);
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(customers)
      .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, id)))
      .for('update');
    if (!target) throw new AppError('NOT_FOUND');
    if (target.version !== version) throw new AppError('CONFLICT', 'errors.STALE');
    if (target.kind !== fields.kind && target.kind === 'company') {
      // A company with people cannot turn into a person: its people would point at a person.
      const [person] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.businessId, ctx.businessId), eq(customers.companyId, id)))
        .limit(1);
      if (person) throw new AppError('VALIDATION', 'customers.errors.companyHasPeople', { kind: 'invalid' });
    }
    const companyName = await companyNameFor(tx, ctx, fields, id);
    await checkOwner(tx, ctx, fields.ownerId);
    const [row] = await tx
      .update(customers)
      .set({
        ...fields,
        ...consentColumns(fields, target),
        ...customerKeys(fields, companyName),
        version: version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, id), eq(customers.version, version)))
      .returning({ version: customers.version });
    if (!row) throw new AppError('CONFLICT', 'errors.STALE');
    if (target.kind === 'company' && target.name !== fields.name) await refreshPeopleOf(tx, ctx, id, fields.name);
    await emitChange(tx, ctx, { action: 'update', entityType: 'customer', entityId: id, changedFields: changedKeys(target, fields) });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'customer.updated', id, actorUserId: ctx.userId });
    return row;
  });
}

/** Only the customers this context may delete: all, or (sales) the ones it owns. */
function deletableWhere(ctx: Ctx): SQL | undefined {
  return authorize(ctx, 'customers', 'delete') === 'own' ? eq(customers.ownerId, ctx.personnelId) : undefined;
}

/**
 * Deletes customers for real; the audit entry keeps the id only. For a role that may delete only
 * its own, someone else's customer is refused as a whole request (nothing is deleted).
 */
export async function deleteCustomers(db: Executor, ctx: Ctx, ids: string[]): Promise<{ deleted: number }> {
  const unique = [...new Set(ids)];
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: customers.id, ownerId: customers.ownerId })
      .from(customers)
      .where(and(eq(customers.businessId, ctx.businessId), inArray(customers.id, unique)))
      .for('update');
    if (found.length === 0) throw new AppError('NOT_FOUND');
    const own = deletableWhere(ctx);
    if (own && found.some((c) => c.ownerId !== ctx.personnelId)) throw new AppError('FORBIDDEN', 'customers.errors.notOwn');
    await tx.delete(customers).where(and(eq(customers.businessId, ctx.businessId), inArray(customers.id, found.map((c) => c.id)), own));
    for (const c of found) {
      await emitChange(tx, ctx, { action: 'delete', entityType: 'customer', entityId: c.id });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'customer.deleted', id: c.id, actorUserId: ctx.userId });
    }
    return { deleted: found.length };
  });
}

async function touch(tx: Transaction, ctx: Ctx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(customers)
    .set({ version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(customers.businessId, ctx.businessId), inArray(customers.id, ids)));
  for (const id of ids) await publishEvent(tx, { businessId: ctx.businessId, kind: 'customer.updated', id, actorUserId: ctx.userId });
}

/** Adds (or removes) one tag on many customers. */
export async function tagCustomers(db: Executor, ctx: Ctx, input: { customerIds: string[]; tagId: string; remove: boolean }): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const [tag] = await tx.select({ id: tags.id }).from(tags).where(and(eq(tags.businessId, ctx.businessId), eq(tags.id, input.tagId)));
    if (!tag) throw new AppError('NOT_FOUND');
    const found = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.businessId, ctx.businessId), inArray(customers.id, [...new Set(input.customerIds)])));
    if (found.length === 0) throw new AppError('NOT_FOUND');
    const ids = found.map((c) => c.id);
    let changed: string[];
    if (input.remove) {
      const rows = await tx
        .delete(customerTags)
        .where(and(eq(customerTags.businessId, ctx.businessId), eq(customerTags.tagId, tag.id), inArray(customerTags.customerId, ids)))
        .returning({ id: customerTags.customerId });
      changed = rows.map((r) => r.id);
    } else {
      const rows = await tx
        .insert(customerTags)
        .values(ids.map((customerId) => ({ businessId: ctx.businessId, customerId, tagId: tag.id })))
        .onConflictDoNothing()
        .returning({ id: customerTags.customerId });
      changed = rows.map((r) => r.id);
    }
    await touch(tx, ctx, changed);
    for (const id of changed) {
      await emitChange(tx, ctx, { action: 'update', entityType: 'customer', entityId: id, changedFields: ['tags'] });
    }
    return { changed: changed.length };
  });
}

export async function assignCustomerOwner(db: Executor, ctx: Ctx, input: { customerIds: string[]; ownerId: string | null }): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    await checkOwner(tx, ctx, input.ownerId);
    const rows = await tx
      .update(customers)
      .set({ ownerId: input.ownerId, version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(customers.businessId, ctx.businessId), inArray(customers.id, [...new Set(input.customerIds)])))
      .returning({ id: customers.id });
    if (rows.length === 0) throw new AppError('NOT_FOUND');
    for (const r of rows) {
      await emitChange(tx, ctx, { action: 'update', entityType: 'customer', entityId: r.id, changedFields: ['ownerId'] });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'customer.updated', id: r.id, actorUserId: ctx.userId });
    }
    return { changed: rows.length };
  });
}

// ─── Merge ──────────────────────────────────────────────────────────────────────────────────

const FILL_FIELDS = [
  'companyId',
  'jobTitle',
  'address',
  'city',
  'country',
  'taxNumber',
  'taxOffice',
  'source',
  'ownerId',
  'birthday',
  'notes',
] as const;

/**
 * Merges `otherId` into `survivorId`: the survivor's fields win, its empty ones are filled from the
 * other, e-mails, phones and tags are unioned, everything that pointed at the other (interactions,
 * notes, purchases, reminders, people of a company) points at the survivor, the purchase and
 * interaction summaries are recomputed, and the other is deleted. One transaction.
 */
export async function mergeCustomers(db: Executor, ctx: Ctx, input: { survivorId: string; otherId: string }): Promise<{ id: string }> {
  const { survivorId, otherId } = input;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(customers)
      .where(and(eq(customers.businessId, ctx.businessId), inArray(customers.id, [survivorId, otherId])))
      .orderBy(customers.id)
      .for('update');
    const survivor = rows.find((r) => r.id === survivorId);
    const other = rows.find((r) => r.id === otherId);
    if (!survivor || !other) throw new AppError('NOT_FOUND');
    if (deletableWhere(ctx) && other.ownerId !== ctx.personnelId) throw new AppError('FORBIDDEN', 'customers.errors.notOwn');
    if (survivor.kind !== other.kind) throw new AppError('VALIDATION', 'customers.errors.mergeKinds', { otherId: 'invalid' });
    const b = ctx.businessId;

    const filled: Record<string, unknown> = {};
    for (const f of FILL_FIELDS) if (survivor[f] === null && other[f] !== null) filled[f] = other[f];
    // A person cannot end up in a company that is the merged record itself.
    if (filled.companyId === survivorId) delete filled.companyId;
    const emails = [...new Set([...survivor.emails, ...other.emails])];
    const phones = [...new Set([...survivor.phones, ...other.phones])];
    const consent = {
      emailConsent: survivor.emailConsent || other.emailConsent,
      emailConsentAt: survivor.emailConsent ? survivor.emailConsentAt : other.emailConsentAt,
      emailConsentSource: survivor.emailConsent ? survivor.emailConsentSource : other.emailConsentSource,
      smsConsent: survivor.smsConsent || other.smsConsent,
      smsConsentAt: survivor.smsConsent ? survivor.smsConsentAt : other.smsConsentAt,
      smsConsentSource: survivor.smsConsent ? survivor.smsConsentSource : other.smsConsentSource,
    };

    // Links that may exist on both sides are moved where missing, then the rest go with the delete.
    await tx.execute(sql`insert into customer_tags (business_id, customer_id, tag_id, created_at)
      select business_id, ${survivorId}::uuid, tag_id, created_at from customer_tags
      where business_id = ${b} and customer_id = ${otherId}::uuid on conflict do nothing`);
    await tx
      .update(customerNotes)
      .set({ customerId: survivorId })
      .where(and(eq(customerNotes.businessId, b), eq(customerNotes.customerId, otherId)));
    // The other modules move what they own (timeline links, purchases, reminders) in their
    // subscribers to this event, inside this transaction.
    await emitChange(tx, ctx, {
      action: 'merge',
      entityType: 'customer',
      entityId: survivorId,
      meta: { mergedId: otherId },
      refs: { mergedIds: [otherId] },
    });
    // The other's people join the survivor (a company merged into a company).
    await tx
      .update(customers)
      .set({ companyId: survivorId })
      .where(and(eq(customers.businessId, b), eq(customers.companyId, otherId)));
    // A table whose module forgot the merge would lose its rows to the delete's cascade.
    await assertNothingLeftPointingAt(tx, b, otherId);

    await tx.delete(customers).where(and(eq(customers.businessId, b), eq(customers.id, otherId)));

    const companyId = (filled.companyId as string | undefined) ?? survivor.companyId;
    const [companyRow] = companyId
      ? await tx.select({ name: customers.name }).from(customers).where(and(eq(customers.businessId, b), eq(customers.id, companyId)))
      : [];
    await tx
      .update(customers)
      .set({
        ...filled,
        ...consent,
        emails,
        phones,
        ...customerKeys({ name: survivor.name, emails, phones }, companyRow?.name ?? null),
        lastInteractionAt: sql`(select max(ic.occurred_at) from interaction_customers ic
          where ic.business_id = ${b} and ic.customer_id = ${survivorId}::uuid)`,
        version: sql`${customers.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(customers.businessId, b), eq(customers.id, survivorId)));
    // The same summary as after any purchase change: only the business's currency is summed.
    await refreshPurchaseSummary(tx, b, survivorId);
    if (survivor.kind === 'company') await refreshPeopleOf(tx, ctx, survivorId, survivor.name);

    await emitChange(tx, ctx, { action: 'delete', entityType: 'customer', entityId: otherId, meta: { mergedInto: survivorId } });
    await publishEvent(tx, { businessId: b, kind: 'customer.deleted', id: otherId, actorUserId: ctx.userId });
    await publishEvent(tx, { businessId: b, kind: 'customer.updated', id: survivorId, actorUserId: ctx.userId });
    return { id: survivorId };
  });
}

/**
 * After the merge event's subscribers ran, no row outside the links that go with the merged
 * customer (its tags and timeline links, already copied to the survivor) may still point at it:
 * every foreign key onto customers(business_id, id) is found in the catalogue, so a table added
 * later whose module does not handle `customer.merge` fails the merge (and its test) instead of
 * silently losing rows.
 */
async function assertNothingLeftPointingAt(tx: Transaction, businessId: string, customerId: string): Promise<void> {
  const goWithTheDelete = ['customer_tags', 'interaction_customers'];
  const { rows } = await tx.execute<{ table_name: string; column_name: string }>(sql`
    select cl.relname as table_name, att.attname as column_name
    from pg_constraint con
    join pg_class cl on cl.oid = con.conrelid
    join pg_namespace ns on ns.oid = cl.relnamespace
    join pg_class ref on ref.oid = con.confrelid
    join pg_attribute att on att.attrelid = con.conrelid and att.attnum = con.conkey[2]
    where con.contype = 'f' and ref.relname = 'customers' and ns.nspname = current_schema()
      and array_length(con.conkey, 1) = 2`);
  for (const r of rows) {
    if (goWithTheDelete.includes(r.table_name)) continue;
    const { rows: left } = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(r.table_name)}
        where business_id = ${businessId} and ${sql.identifier(r.column_name)} = ${customerId}::uuid`,
    );
    if ((left[0]?.n ?? 0) > 0) throw new Error(`customer merge: ${r.table_name}.${r.column_name} still points at the merged customer; its module must handle customer.merge`);
  }
}

// ─── Tags ───────────────────────────────────────────────────────────────────────────────────

async function withTagName<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err, 'tags_business_name_key')) throw new AppError('CONFLICT', 'customers.errors.tagTaken', { name: 'taken' });
    throw err;
  }
}

export async function createTag(db: Executor, ctx: Ctx, input: z.output<typeof createTagSchema>): Promise<{ id: string }> {
  const id = newId();
  await withTagName(() =>
    db.transaction(async (tx) => {
      await tx.insert(tags).values({ businessId: ctx.businessId, id, ...input });
      await emitChange(tx, ctx, { action: 'create', entityType: 'tag', entityId: id });
    }),
  );
  return { id };
}

export async function updateTag(db: Executor, ctx: Ctx, input: z.output<typeof updateTagSchema>): Promise<{ version: number }> {
  const { id, version, ...fields } = input;
  return withTagName(() =>
    db.transaction(async (tx) => {
      const [target] = await tx.select().from(tags).where(and(eq(tags.businessId, ctx.businessId), eq(tags.id, id))).for('update');
      if (!target) throw new AppError('NOT_FOUND');
      if (target.version !== version) throw new AppError('CONFLICT', 'errors.STALE');
      const [row] = await tx
        .update(tags)
        .set({ ...fields, version: version + 1, updatedAt: sql`now()` })
        .where(and(eq(tags.businessId, ctx.businessId), eq(tags.id, id)))
        .returning({ version: tags.version });
      await emitChange(tx, ctx, { action: 'update', entityType: 'tag', entityId: id, changedFields: changedKeys(target, fields) });
      return row!;
    }),
  );
}

export async function deleteTag(db: Executor, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(tags)
      .where(and(eq(tags.businessId, ctx.businessId), eq(tags.id, id)))
      .returning({ id: tags.id });
    if (!row) throw new AppError('NOT_FOUND');
    await emitChange(tx, ctx, { action: 'delete', entityType: 'tag', entityId: id });
  });
}

// ─── Segments ───────────────────────────────────────────────────────────────────────────────

async function withSegmentName<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err, 'segments_business_name_key')) throw new AppError('CONFLICT', 'customers.errors.segmentTaken', { name: 'taken' });
    throw err;
  }
}

export async function createSegment(db: Executor, ctx: Ctx, input: z.output<typeof createSegmentSchema>): Promise<{ id: string }> {
  const id = newId();
  await withSegmentName(() =>
    db.transaction(async (tx) => {
      await tx.insert(segments).values({ businessId: ctx.businessId, id, name: input.name, filters: input.filters });
      await emitChange(tx, ctx, { action: 'create', entityType: 'segment', entityId: id });
    }),
  );
  return { id };
}

export async function updateSegment(db: Executor, ctx: Ctx, input: z.output<typeof updateSegmentSchema>): Promise<{ version: number }> {
  const { id, version, ...fields } = input;
  return withSegmentName(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(segments)
        .set({ ...fields, version: version + 1, updatedAt: sql`now()` })
        .where(and(eq(segments.businessId, ctx.businessId), eq(segments.id, id), eq(segments.version, version)))
        .returning({ version: segments.version });
      if (!row) {
        const [exists] = await tx.select({ id: segments.id }).from(segments).where(and(eq(segments.businessId, ctx.businessId), eq(segments.id, id)));
        throw exists ? new AppError('CONFLICT', 'errors.STALE') : new AppError('NOT_FOUND');
      }
      await emitChange(tx, ctx, { action: 'update', entityType: 'segment', entityId: id, changedFields: ['name', 'filters'] });
      return row;
    }),
  );
}

export async function deleteSegment(db: Executor, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(segments)
      .where(and(eq(segments.businessId, ctx.businessId), eq(segments.id, id)))
      .returning({ id: segments.id });
    if (!row) throw new AppError('NOT_FOUND');
    await emitChange(tx, ctx, { action: 'delete', entityType: 'segment', entityId: id });
  });
}

// ─── Notes ──────────────────────────────────────────────────────────────────────────────────

export async function createNote(db: Executor, ctx: Ctx, input: z.output<typeof createNoteSchema>): Promise<{ id: string }> {
  const id = newId();
  await db.transaction(async (tx) => {
    const [c] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, input.customerId)));
    if (!c) throw new AppError('NOT_FOUND');
    await tx.insert(customerNotes).values({ businessId: ctx.businessId, id, ...input, authorId: ctx.personnelId });
    await emitChange(tx, ctx, { action: 'create', entityType: 'customerNote', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'customer.updated', id: input.customerId, actorUserId: ctx.userId });
  });
  return { id };
}

/** Notes follow the "interactions, notes" row: some roles may change or delete only their own. */
function ownNoteWhere(ctx: Ctx, action: 'update' | 'delete'): SQL | undefined {
  return authorize(ctx, 'interactions', action) === 'own' ? eq(customerNotes.authorId, ctx.personnelId) : undefined;
}

async function lockNote(tx: Transaction, ctx: Ctx, id: string, action: 'update' | 'delete') {
  const [note] = await tx
    .select()
    .from(customerNotes)
    .where(and(eq(customerNotes.businessId, ctx.businessId), eq(customerNotes.id, id)))
    .for('update');
  if (!note) throw new AppError('NOT_FOUND');
  const own = ownNoteWhere(ctx, action);
  if (own && note.authorId !== ctx.personnelId) throw new AppError('FORBIDDEN', 'customers.errors.notOwnNote');
  return note;
}

export async function updateNote(db: Executor, ctx: Ctx, input: z.output<typeof updateNoteSchema>): Promise<{ version: number }> {
  const { id, version, ...fields } = input;
  return db.transaction(async (tx) => {
    const note = await lockNote(tx, ctx, id, 'update');
    if (note.version !== version) throw new AppError('CONFLICT', 'errors.STALE');
    const [row] = await tx
      .update(customerNotes)
      .set({ ...fields, version: version + 1, updatedAt: sql`now()` })
      .where(and(eq(customerNotes.businessId, ctx.businessId), eq(customerNotes.id, id)))
      .returning({ version: customerNotes.version });
    await emitChange(tx, ctx, { action: 'update', entityType: 'customerNote', entityId: id, changedFields: changedKeys(note, fields) });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'customer.updated', id: note.customerId, actorUserId: ctx.userId });
    return row!;
  });
}

export async function deleteNote(db: Executor, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const note = await lockNote(tx, ctx, id, 'delete');
    await tx.delete(customerNotes).where(and(eq(customerNotes.businessId, ctx.businessId), eq(customerNotes.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'customerNote', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'customer.updated', id: note.customerId, actorUserId: ctx.userId });
  });
}
