import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { businesses, customers, purchaseItems, purchases } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { publishEvent } from '@/server/events/publish';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { orderTotals } from '@/lib/money';
import { changedKeys, recordAudit } from '@/modules/audit/mutations';
import type { createPurchaseSchema, PurchaseItemInput, updatePurchaseSchema } from './schemas';

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  return (e as { code?: string })?.code === '23505' && (e as { constraint?: string }).constraint === constraint;
}

/**
 * Locks the customers (in id order, so two transactions never wait on each other in a circle):
 * purchases of one customer are then written one after another, and each recomputes the
 * customer's summary from a consistent set of purchases. A customer of another business is not found.
 */
async function lockCustomers(tx: Transaction, businessId: string, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)].sort();
  const rows = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.businessId, businessId), inArray(customers.id, unique)))
    .orderBy(asc(customers.id))
    .for('update');
  if (rows.length !== unique.length) throw new AppError('NOT_FOUND', 'purchases.errors.customerNotFound');
}

/**
 * Recomputes a customer's purchase summary in the caller's transaction, from its purchases:
 *
 * - `lifetime_value_minor`: the sum of the totals of **paid** purchases in the business's currency.
 *   Pending orders are not money received yet, cancelled and refunded ones never were; an order in
 *   another currency cannot be added without an exchange rate, so it is listed but not summed.
 * - `purchase_count` and `last_purchase_at`: the number and latest date of paid purchases.
 *
 * Recomputing (rather than adding the difference) keeps the summary right whatever changed: a
 * status, a total, the customer of an order. It reads one customer's purchases by index.
 */
export async function refreshCustomerPurchaseSummary(tx: Executor, businessId: string, customerId: string): Promise<void> {
  await tx.execute(sql`
    update customers c set
      lifetime_value_minor = s.ltv,
      purchase_count = s.n,
      last_purchase_at = s.last
    from (
      select
        coalesce(sum(p.total_minor) filter (where p.status = 'paid' and p.currency = b.currency), 0) as ltv,
        count(*) filter (where p.status = 'paid')::int as n,
        max(p.ordered_at) filter (where p.status = 'paid') as last
      from businesses b
      left join purchases p on p.business_id = b.id and p.customer_id = ${customerId}
      where b.id = ${businessId}
    ) s
    where c.business_id = ${businessId} and c.id = ${customerId}`);
}

async function businessCurrency(tx: Executor, businessId: string): Promise<string> {
  const [row] = await tx.select({ currency: businesses.currency }).from(businesses).where(eq(businesses.id, businessId));
  return row!.currency;
}

function itemRows(businessId: string, purchaseId: string, items: PurchaseItemInput[]) {
  const totals = orderTotals(items);
  return {
    totals,
    rows: items.map((item, position) => ({
      businessId,
      purchaseId,
      position,
      name: item.name,
      quantityMilli: item.quantityMilli,
      unitPriceMinor: item.unitPriceMinor,
      vatRateBp: item.vatRateBp,
      lineSubtotalMinor: totals.lines[position]!.lineSubtotalMinor,
      lineVatMinor: totals.lines[position]!.lineVatMinor,
    })),
  };
}

async function findByExternalRef(tx: Executor, businessId: string, externalRef: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: purchases.id })
    .from(purchases)
    .where(and(eq(purchases.businessId, businessId), eq(purchases.externalRef, externalRef)));
  return row?.id ?? null;
}

/**
 * Records a purchase with its lines and updates the customer's summary in the same transaction.
 * With an `externalRef` already used in the business, nothing is written and the existing order is
 * answered (`created: false`): a client that retries after a lost answer does not buy twice.
 */
