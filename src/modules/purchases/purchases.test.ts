/**
 * Purchases against the real database: totals computed per line, the customer's lifetime value,
 * count and last purchase kept in the same transaction as every change, idempotent external
 * references, stale versions, and the REST API's money format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { customers, purchases } from '@/server/db/schema';
import type { Ctx } from '@/server/auth/context';
import { runOperation } from '@/server/actions/operation';
import { createApiKey } from '@/modules/api-keys/mutations';
import { contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { apiCall } from '../../../tests/api';
import { createPurchaseOperation, deletePurchaseOperation, updatePurchaseOperation } from './operations';
import { findPurchases, getCustomerPurchaseSummary, getPurchase } from './queries';

let ctx: Ctx;
let key: string;

beforeAll(async () => {
  const db = getDb();
  const owner = await createUser(db);
  const business = await createTestBusiness(db, owner, { name: 'Satış Dükkânı' });
  ctx = await contextFor(db, owner.id, business.slug);
  key = (await createApiKey(db, ctx, { name: 'Satış anahtarı', role: 'admin', expiresAt: null })).key;
});
afterAll(closeDb);

const item = (unitPriceMinor: number, quantityMilli = 1000, vatRateBp = 2000) => ({ name: 'Ürün', quantityMilli, unitPriceMinor, vatRateBp });

async function create(input: Record<string, unknown>) {
  const result = await runOperation(createPurchaseOperation, ctx, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data as { id: string; created: boolean };
}

async function summaryRow(customerId: string) {
  const [row] = await getDb()
    .select({ ltv: customers.lifetimeValueMinor, count: customers.purchaseCount, last: customers.lastPurchaseAt, version: customers.version })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, customerId)));
  return row!;
}

describe('purchases', () => {
  it('computes line VAT rounded half away from zero and totals as sums of lines', async () => {
    const c = await insertTestCustomer(getDb(), ctx.businessId);
    const { id } = await create({
      customerId: c.id,
      orderedAt: '2026-03-01',
      items: [
        { name: 'Kahve', quantityMilli: 3000, unitPriceMinor: 99, vatRateBp: 2000 }, // 2,97 + 0,594 → 0,59
        { name: 'Çay', quantityMilli: 1000, unitPriceMinor: 25, vatRateBp: 1000 }, // 0,25 + 0,025 → 0,03
      ],
    });
    const p = await getPurchase(getDb(), ctx, id);
    expect(p).toMatchObject({ currency: 'TRY', status: 'paid', subtotalMinor: 322, vatMinor: 62, totalMinor: 384 });
    expect(p.items.map((i) => [i.name, i.lineSubtotalMinor, i.lineVatMinor])).toEqual([
      ['Kahve', 297, 59],
      ['Çay', 25, 3],
    ]);
    expect(p.orderedAt.toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });

  it('keeps lifetime value (paid only), count and last purchase date with every change', async () => {
    const c = await insertTestCustomer(getDb(), ctx.businessId);
    const other = await insertTestCustomer(getDb(), ctx.businessId);
    const a = await create({ customerId: c.id, orderedAt: '2026-01-10T09:00:00+03:00', items: [item(10000)] }); // 120,00
    const b = await create({ customerId: c.id, orderedAt: '2026-02-10', status: 'pending', items: [item(5000)] }); // 60,00, pending
    expect(await summaryRow(c.id)).toMatchObject({ ltv: 12000, count: 1, last: new Date('2026-01-10T06:00:00Z') });

    const pb = await getPurchase(getDb(), ctx, b.id);
    const paid = await runOperation(updatePurchaseOperation, ctx, { ...pb, id: b.id, version: pb.version, status: 'paid', items: [item(5000)] });
    expect(paid).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await summaryRow(c.id)).toMatchObject({ ltv: 18000, count: 2, last: new Date('2026-02-10T12:00:00Z') });

    const pa = await getPurchase(getDb(), ctx, a.id);
    await runOperation(updatePurchaseOperation, ctx, { ...pa, id: a.id, version: pa.version, status: 'refunded', items: [item(10000)] });
    expect(await summaryRow(c.id)).toMatchObject({ ltv: 6000, count: 1 });

    // Moving an order to another customer updates both.
    const pb2 = await getPurchase(getDb(), ctx, b.id);
    await runOperation(updatePurchaseOperation, ctx, { ...pb2, id: b.id, version: pb2.version, customerId: other.id, items: [item(5000)] });
    expect(await summaryRow(c.id)).toMatchObject({ ltv: 0, count: 0, last: null });
    expect(await summaryRow(other.id)).toMatchObject({ ltv: 6000, count: 1 });

    expect(await runOperation(deletePurchaseOperation, ctx, { id: b.id })).toMatchObject({ ok: true });
    expect(await summaryRow(other.id)).toMatchObject({ ltv: 0, count: 0, last: null });
    // The summary is not an edit of the customer: its version (for stale-edit checks) stays.
    expect((await summaryRow(other.id)).version).toBe(1);
    expect(await getCustomerPurchaseSummary(getDb(), ctx, c.id)).toEqual({ lifetimeValueMinor: 0, purchaseCount: 0, lastPurchaseAt: null, currency: 'TRY' });
  });

  it('counts only the business’s currency in the lifetime value', async () => {
    const c = await insertTestCustomer(getDb(), ctx.businessId);
    await create({ customerId: c.id, orderedAt: '2026-01-01', items: [item(1000, 1000, 0)] });
    await create({ customerId: c.id, orderedAt: '2026-01-02', currency: 'EUR', items: [item(5000, 1000, 0)] });
    expect(await summaryRow(c.id)).toMatchObject({ ltv: 1000, count: 2 });
  });

  it('rolls the summary back with a purchase that fails', async () => {
    const c = await insertTestCustomer(getDb(), ctx.businessId);
    await create({ customerId: c.id, orderedAt: '2026-01-01', externalRef: `taken-${c.id}`, items: [item(1000)] });
    const second = await create({ customerId: c.id, orderedAt: '2026-01-02', items: [item(2000)] });
    const p = await getPurchase(getDb(), ctx, second.id);
    const clash = await runOperation(updatePurchaseOperation, ctx, { ...p, id: p.id, version: p.version, status: 'cancelled', externalRef: `taken-${c.id}`, items: [item(2000)] });
    expect(clash).toMatchObject({ ok: false, code: 'CONFLICT', fields: { externalRef: 'externalRefTaken' } });
    expect(await summaryRow(c.id)).toMatchObject({ ltv: 3600, count: 2 });
  });

  it('answers the existing purchase for a repeated external reference, also when sent at once', async () => {
    const c = await insertTestCustomer(getDb(), ctx.businessId);
    const ref = `order-${c.id}`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () => create({ customerId: c.id, orderedAt: '2026-04-01', externalRef: ref, items: [item(1000)] })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const stored = await getDb().select().from(purchases).where(and(eq(purchases.businessId, ctx.businessId), eq(purchases.customerId, c.id)));
    expect(stored).toHaveLength(1);
    expect(await summaryRow(c.id)).toMatchObject({ ltv: 1200, count: 1 });
  });

  it('refuses a stale version, a customer of nowhere and amounts a number cannot hold', async () => {
    const c = await insertTestCustomer(getDb(), ctx.businessId);
    const { id } = await create({ customerId: c.id, orderedAt: '2026-01-01', items: [item(1000)] });
    const p = await getPurchase(getDb(), ctx, id);
    await runOperation(updatePurchaseOperation, ctx, { ...p, id, version: 1, notes: 'ilk', items: [item(1000)] });
    expect(await runOperation(updatePurchaseOperation, ctx, { ...p, id, version: 1, notes: 'eski', items: [item(1000)] })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: 'errors.STALE',
    });
    expect(
      await runOperation(createPurchaseOperation, ctx, { customerId: '01a20000-0000-7000-8000-000000000000', orderedAt: '2026-01-01', items: [item(1)] }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(
      await runOperation(createPurchaseOperation, ctx, {
        customerId: c.id,
        orderedAt: '2026-01-01',
        items: [{ name: 'Çok', quantityMilli: 1_000_000_000, unitPriceMinor: 1_000_000_000_000, vatRateBp: 0 }],
      }),
    ).toMatchObject({ ok: false, code: 'VALIDATION', fields: { items: 'amountTooLarge' } });
    expect(await runOperation(createPurchaseOperation, ctx, { customerId: c.id, orderedAt: '2026-01-01', items: [] })).toMatchObject({
      ok: false,
      fields: { items: 'required' },
    });
  });
});

describe('/api/v1/purchases', () => {
  it('creates with money objects, answers a repeat with the same purchase, lists by customer with a cursor', async () => {
    const c = await insertTestCustomer(getDb(), ctx.businessId);
    const body = {
      customerId: c.id,
      orderedAt: '2026-05-01T10:00:00Z',
      externalRef: `api-${c.id}`,
      items: [{ name: 'Danışmanlık', quantityMilli: 1000, unitPrice: { amountMinor: 15000000, currency: 'TRY' }, vatRateBp: 2000 }],
    };
    const first = await apiCall('POST', '/purchases', { key }, body);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      currency: 'TRY',
      subtotal: { amountMinor: 15000000, currency: 'TRY' },
      vat: { amountMinor: 3000000, currency: 'TRY' },
      total: { amountMinor: 18000000, currency: 'TRY' },
      items: [{ unitPrice: { amountMinor: 15000000, currency: 'TRY' }, lineVat: { amountMinor: 3000000, currency: 'TRY' } }],
    });
    const again = await apiCall('POST', '/purchases', { key }, { ...body, items: [{ ...body.items[0], unitPrice: { amountMinor: 1 } }] });
    expect((again.json as { id: string }).id).toBe((first.json as { id: string }).id);
    expect((again.json as { total: unknown }).total).toEqual({ amountMinor: 18000000, currency: 'TRY' });

    for (let i = 0; i < 3; i++) {
      await apiCall('POST', '/purchases', { key }, { ...body, externalRef: undefined, orderedAt: `2026-0${i + 1}-01` });
    }
    const page1 = await apiCall('GET', `/purchases?customerId=${c.id}&limit=3`, { key });
    const json1 = page1.json as { data: { orderedAt: string }[]; nextCursor: string };
    expect(json1.data.map((p) => p.orderedAt.slice(0, 10))).toEqual(['2026-05-01', '2026-03-01', '2026-02-01']);
    const page2 = await apiCall('GET', `/purchases?customerId=${c.id}&limit=3&cursor=${json1.nextCursor}`, { key });
    expect((page2.json as { data: { orderedAt: string }[]; nextCursor: null })).toMatchObject({ data: [{ orderedAt: expect.stringMatching(/^2026-01-01/) }], nextCursor: null });
    expect((await findPurchases(getDb(), ctx, { customerId: c.id })).data).toHaveLength(4);
  });

  it('PATCH with a stale version is 409, a price in another currency 422, DELETE 204 then 404', async () => {
    const c = await insertTestCustomer(getDb(), ctx.businessId);
    const created = await apiCall('POST', '/purchases', { key }, {
      customerId: c.id,
      orderedAt: '2026-05-01',
      items: [{ name: 'Kutu', quantityMilli: 2500, unitPrice: { amountMinor: 1999 }, vatRateBp: 1000 }],
    });
    const id = (created.json as { id: string }).id;
    expect(created.json).toMatchObject({ subtotal: { amountMinor: 4998 }, vat: { amountMinor: 500 } });
    const patched = await apiCall('PATCH', `/purchases/${id}`, { key }, { status: 'cancelled', version: 1 });
    expect(patched).toMatchObject({ status: 200, json: { status: 'cancelled', version: 2, items: [{ quantityMilli: 2500 }] } });
    expect((await apiCall('PATCH', `/purchases/${id}`, { key }, { status: 'paid', version: 1 })).status).toBe(409);
    const mismatch = await apiCall('PATCH', `/purchases/${id}`, { key }, { items: [{ name: 'X', quantityMilli: 1000, unitPrice: { amountMinor: 1, currency: 'USD' }, vatRateBp: 0 }] });
    expect(mismatch).toMatchObject({ status: 422, json: { error: { fields: { 'items.0.unitPrice.currency': expect.objectContaining({ code: 'currencyMismatch', message: expect.any(String) }) } } } });
    expect((await apiCall('DELETE', `/purchases/${id}`, { key })).status).toBe(204);
    expect((await apiCall('GET', `/purchases/${id}`, { key })).status).toBe(404);
  });
});
