import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, arrayOverlaps, asc, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import { businesses, customers, purchaseItems, purchases } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { turkishSortKey } from '@/lib/text';
import type { PurchaseStatus } from './schemas';
import { decodeInstantCursor, encodeInstantCursor } from '@/lib/cursors';

export type PurchaseItemRecord = {
  position: number;
  name: string;
  quantityMilli: number;
  unitPriceMinor: number;
  vatRateBp: number;
  lineSubtotalMinor: number;
  lineVatMinor: number;
};

export type PurchaseRecord = {
  id: string;
  customerId: string;
  orderedAt: Date;
  status: PurchaseStatus;
  currency: string;
  subtotalMinor: number;
  vatMinor: number;
  totalMinor: number;
  externalRef: string | null;
  notes: string | null;
  items: PurchaseItemRecord[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const columns = {
  id: purchases.id,
  customerId: purchases.customerId,
  orderedAt: purchases.orderedAt,
  status: purchases.status,
  currency: purchases.currency,
  subtotalMinor: purchases.subtotalMinor,
  vatMinor: purchases.vatMinor,
  totalMinor: purchases.totalMinor,
  externalRef: purchases.externalRef,
  notes: purchases.notes,
  version: purchases.version,
  createdAt: purchases.createdAt,
  updatedAt: purchases.updatedAt,
};

async function withItems(db: Executor, ctx: Ctx, rows: Omit<PurchaseRecord, 'items'>[]): Promise<PurchaseRecord[]> {
  if (rows.length === 0) return [];
  const items = await db
    .select({
      purchaseId: purchaseItems.purchaseId,
      position: purchaseItems.position,
      name: purchaseItems.name,
      quantityMilli: purchaseItems.quantityMilli,
      unitPriceMinor: purchaseItems.unitPriceMinor,
      vatRateBp: purchaseItems.vatRateBp,
      lineSubtotalMinor: purchaseItems.lineSubtotalMinor,
      lineVatMinor: purchaseItems.lineVatMinor,
    })
    .from(purchaseItems)
    .where(and(eq(purchaseItems.businessId, ctx.businessId), inArray(purchaseItems.purchaseId, rows.map((r) => r.id))))
    .orderBy(asc(purchaseItems.purchaseId), asc(purchaseItems.position));
  const byPurchase = new Map<string, PurchaseItemRecord[]>();
  for (const { purchaseId, ...item } of items) {
    const list = byPurchase.get(purchaseId) ?? [];
    list.push(item);
    byPurchase.set(purchaseId, list);
  }
  return rows.map((r) => ({ ...r, items: byPurchase.get(r.id) ?? [] }));
}

/** Purchases, newest first, of one customer or of the whole business, with a keyset cursor. */
export const findPurchases = defineQuery('findPurchases', ['purchases', 'read'], async function findPurchases(
  db: Executor,
  ctx: Ctx,
  args: { customerId?: string; cursor?: string; limit?: number } = {},
): Promise<{ data: PurchaseRecord[]; nextCursor: string | null }> {
  const limit = args.limit ?? 50;
  const filters: (SQL | undefined)[] = [eq(purchases.businessId, ctx.businessId)];
  if (args.customerId !== undefined) {
    if (!isUuid(args.customerId)) return { data: [], nextCursor: null };
    filters.push(eq(purchases.customerId, args.customerId));
  }
  const after = decodeInstantCursor(args.cursor);
  if (after) {
    filters.push(or(lt(purchases.orderedAt, after.at), and(eq(purchases.orderedAt, after.at), lt(purchases.id, after.id))));
  }
  const rows = await db
    .select(columns)
    .from(purchases)
    .where(and(...filters))
    .orderBy(desc(purchases.orderedAt), desc(purchases.id))
    .limit(limit + 1);
  const page = await withItems(db, ctx, rows.slice(0, limit));
  const last = page[page.length - 1];
  return { data: page, nextCursor: rows.length > limit && last ? encodeInstantCursor(last.orderedAt, last.id) : null };
});

export const getPurchase = defineQuery('getPurchase', ['purchases', 'read'], async function getPurchase(db: Executor, ctx: Ctx, id: string): Promise<PurchaseRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const rows = await db
    .select(columns)
    .from(purchases)
    .where(and(eq(purchases.businessId, ctx.businessId), eq(purchases.id, id)));
  const [record] = await withItems(db, ctx, rows);
  if (!record) throw new AppError('NOT_FOUND');
  return record;
});

export type PurchaseSummary = {
  lifetimeValueMinor: number;
  purchaseCount: number;
  lastPurchaseAt: Date | null;
  /** The business's currency, in which the lifetime value is counted. */
  currency: string;
};

/** A customer's purchase summary, as kept on the customer's row (see refreshCustomerPurchaseSummary). */
export const getCustomerPurchaseSummary = defineQuery('getCustomerPurchaseSummary', ['purchases', 'read'], async function getCustomerPurchaseSummary(db: Executor, ctx: Ctx, customerId: string): Promise<PurchaseSummary> {
  if (!isUuid(customerId)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select({
      lifetimeValueMinor: customers.lifetimeValueMinor,
      purchaseCount: customers.purchaseCount,
      lastPurchaseAt: customers.lastPurchaseAt,
      currency: businesses.currency,
    })
    .from(customers)
    .innerJoin(businesses, eq(businesses.id, customers.businessId))
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, customerId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
});

export type CustomerContact = { id: string; name: string; emails: string[]; phones: string[] };

/**
 * The business's customers having any of these e-mails (lower case) or phones (E.164), or exactly
 * one of these names, for matching imported rows: through the GIN indexes on the arrays and the
 * sort-key index (the name is then compared exactly).
 */
export const findCustomersByContact = defineQuery('findCustomersByContact', ['purchases', 'read'], async function findCustomersByContact(
  db: Executor,
  ctx: Ctx,
  keys: { emails: readonly string[]; phones: readonly string[]; names: readonly string[] },
): Promise<CustomerContact[]> {
  const matchers: SQL[] = [];
  if (keys.emails.length) matchers.push(arrayOverlaps(customers.emails, [...keys.emails]));
  if (keys.phones.length) matchers.push(arrayOverlaps(customers.phones, [...keys.phones]));
  if (keys.names.length) {
    matchers.push(and(inArray(customers.sortName, [...new Set(keys.names.map(turkishSortKey))]), inArray(customers.name, [...keys.names]))!);
  }
  if (matchers.length === 0) return [];
  return db
    .select({ id: customers.id, name: customers.name, emails: customers.emails, phones: customers.phones })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), or(...matchers)));
});

/** Which of these external references the business's purchases already carry. */
export const findUsedExternalRefs = defineQuery('findUsedExternalRefs', ['purchases', 'read'], async function findUsedExternalRefs(db: Executor, ctx: Ctx, refs: readonly string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await db
    .select({ ref: purchases.externalRef })
    .from(purchases)
    .where(and(eq(purchases.businessId, ctx.businessId), inArray(purchases.externalRef, [...refs])));
  return new Set(rows.map((r) => r.ref!));
});


