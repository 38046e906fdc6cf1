import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, asc, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import {
  businesses,
  customerNotes,
  customers,
  interactionCustomers,
  interactionPersonnel,
  interactions,
  messageTemplates,
  outboxMessages,
  personnel,
  type OutboxAttachmentRef,
} from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { scopeFor } from '@/lib/permissions';
import { foldTurkish } from '@/lib/text';
import type { InteractionDirection, InteractionType, MessageChannel, OutboxStatus } from './schemas';
import { decodeInstantCursor, encodeInstantCursor } from '@/lib/cursors';

export type Named = { id: string; name: string };

export type InteractionRecord = {
  id: string;
  type: InteractionType;
  direction: InteractionDirection | null;
  occurredAt: Date;
  durationMinutes: number | null;
  subject: string | null;
  body: string | null;
  outcome: string | null;
  createdById: string | null;
  createdByName: string | null;
  customers: Named[];
  personnel: Named[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Whether the current user may change or delete it ("own" roles: only what they logged). */
  canUpdate: boolean;
  canDelete: boolean;
  /** For an e-mail or SMS sent from Tezgah: where the message is (held, queued, sent, failed) and what went with it. */
  message: { status: OutboxStatus; attachments: OutboxAttachmentRef[] } | null;
  /** Set on the timeline for a note of the customer's notes box (edited there, not here). */
  customerNote?: { pinned: boolean };
};

export type InteractionFilters = {
  customerId?: string;
  type?: InteractionType;
  personnelId?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit?: number;
};

const columns = {
  id: interactions.id,
  type: interactions.type,
  direction: interactions.direction,
  occurredAt: interactions.occurredAt,
  durationMinutes: interactions.durationMinutes,
  subject: interactions.subject,
  body: interactions.body,
  outcome: interactions.outcome,
  createdById: interactions.createdById,
  createdByName: personnel.name,
  version: interactions.version,
  createdAt: interactions.createdAt,
  updatedAt: interactions.updatedAt,
};
type Row = { [K in keyof typeof columns]: unknown } & { id: string; createdById: string | null; occurredAt: Date };

function allowed(ctx: Ctx, action: 'update' | 'delete', createdById: string | null): boolean {
  const scope = scopeFor(ctx, 'interactions', action);
  return scope === 'all' || (scope === 'own' && createdById === ctx.personnelId);
}

/** Adds the customers, personnel and sent message of each interaction, in three queries for the whole page. */
async function withPeople(db: Executor, ctx: Ctx, rows: Row[]): Promise<InteractionRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [customerRows, personnelRows, messageRows] = await Promise.all([
    db
      .select({ interactionId: interactionCustomers.interactionId, id: customers.id, name: customers.name })
      .from(interactionCustomers)
      .innerJoin(customers, and(eq(customers.businessId, interactionCustomers.businessId), eq(customers.id, interactionCustomers.customerId)))
      .where(and(eq(interactionCustomers.businessId, ctx.businessId), inArray(interactionCustomers.interactionId, ids)))
      .orderBy(asc(customers.sortName)),
    db
      .select({ interactionId: interactionPersonnel.interactionId, id: personnel.id, name: personnel.name })
      .from(interactionPersonnel)
      .innerJoin(personnel, and(eq(personnel.businessId, interactionPersonnel.businessId), eq(personnel.id, interactionPersonnel.personnelId)))
      .where(and(eq(interactionPersonnel.businessId, ctx.businessId), inArray(interactionPersonnel.interactionId, ids)))
      .orderBy(asc(personnel.name)),
    db
      .select({ interactionId: outboxMessages.interactionId, status: outboxMessages.status, attachments: outboxMessages.attachments })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.businessId, ctx.businessId), inArray(outboxMessages.interactionId, ids))),
  ]);
  const messages = new Map(messageRows.map(({ interactionId, ...m }) => [interactionId, m]));
  const group = (list: { interactionId: string; id: string; name: string }[]) => {
    const map = new Map<string, Named[]>();
    for (const { interactionId, id, name } of list) map.set(interactionId, [...(map.get(interactionId) ?? []), { id, name }]);
    return map;
  };
  const byCustomer = group(customerRows);
  const byPersonnel = group(personnelRows);
  return rows.map((r) => ({
    ...(r as unknown as Omit<InteractionRecord, 'customers' | 'personnel' | 'canUpdate' | 'canDelete'>),
    customers: byCustomer.get(r.id) ?? [],
    personnel: byPersonnel.get(r.id) ?? [],
    canUpdate: allowed(ctx, 'update', r.createdById),
    canDelete: allowed(ctx, 'delete', r.createdById),
    message: messages.get(r.id) ?? null,
  }));
}

