import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { businesses, customers, deals, outboxMessages, quoteItems, quotes } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { authorize } from '@/server/auth/authorize';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import type { QuoteLanguage, QuoteStatus } from './schemas';

/**
 * The state is computed on read. A sent quote reads as its e-mail's state until the mail server
 * has accepted that e-mail (queued, held, failed: the customer has not got it), and as "expired"
 * once its last valid day has passed in the business's time zone. The stored status stays `sent`,
 * so no job has to run for the page to be right.
 */
export function effectiveStatusSql() {
  const o = outboxMessages;
  return sql<QuoteStatus>`case when ${quotes.status} = 'sent' then coalesce(
      (select nullif(${o.status}::text, 'sent') from ${o} where ${o.businessId} = ${quotes.businessId} and ${o.id} = ${quotes.sentMessageId}),
      case when ${quotes.validUntil} is not null and ${quotes.validUntil} < (now() at time zone ${businesses.timeZone})::date then 'expired' else 'sent' end)
    else ${quotes.status}::text end`;
}

export type QuoteItemRecord = {
  position: number;
  name: string;
  quantityMilli: number;
  unitPriceMinor: number;
  discountBp: number;
  vatRateBp: number;
  lineSubtotalMinor: number;
  lineDiscountMinor: number;
  lineVatMinor: number;
};

export type QuoteRecord = {
  id: string;
  number: number;
  dealId: string;
  dealTitle: string;
  dealOwnerId: string | null;
  customer: { id: string; name: string; email: string | null } | null;
  status: QuoteStatus;
  language: QuoteLanguage;
  currency: string;
  validUntil: string | null;
  notes: string | null;
  subtotalMinor: number;
  discountMinor: number;
  vatMinor: number;
  totalMinor: number;
  sentAt: Date | null;
  respondedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Whether the caller may edit, send or delete it (deals' update/delete, "own" = the deal's owner). */
  canUpdate: boolean;
  canDelete: boolean;
};

function selection(ctx: Ctx | null) {
  const mine = ctx ? sql<boolean>`coalesce(${deals.ownerId} = ${ctx.personnelId}, false)` : sql<boolean>`false`;
  return {
    id: quotes.id,
    number: quotes.number,
    dealId: quotes.dealId,
    dealTitle: deals.title,
    dealOwnerId: deals.ownerId,
    customerId: customers.id,
    customerName: customers.name,
    customerEmail: sql<string | null>`${customers.emails}[1]`,
    status: effectiveStatusSql(),
    language: quotes.language,
    currency: quotes.currency,
    validUntil: quotes.validUntil,
    notes: quotes.notes,
    subtotalMinor: quotes.subtotalMinor,
    discountMinor: quotes.discountMinor,
    vatMinor: quotes.vatMinor,
    totalMinor: quotes.totalMinor,
    sentAt: quotes.sentAt,
    respondedAt: quotes.respondedAt,
    version: quotes.version,
    createdAt: quotes.createdAt,
    updatedAt: quotes.updatedAt,
    mine,
  };
}

type Row = Awaited<ReturnType<typeof baseQuery>>[number];

function baseQuery(db: Executor, ctx: Ctx | null, where: SQL | undefined) {
  return db
    .select(selection(ctx))
    .from(quotes)
    .innerJoin(businesses, eq(businesses.id, quotes.businessId))
    .innerJoin(deals, and(eq(deals.businessId, quotes.businessId), eq(deals.id, quotes.dealId)))
    .leftJoin(customers, and(eq(customers.businessId, deals.businessId), eq(customers.id, deals.customerId)))
    .where(where);
}

function toRecord(ctx: Ctx | null, row: Row): QuoteRecord {
  const allowed = (action: 'update' | 'delete') => {
    if (!ctx) return false;
    try {
      const scope = authorize(ctx, 'deals', action);
      return scope === 'all' || row.mine;
    } catch {
      return false;
    }
  };
  return {
    id: row.id,
    number: row.number,
    dealId: row.dealId,
    dealTitle: row.dealTitle,
    dealOwnerId: row.dealOwnerId,
    customer: row.customerId ? { id: row.customerId, name: row.customerName ?? '', email: row.customerEmail } : null,
    status: row.status,
    language: row.language === 'en' ? 'en' : 'tr',
    currency: row.currency,
    validUntil: row.validUntil,
    notes: row.notes,
    subtotalMinor: row.subtotalMinor,
    discountMinor: row.discountMinor,
    vatMinor: row.vatMinor,
    totalMinor: row.totalMinor,
    sentAt: row.sentAt,
    respondedAt: row.respondedAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    canUpdate: allowed('update'),
    canDelete: allowed('delete'),
  };
}