export async function createPurchase(
  db: Executor,
  ctx: Ctx,
  input: z.output<typeof createPurchaseSchema>,
): Promise<{ id: string; created: boolean }> {
  return db.transaction(async (tx) => {
    if (input.externalRef) {
      const existing = await findByExternalRef(tx, ctx.businessId, input.externalRef);
      if (existing) return { id: existing, created: false };
    }
    await lockCustomers(tx, ctx.businessId, [input.customerId]);
    const id = newId();
    const { totals, rows } = itemRows(ctx.businessId, id, input.items);
    const inserted = await tx
      .insert(purchases)
      .values({
        businessId: ctx.businessId,
        id,
        customerId: input.customerId,
        orderedAt: input.orderedAt,
        status: input.status,
        currency: input.currency ?? (await businessCurrency(tx, ctx.businessId)),
        subtotalMinor: totals.subtotalMinor,
        vatMinor: totals.vatMinor,
        totalMinor: totals.totalMinor,
        externalRef: input.externalRef,
        notes: input.notes,
      })
      .onConflictDoNothing({ target: [purchases.businessId, purchases.externalRef], where: sql`${purchases.externalRef} is not null` })
      .returning({ id: purchases.id });
    if (inserted.length === 0) {
      // Another request with the same reference committed between our look and our insert.
      return { id: (await findByExternalRef(tx, ctx.businessId, input.externalRef!))!, created: false };
    }
    await tx.insert(purchaseItems).values(rows);
    await refreshCustomerPurchaseSummary(tx, ctx.businessId, input.customerId);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'purchase', entityId: id, meta: { customerId: input.customerId } });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'purchase.created', id, actorUserId: ctx.userId });
    return { id, created: true };
  });
}

/** Replaces a purchase's fields and lines; a stale `version` is a CONFLICT (409). */
export async function updatePurchase(db: Executor, ctx: Ctx, input: z.output<typeof updatePurchaseSchema>): Promise<{ version: number }> {
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(purchases)
        .where(and(eq(purchases.businessId, ctx.businessId), eq(purchases.id, input.id)))
        .for('update');
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
      await lockCustomers(tx, ctx.businessId, [current.customerId, input.customerId]);
      const { totals, rows } = itemRows(ctx.businessId, input.id, input.items);
      const patch = {
        customerId: input.customerId,
        orderedAt: input.orderedAt,
        status: input.status,
        currency: input.currency ?? current.currency,
        subtotalMinor: totals.subtotalMinor,
        vatMinor: totals.vatMinor,
        totalMinor: totals.totalMinor,
        externalRef: input.externalRef,
        notes: input.notes,
      };
      const [row] = await tx
        .update(purchases)
        .set({ ...patch, version: input.version + 1, updatedAt: sql`now()` })
        .where(and(eq(purchases.businessId, ctx.businessId), eq(purchases.id, input.id), eq(purchases.version, input.version)))
        .returning({ version: purchases.version });
      if (!row) throw new AppError('CONFLICT', 'errors.STALE');
      await tx.delete(purchaseItems).where(and(eq(purchaseItems.businessId, ctx.businessId), eq(purchaseItems.purchaseId, input.id)));
      await tx.insert(purchaseItems).values(rows);
      await refreshCustomerPurchaseSummary(tx, ctx.businessId, input.customerId);
      if (current.customerId !== input.customerId) await refreshCustomerPurchaseSummary(tx, ctx.businessId, current.customerId);
      const changed = changedKeys(current, patch);
      await recordAudit(tx, ctx, { action: 'update', entityType: 'purchase', entityId: input.id, changedFields: [...changed, 'items'] });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'purchase.updated', id: input.id, actorUserId: ctx.userId });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'purchases_external_ref_key')) {
      throw new AppError('CONFLICT', 'purchases.errors.externalRefTaken', { externalRef: 'externalRefTaken' });
    }
    throw err;
  }
}

export async function deletePurchase(db: Executor, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ customerId: purchases.customerId })
      .from(purchases)
      .where(and(eq(purchases.businessId, ctx.businessId), eq(purchases.id, id)))
      .for('update');
    if (!current) throw new AppError('NOT_FOUND');
    await lockCustomers(tx, ctx.businessId, [current.customerId]);
    // The lines go with it (ON DELETE CASCADE).
    await tx.delete(purchases).where(and(eq(purchases.businessId, ctx.businessId), eq(purchases.id, id)));
    await refreshCustomerPurchaseSummary(tx, ctx.businessId, current.customerId);
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'purchase', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'purchase.deleted', id, actorUserId: ctx.userId });
  });
}