/**
 * A page of interactions, newest first, with a keyset cursor. With `customerId` it is that
 * customer's timeline: one range scan of interaction_customers_timeline_idx (occurred_at is copied
 * there). Otherwise the business's feed, on interactions_feed_idx.
 */
export const findInteractions = defineQuery('findInteractions', ['interactions', 'read'], async function findInteractions(
  db: Executor,
  ctx: Ctx,
  args: InteractionFilters = {},
): Promise<{ data: InteractionRecord[]; nextCursor: string | null }> {
  const limit = args.limit ?? 50;
  const after = decodeInstantCursor(args.cursor);
  const filters: (SQL | undefined)[] = [eq(interactions.businessId, ctx.businessId)];
  if (args.type) filters.push(eq(interactions.type, args.type));
  if (args.from) filters.push(gte(interactions.occurredAt, args.from));
  if (args.to) filters.push(lt(interactions.occurredAt, args.to));
  if (args.personnelId) {
    if (!isUuid(args.personnelId)) return { data: [], nextCursor: null };
    filters.push(sql`exists (select 1 from ${interactionPersonnel} where ${interactionPersonnel.businessId} = ${interactions.businessId}
      and ${interactionPersonnel.interactionId} = ${interactions.id} and ${interactionPersonnel.personnelId} = ${args.personnelId})`);
  }

  let rows: Row[];
  if (args.customerId) {
    if (!isUuid(args.customerId)) return { data: [], nextCursor: null };
    const ic = interactionCustomers;
    if (after) filters.push(sql`(${ic.occurredAt}, ${ic.interactionId}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`);
    rows = (await db
      .select(columns)
      .from(ic)
      .innerJoin(interactions, and(eq(interactions.businessId, ic.businessId), eq(interactions.id, ic.interactionId)))
      .leftJoin(personnel, and(eq(personnel.businessId, interactions.businessId), eq(personnel.id, interactions.createdById)))
      .where(and(eq(ic.businessId, ctx.businessId), eq(ic.customerId, args.customerId), ...filters))
      .orderBy(desc(ic.occurredAt), desc(ic.interactionId))
      .limit(limit + 1)) as Row[];
  } else {
    if (after) filters.push(sql`(${interactions.occurredAt}, ${interactions.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`);
    rows = (await db
      .select(columns)
      .from(interactions)
      .leftJoin(personnel, and(eq(personnel.businessId, interactions.businessId), eq(personnel.id, interactions.createdById)))
      .where(and(...filters))
      .orderBy(desc(interactions.occurredAt), desc(interactions.id))
      .limit(limit + 1)) as Row[];
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: await withPeople(db, ctx, page),
    nextCursor: rows.length > limit && last ? encodeInstantCursor(last.occurredAt, last.id) : null,
  };
});

/**
 * A customer's communication history: the interactions with the customer and the notes of the
 * customer's notes box, newest first, in one keyset (time, id). `type` narrows it; "note" keeps
 * both logged notes and the notes box's. Each source reads one page past the cursor, so a page
 * is at most two short range scans (interaction_customers_timeline_idx, customer_notes_customer_idx).
 */
