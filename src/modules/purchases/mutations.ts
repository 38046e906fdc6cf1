import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { businesses, customers, purchaseItems, purchases } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { publishEvent } from '@/server/events/publish';
import { AppError, isAppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { orderTotals } from '@/lib/money';
import { changedKeys } from '@/lib/changes';
import { emitChange } from '@/server/events/domain';
import { readCsv } from '@/modules/imports';
import { fieldErrorsOf } from '@/server/actions/operation';
import {
  createPurchaseSchema,
  MAX_PURCHASE_ITEMS,
  type CustomerMatch,
  type PurchaseImportError,
  type PurchaseImportField,
  type PurchaseImportResult,
  type PurchaseItemInput,
  type updatePurchaseSchema,
} from './schemas';
import { MAX_PURCHASE_IMPORT_BYTES, MAX_PURCHASE_IMPORT_ROWS, guessPurchaseColumns, missingPurchaseColumns, orderMismatch, parseImportRow, type ImportLine } from './csv-import';
import { findCustomersByContact, findUsedExternalRefs, type CustomerContact } from './queries';

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
    // The customer's lifetime value and purchase count follow through the event (customers' subscriber).
    await emitChange(tx, ctx, {
      action: 'create',
      entityType: 'purchase',
      entityId: id,
      meta: { customerId: input.customerId },
      refs: { customerIds: [input.customerId] },
    });
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
      const changed = changedKeys(current, patch);
      await emitChange(tx, ctx, {
        action: 'update',
        entityType: 'purchase',
        entityId: input.id,
        changedFields: [...changed, 'items'],
        refs: { customerIds: [...new Set([input.customerId, current.customerId])] },
      });
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
    await emitChange(tx, ctx, { action: 'delete', entityType: 'purchase', entityId: id, refs: { customerIds: [current.customerId] } });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'purchase.deleted', id, actorUserId: ctx.userId });
  });
}

// ─── CSV import ────────────────────────────────────────────────────────────────────────────

/** The business's currency and time zone: prices without a currency and times without a zone. */
async function businessDefaults(db: Executor, businessId: string): Promise<{ currency: string; timeZone: string }> {
  const [row] = await db.select({ currency: businesses.currency, timeZone: businesses.timeZone }).from(businesses).where(eq(businesses.id, businessId));
  return row!;
}

type Order = { ref: string; lines: ImportLine[]; /** Rows of this order that could not be read. */ badRows: number[] };

/** The customer a line names: by e-mail, else phone, else exact name; one customer or a reason. */
function resolveCustomer(
  key: ImportLine['customer'],
  index: { email: Map<string, CustomerContact[]>; phone: Map<string, CustomerContact[]>; name: Map<string, CustomerContact[]> },
): { ok: true; id: string; by: CustomerMatch } | { ok: false; field: PurchaseImportField; reason: string } {
  const tries: [CustomerMatch, PurchaseImportField, string | null][] = [
    ['email', 'email', key.email],
    ['phone', 'phone', key.phone],
    ['name', 'customer', key.name],
  ];
  let first: PurchaseImportField | null = null;
  for (const [by, field, value] of tries) {
    if (!value) continue;
    first ??= field;
    const found = index[by].get(value) ?? [];
    if (found.length === 1) return { ok: true, id: found[0]!.id, by };
    if (found.length > 1) return { ok: false, field, reason: 'customerAmbiguous' };
  }
  return { ok: false, field: first ?? 'customer', reason: 'customerNotFound' };
}

/**
 * Imports purchases from a CSV file, one row per line item; rows with the same order reference
 * are one purchase. Each purchase is written by `createPurchase` in its own transaction, which
 * keeps the customer's lifetime value and last purchase up to date; an order with any bad row is
 * not written at all (never half an order), and is reported row by row while the other orders go
 * in. The reference is the purchase's `externalRef`, unique per business: importing the same file
 * again finds the orders already recorded and adds nothing.
 */