/** The quotes of one deal, or of the whole business, newest first. */
export const findQuotes = defineQuery('findQuotes', ['deals', 'read'], async function findQuotes(db: Executor, ctx: Ctx, args: { dealId?: string; limit?: number } = {}): Promise<QuoteRecord[]> {
  const where = and(eq(quotes.businessId, ctx.businessId), args.dealId ? eq(quotes.dealId, args.dealId) : undefined);
  const rows = await baseQuery(db, ctx, where)
    .orderBy(desc(quotes.number))
    .limit(args.limit ?? 200);
  return rows.map((r) => toRecord(ctx, r));
});

export const getQuote = defineQuery('getQuote', ['deals', 'read'], async function getQuote(db: Executor, ctx: Ctx, id: string): Promise<QuoteRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await baseQuery(db, ctx, and(eq(quotes.businessId, ctx.businessId), eq(quotes.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return toRecord(ctx, row);
});

export async function getQuoteItems(db: Executor, businessId: string, quoteId: string): Promise<QuoteItemRecord[]> {
  return db
    .select({
      position: quoteItems.position,
      name: quoteItems.name,
      quantityMilli: quoteItems.quantityMilli,
      unitPriceMinor: quoteItems.unitPriceMinor,
      discountBp: quoteItems.discountBp,
      vatRateBp: quoteItems.vatRateBp,
      lineSubtotalMinor: quoteItems.lineSubtotalMinor,
      lineDiscountMinor: quoteItems.lineDiscountMinor,
      lineVatMinor: quoteItems.lineVatMinor,
    })
    .from(quoteItems)
    .where(and(eq(quoteItems.businessId, businessId), eq(quoteItems.quoteId, quoteId)))
    .orderBy(asc(quoteItems.position));
}

export type QuoteDocument = {
  businessId: string;
  business: { name: string; logoPath: string | null; email: string | null; phone: string | null; /** Where a reader with no account sees its times. */ timeZone: string };
  quote: QuoteRecord;
  items: QuoteItemRecord[];
};

async function documentOf(db: Executor, ctx: Ctx | null, businessId: string, row: Row | undefined): Promise<QuoteDocument | null> {
  if (!row) return null;
  const [business] = await db
    .select({ name: businesses.name, logoPath: businesses.logoPath, email: businesses.email, phone: businesses.phone, timeZone: businesses.timeZone })
    .from(businesses)
    .where(eq(businesses.id, businessId));
  if (!business) return null;
  return { businessId, business, quote: toRecord(ctx, row), items: await getQuoteItems(db, businessId, row.id) };
}

/** What the PDF shows, for a signed-in reader of the business. */
export const getQuoteDocument = defineQuery('getQuoteDocument', ['deals', 'read'], async function getQuoteDocument(db: Executor, ctx: Ctx, id: string): Promise<QuoteDocument> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await baseQuery(db, ctx, and(eq(quotes.businessId, ctx.businessId), eq(quotes.id, id)));
  const doc = await documentOf(db, ctx, ctx.businessId, row);
  if (!doc) throw new AppError('NOT_FOUND');
  return doc;
});

/** The same for the outbox job, which knows the business from its own row. */
export async function getQuoteDocumentForJob(db: Executor, businessId: string, id: string): Promise<QuoteDocument | null> {
  const [row] = await baseQuery(db, null, and(eq(quotes.businessId, businessId), eq(quotes.id, id)));
  return documentOf(db, null, businessId, row);
}

/** The quote behind a public link, found only by the SHA-256 of its token; null for any other token. */
export async function getQuoteDocumentByTokenHash(db: Executor, tokenHash: string): Promise<QuoteDocument | null> {
  const [row] = await baseQuery(db, null, eq(quotes.publicTokenHash, tokenHash));
  if (!row) return null;
  const [ids] = await db.select({ businessId: quotes.businessId }).from(quotes).where(eq(quotes.publicTokenHash, tokenHash));
  return ids ? documentOf(db, null, ids.businessId, row) : null;
}

/** The deal a new quote goes on: its title, currency and customer (the editor's header). */
export const getDealForQuote = defineQuery('getDealForQuote', ['deals', 'read'], async function getDealForQuote(db: Executor, ctx: Ctx, dealId: string) {
  if (!isUuid(dealId)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select({ id: deals.id, title: deals.title, currency: deals.currency, customerName: customers.name })
    .from(deals)
    .leftJoin(customers, and(eq(customers.businessId, deals.businessId), eq(customers.id, deals.customerId)))
    .where(and(eq(deals.businessId, ctx.businessId), eq(deals.id, dealId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
});