export const findCustomerTimeline = defineQuery('findCustomerTimeline', ['interactions', 'read'], async function findCustomerTimeline(
  db: Executor,
  ctx: Ctx,
  args: { customerId: string; type?: InteractionType; cursor?: string; limit?: number },
): Promise<{ data: InteractionRecord[]; nextCursor: string | null }> {
  const limit = args.limit ?? 50;
  if (!isUuid(args.customerId)) return { data: [], nextCursor: null };
  const after = decodeInstantCursor(args.cursor);
  const [logged, notes] = await Promise.all([
    findInteractions(db, ctx, { customerId: args.customerId, type: args.type, cursor: args.cursor, limit }),
    args.type && args.type !== 'note'
      ? Promise.resolve([])
      : db
          .select({
            id: customerNotes.id,
            body: customerNotes.body,
            pinned: customerNotes.pinned,
            createdById: customerNotes.authorId,
            createdByName: personnel.name,
            version: customerNotes.version,
            createdAt: customerNotes.createdAt,
            updatedAt: customerNotes.updatedAt,
          })
          .from(customerNotes)
          .leftJoin(personnel, and(eq(personnel.businessId, customerNotes.businessId), eq(personnel.id, customerNotes.authorId)))
          .where(
            and(
              eq(customerNotes.businessId, ctx.businessId),
              eq(customerNotes.customerId, args.customerId),
              after ? sql`(${customerNotes.createdAt}, ${customerNotes.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
            ),
          )
          .orderBy(desc(customerNotes.createdAt), desc(customerNotes.id))
          .limit(limit + 1),
  ]);
  const noteRecords: InteractionRecord[] = notes.map((n) => ({
    id: n.id,
    type: 'note',
    direction: null,
    occurredAt: n.createdAt,
    durationMinutes: null,
    subject: null,
    body: n.body,
    outcome: null,
    createdById: n.createdById,
    createdByName: n.createdByName,
    customers: [],
    personnel: [],
    version: n.version,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    canUpdate: false,
    canDelete: false,
    message: null,
    customerNote: { pinned: n.pinned },
  }));
  const newestFirst = (a: InteractionRecord, b: InteractionRecord) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  const merged = [...logged.data, ...noteRecords].sort(newestFirst);
  const page = merged.slice(0, limit);
  const last = page[page.length - 1];
  const more = merged.length > limit || logged.nextCursor !== null || notes.length > limit;
  return { data: page, nextCursor: more && last ? encodeInstantCursor(last.occurredAt, last.id) : null };
});

export const getInteraction = defineQuery('getInteraction', ['interactions', 'read'], async function getInteraction(db: Executor, ctx: Ctx, id: string): Promise<InteractionRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const rows = (await db
    .select(columns)
    .from(interactions)
    .leftJoin(personnel, and(eq(personnel.businessId, interactions.businessId), eq(personnel.id, interactions.createdById)))
    .where(and(eq(interactions.businessId, ctx.businessId), eq(interactions.id, id)))) as Row[];
  if (rows.length === 0) throw new AppError('NOT_FOUND');
  const [record] = await withPeople(db, ctx, rows);
  return record!;
});



// ─── Customers, as this module needs them ───────────────────────────────────────────────────

export type CustomerOption = { id: string; name: string; email: string | null; phone: string | null };

/** Customers whose folded name, e-mail or phone contains the search, for pickers. */
export const findCustomerOptions = defineQuery('findCustomerOptions', ['customers', 'read'], async function findCustomerOptions(db: Executor, ctx: Ctx, search: string, limit: number = 20): Promise<CustomerOption[]> {
  const folded = foldTurkish(search.replaceAll('\u0000', '')).trim();
  const filters: SQL[] = [eq(customers.businessId, ctx.businessId)];
  if (folded) filters.push(ilike(customers.searchText, `%${folded.replace(/[\\%_]/g, (c) => '\\' + c)}%`));
  return db
    .select({
      id: customers.id,
      name: customers.name,
      email: sql<string | null>`${customers.emails}[1]`,
      phone: sql<string | null>`${customers.phones}[1]`,
    })
    .from(customers)
    .where(and(...filters))
    .orderBy(asc(customers.sortName), asc(customers.id))
    .limit(limit);
});

export const getCustomerOptions = defineQuery('getCustomerOptions', ['customers', 'read'], async function getCustomerOptions(db: Executor, ctx: Ctx, ids: string[]): Promise<CustomerOption[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db
    .select({
      id: customers.id,
      name: customers.name,
      email: sql<string | null>`${customers.emails}[1]`,
      phone: sql<string | null>`${customers.phones}[1]`,
    })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), inArray(customers.id, valid)));
});

export type CustomerContact = {
  id: string;
  name: string;
  kind: 'person' | 'company';
  emails: string[];
  phones: string[];
  city: string | null;
  emailConsent: boolean;
  smsConsent: boolean;
};

/** What sending a message to a customer needs: addresses, consent and the template fields. */
export const getCustomerContact = defineQuery('getCustomerContact', ['customers', 'read'], async function getCustomerContact(db: Executor, ctx: Ctx, customerId: string): Promise<CustomerContact> {
  if (!isUuid(customerId)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select({
      id: customers.id,
      name: customers.name,
      kind: customers.kind,
      emails: customers.emails,
      phones: customers.phones,
      city: customers.city,
      emailConsent: customers.emailConsent,
      smsConsent: customers.smsConsent,
    })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, customerId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
});

/** The business and the acting person, as templates see them. */
export const getSenderContext = defineQuery('getSenderContext', ['interactions', 'read'], async function getSenderContext(db: Executor, ctx: Ctx) {
  const [row] = await db
    .select({
      businessName: businesses.name,
      businessPhone: businesses.phone,
      businessEmail: businesses.email,
      personnelName: personnel.name,
      personnelEmail: personnel.email,
      personnelPhone: personnel.phone,
      personnelTitle: personnel.title,
    })
    .from(businesses)
    .leftJoin(personnel, and(eq(personnel.businessId, businesses.id), eq(personnel.id, ctx.personnelId)))
    .where(eq(businesses.id, ctx.businessId));
  if (!row) throw new AppError('NOT_FOUND');
  return {
    business: { name: row.businessName, phone: row.businessPhone, email: row.businessEmail },
    timeZone: ctx.timeZone,
    personnel: row.personnelName
      ? { name: row.personnelName, email: row.personnelEmail, phone: row.personnelPhone, title: row.personnelTitle }
      : null,
  };
});

export const listPersonnelOptions = defineQuery('listPersonnelOptions', ['personnel', 'read'], async function listPersonnelOptions(db: Executor, ctx: Ctx): Promise<Named[]> {
  return db
    .select({ id: personnel.id, name: personnel.name })
    .from(personnel)
    .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.active, true)))
    .orderBy(asc(personnel.name))
    .limit(500);
});

// ─── Templates ──────────────────────────────────────────────────────────────────────────────

export type TemplateRecord = {
  id: string;
  channel: MessageChannel;
  name: string;
  subject: string | null;
  body: string;
  version: number;
  updatedAt: Date;
};

export const listTemplates = defineQuery('listTemplates', ['interactions', 'read'], async function listTemplates(db: Executor, ctx: Ctx, channel?: MessageChannel): Promise<TemplateRecord[]> {
  const filters: SQL[] = [eq(messageTemplates.businessId, ctx.businessId)];
  if (channel) filters.push(eq(messageTemplates.channel, channel));
  return db
    .select({
      id: messageTemplates.id,
      channel: messageTemplates.channel,
      name: messageTemplates.name,
      subject: messageTemplates.subject,
      body: messageTemplates.body,
      version: messageTemplates.version,
      updatedAt: messageTemplates.updatedAt,
    })
    .from(messageTemplates)
    .where(and(...filters))
    .orderBy(asc(messageTemplates.channel), asc(messageTemplates.name))
    .limit(500);
});

// ─── Outbox ─────────────────────────────────────────────────────────────────────────────────

export type OutboxRecord = {
  id: string;
  channel: MessageChannel;
  toAddress: string;
  subject: string | null;
  body: string;
  status: OutboxStatus;
  provider: string | null;
  error: string | null;
  attempts: number;
  customerId: string | null;
  customerName: string | null;
  sentByName: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export const findOutbox = defineQuery('findOutbox', ['interactions', 'read'], async function findOutbox(
  db: Executor,
  ctx: Ctx,
  args: { status?: OutboxStatus; channel?: MessageChannel; cursor?: string; limit?: number } = {},
): Promise<{ data: OutboxRecord[]; nextCursor: string | null }> {
  const limit = args.limit ?? 50;
  const o = outboxMessages;
  const filters: SQL[] = [eq(o.businessId, ctx.businessId)];
  if (args.status) filters.push(eq(o.status, args.status));
  if (args.channel) filters.push(eq(o.channel, args.channel));
  const after = decodeInstantCursor(args.cursor);
  if (after) filters.push(sql`(${o.createdAt}, ${o.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`);
  const rows = await db
    .select({
      id: o.id,
      channel: o.channel,
      toAddress: o.toAddress,
      subject: o.subject,
      body: o.body,
      status: o.status,
      provider: o.provider,
      error: o.error,
      attempts: o.attempts,
      customerId: o.customerId,
      customerName: customers.name,
      sentByName: personnel.name,
      createdAt: o.createdAt,
      sentAt: o.sentAt,
    })
    .from(o)
    .leftJoin(customers, and(eq(customers.businessId, o.businessId), eq(customers.id, o.customerId)))
    .leftJoin(personnel, and(eq(personnel.businessId, o.businessId), eq(personnel.id, o.sentById)))
    .where(and(...filters))
    .orderBy(desc(o.createdAt), desc(o.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page, nextCursor: rows.length > limit && last ? encodeInstantCursor(last.createdAt, last.id) : null };
});