export async function importPurchases(db: Executor, ctx: Ctx, file: { bytes: Uint8Array }): Promise<PurchaseImportResult> {
  if (file.bytes.byteLength === 0) throw new AppError('VALIDATION', 'imports.errors.empty', { file: 'csvEmpty' });
  if (file.bytes.byteLength > MAX_PURCHASE_IMPORT_BYTES) {
    throw new AppError('VALIDATION', 'purchases.import.errors.tooLarge', { file: 'purchaseImportTooLarge' });
  }
  const csv = readCsv(file.bytes);
  if (csv.records.length === 0) throw new AppError('VALIDATION', 'imports.errors.empty', { file: 'csvEmpty' });
  if (csv.records.length > MAX_PURCHASE_IMPORT_ROWS) {
    throw new AppError('VALIDATION', 'purchases.import.errors.tooManyRows', { file: 'purchaseImportTooManyRows' });
  }
  const columns = guessPurchaseColumns(csv.headers);
  if (missingPurchaseColumns(columns).length > 0) {
    throw new AppError('VALIDATION', 'purchases.import.errors.missingColumns', { file: 'purchaseImportColumns' });
  }
  const business = await businessDefaults(db, ctx.businessId);

  const errors: PurchaseImportError[] = [];
  const orders = new Map<string, Order>();
  const orderOf = (ref: string) => {
    let order = orders.get(ref);
    if (!order) orders.set(ref, (order = { ref, lines: [], badRows: [] }));
    return order;
  };
  for (const record of csv.records) {
    const parsed = parseImportRow(record, columns, { ...business, numberLocale: csv.delimiter === ',' ? 'en' : 'tr' });
    if (parsed.ok) {
      orderOf(parsed.line.orderRef).lines.push(parsed.line);
      continue;
    }
    errors.push(...parsed.errors);
    const ref = columns.orderRef === undefined ? '' : (record.cells[columns.orderRef] ?? '').trim();
    // A bad row still sinks its order: the order must never be written without one of its lines.
    if (ref && ref.length <= 200) orderOf(ref).badRows.push(record.line);
  }

  // Lines of one order must agree on the customer, date, status and currency.
  for (const order of orders.values()) {
    const [first, ...rest] = order.lines;
    if (!first) continue;
    for (const line of rest) {
      const field = orderMismatch(first, line);
      if (field) {
        errors.push({ row: line.row, field, reason: 'orderMismatch', otherRow: first.row });
        order.badRows.push(line.row);
      }
    }
    if (order.lines.length > MAX_PURCHASE_ITEMS) {
      for (const line of order.lines) errors.push({ row: line.row, field: '_', reason: 'tooManyItems' });
      order.badRows.push(...order.lines.map((l) => l.row));
    }
  }
  /** Marks the readable rows of a failed order, so that every row of the file is accounted for. */
  const failOrder = (order: Order, reason: string, field: PurchaseImportField | '_' = '_') => {
    const reported = new Set(errors.map((e) => e.row));
    for (const line of order.lines) {
      if (!reported.has(line.row)) errors.push({ row: line.row, field, reason, value: order.ref.slice(0, 100) });
    }
  };

  const good = [...orders.values()].filter((o) => o.badRows.length === 0 && o.lines.length > 0);
  for (const order of orders.values()) if (order.badRows.length > 0) failOrder(order, 'orderHasErrors', 'orderRef');

  const keys = good.map((o) => o.lines[0]!.customer);
  const found = await findCustomersByContact(db, ctx, {
    emails: [...new Set(keys.map((k) => k.email).filter((v): v is string => !!v))],
    phones: [...new Set(keys.map((k) => k.phone).filter((v): v is string => !!v))],
    names: [...new Set(keys.map((k) => k.name).filter((v): v is string => !!v))],
  });
  const index = { email: new Map<string, CustomerContact[]>(), phone: new Map<string, CustomerContact[]>(), name: new Map<string, CustomerContact[]>() };
  const add = (map: Map<string, CustomerContact[]>, key: string, c: CustomerContact) => map.set(key, [...(map.get(key) ?? []), c]);
  for (const c of found) {
    for (const e of c.emails) add(index.email, e, c);
    for (const p of c.phones) add(index.phone, p, c);
    add(index.name, c.name, c);
  }

  const result: PurchaseImportResult = {
    rows: csv.records.length,
    importedRows: 0,
    failedRows: 0,
    created: 0,
    existing: 0,
    failedOrders: [...orders.values()].filter((o) => o.badRows.length > 0).length,
    matchedBy: { email: 0, phone: 0, name: 0 },
    errors: [],
  };
  const used = await findUsedExternalRefs(db, ctx, good.map((o) => o.ref));
  for (const order of good) {
    const first = order.lines[0]!;
    const customer = resolveCustomer(first.customer, index);
    if (!customer.ok) {
      for (const line of order.lines) {
        const value = customer.field === 'email' ? line.customer.email : customer.field === 'phone' ? line.customer.phone : line.customer.name;
        errors.push({ row: line.row, field: customer.field, reason: customer.reason, ...(value ? { value: value.slice(0, 100) } : {}) });
      }
      result.failedOrders++;
      continue;
    }
    if (used.has(order.ref)) {
      result.existing++;
      continue;
    }
    const parsed = createPurchaseSchema.safeParse({
      customerId: customer.id,
      orderedAt: first.orderedAt,
      status: first.status,
      currency: first.currency,
      externalRef: order.ref,
      items: order.lines.map((l) => l.item),
    });
    if (!parsed.success) {
      const reason = Object.values(fieldErrorsOf(parsed.error))[0] ?? 'invalid';
      failOrder(order, reason);
      result.failedOrders++;
      continue;
    }
    try {
      const written = await createPurchase(db, ctx, parsed.data);
      if (written.created) {
        result.created++;
        result.importedRows += order.lines.length;
        result.matchedBy[customer.by]++;
      } else {
        // Recorded by another request (an API call, a second upload) since we looked.
        result.existing++;
      }
    } catch (err) {
      // One order's failure (its customer deleted meanwhile, or a fault) costs only that order.
      const gone = isAppError(err) && err.code === 'NOT_FOUND';
      if (!gone) console.error('[importPurchases]', err);
      failOrder(order, gone ? 'customerNotFound' : 'failed');
      result.failedOrders++;
    }
  }

  result.errors = errors.sort((a, b) => a.row - b.row);
  result.failedRows = new Set(errors.map((e) => e.row)).size;
  return result;
}
