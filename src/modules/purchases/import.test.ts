/**
 * The purchases CSV import against the real database: a Turkish Excel file (Windows-1254, `;`,
 * "1.234,50"), orders over several rows, bad rows reported while good orders go in and no order is
 * half-written, re-imports adding nothing, the customers' lifetime value, and who may import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { and, asc, eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { customers, purchaseItems, purchases } from '@/server/db/schema';
import { loadBusinessContext, type Ctx } from '@/server/auth/context';
import { runOperation } from '@/server/actions/operation';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { importPurchasesOperation } from './operations';
import { parseOrderDate } from './csv-import';
import type { PurchaseImportResult } from './schemas';

let ctx: Ctx;
let slug: string;

beforeAll(async () => {
  const db = getDb();
  const owner = await createUser(db);
  const business = await createTestBusiness(db, owner, { name: 'Çiçekçi Şükrü Ltd.' });
  slug = business.slug;
  ctx = await contextFor(db, owner.id, business.slug);
});
afterAll(closeDb);

const csvFile = (lines: string[], encoding: 'windows-1254' | 'utf-8' = 'utf-8', name = 'satislar.csv') => {
  const text = `${lines.join('\r\n')}\r\n`;
  const bytes = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'windows-1254');
  return new File([new Uint8Array(bytes)], name, { type: 'text/csv' });
};

async function importFile(file: File, as: Ctx = ctx): Promise<PurchaseImportResult> {
  const result = await runOperation(importPurchasesOperation, as, { file });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data as PurchaseImportResult;
}

async function purchasesOf(customerId: string) {
  const db = getDb();
  const rows = await db
    .select()
    .from(purchases)
    .where(and(eq(purchases.businessId, ctx.businessId), eq(purchases.customerId, customerId)))
    .orderBy(asc(purchases.orderedAt));
  const items = await db.select().from(purchaseItems).where(eq(purchaseItems.businessId, ctx.businessId)).orderBy(asc(purchaseItems.position));
  return rows.map((p) => ({ ...p, items: items.filter((i) => i.purchaseId === p.id) }));
}

async function summary(customerId: string) {
  const [row] = await getDb()
    .select({ ltv: customers.lifetimeValueMinor, count: customers.purchaseCount, last: customers.lastPurchaseAt })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, customerId)));
  return row!;
}

/** A reference no other test uses, as every test shares the business. */
const ref = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}`;

describe('purchases CSV import', () => {
  it('reads a Turkish Excel file: Windows-1254, “;”, Turkish numbers, orders over several rows, customers by name, e-mail and phone', async () => {
    const db = getDb();
    const sukru = await insertTestCustomer(db, ctx.businessId, { name: `Şükrü Çağlayan ${ref('x')}` });
    const ayse = await insertTestCustomer(db, ctx.businessId, { name: 'Ayşe Işık', emails: [`ayse.${ref('m')}@example.test`] });
    const ilker = await insertTestCustomer(db, ctx.businessId, { name: 'İlker Öztürk', phones: ['+905321112233'] });
    const email = (await db.select({ emails: customers.emails }).from(customers).where(eq(customers.id, ayse.id)))[0]!.emails[0]!;
    const [r1, r2, r3] = [ref('S-1001'), ref('S-1002'), ref('S-1003')];
    const file = csvFile(
      [
        'Sipariş No;Müşteri;E-posta;Telefon;Sipariş Tarihi;Ürün Adı;Adet;Birim Fiyat;KDV Oranı;Durum;Para Birimi',
        `${r1};${sukru.name};;;01.03.2026;Çiçek buketi (büyük);2;1.234,50;%20;Ödendi;TL`,
        `${r1};${sukru.name};;;01.03.2026;Kurdele, ipek;1,5;12,40;20;ödendi;TL`,
        `${r2};;${email.toUpperCase()};;2.3.2026;Gül;3;99,90;10;;`,
        `${r3};;;0532 111 22 33;2026-03-05 14:30;Danışmanlık;1;10.000;20;beklemede;`,
      ],
      'windows-1254',
    );
    const result = await importFile(file);
    expect(result).toMatchObject({ rows: 4, importedRows: 4, failedRows: 0, created: 3, existing: 0, failedOrders: 0, errors: [] });
    expect(result.matchedBy).toEqual({ name: 1, email: 1, phone: 1 });

    const [order1] = await purchasesOf(sukru.id);
    // 2 × 1.234,50 = 2.469,00 (+ 493,80 KDV); 1,5 × 12,40 = 18,60 (+ 3,72 KDV).
    expect(order1).toMatchObject({ externalRef: r1, status: 'paid', currency: 'TRY', subtotalMinor: 248760, vatMinor: 49752, totalMinor: 298512 });
    expect(order1!.orderedAt.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(order1!.items.map((i) => [i.name, i.quantityMilli, i.unitPriceMinor, i.vatRateBp])).toEqual([
      ['Çiçek buketi (büyük)', 2000, 123450, 2000],
      ['Kurdele, ipek', 1500, 1240, 2000],
    ]);
    expect(await summary(sukru.id)).toEqual({ ltv: 298512, count: 1, last: new Date('2026-03-01T12:00:00.000Z') });

    const [order2] = await purchasesOf(ayse.id);
    expect(order2).toMatchObject({ externalRef: r2, totalMinor: 32967, orderedAt: new Date('2026-03-02T12:00:00.000Z') });
    expect(await summary(ayse.id)).toMatchObject({ ltv: 32967, count: 1 });

    // "10.000" is ten thousand lira; 14:30 in Istanbul is 11:30 UTC; a pending order is not yet money received.
    const [order3] = await purchasesOf(ilker.id);
    expect(order3).toMatchObject({ externalRef: r3, status: 'pending', subtotalMinor: 1_000_000, totalMinor: 1_200_000 });
    expect(order3!.orderedAt.toISOString()).toBe('2026-03-05T11:30:00.000Z');
    expect(await summary(ilker.id)).toMatchObject({ ltv: 0, count: 0 });
  });

  it('reports bad rows with row number, column and reason, imports the good orders, and never writes half an order', async () => {
    const db = getDb();
    const known = await insertTestCustomer(db, ctx.businessId, { name: 'Bilinen Müşteri', emails: [`bilinen.${ref('m')}@example.test`] });
    const email = (await db.select({ emails: customers.emails }).from(customers).where(eq(customers.id, known.id)))[0]!.emails[0]!;
    const [good, split, unknown, mixed] = [ref('OK'), ref('SPLIT'), ref('UNK'), ref('MIX')];
    const file = csvFile([
      'order ref,email,customer,order date,item,quantity,unit price,vat rate,status,currency',
      `${good},${email},,2026-04-01,Widget,2,"1,234.50",20,paid,`, // row 2: good
      `${split},${email},,2026-04-02,Good line,1,100,20,,`, // row 3: its order has a bad row
      `${split},${email},,2026-04-02,Bad line,abc,100,20,,`, // row 4: bad quantity
      `${unknown},nobody@example.test,,2026-04-03,Thing,1,5,20,,`, // row 5: unknown customer
      `${ref('DATE')},${email},,31.02.2026,Thing,1,5,20,,`, // row 6: no such date
      `${ref('NUM')},${email},,2026-04-04,Thing,1,"12,345",200,,`, // row 7: VAT 200%
      `${mixed},${email},,2026-04-05,One,1,5,20,,`, // row 8
      `${mixed},${email},,2026-04-06,Two,1,5,20,,`, // row 9: another date in the same order
      `${ref('STAT')},${email},,2026-04-07,Thing,1,5,20,shipped,XYZ`, // row 10: status and currency
      `,${email},,2026-04-08,No reference,1,5,20,,`, // row 11
    ]);
    const result = await importFile(file);
    expect(result).toMatchObject({ rows: 10, created: 1, existing: 0, importedRows: 1, failedRows: 9 });
    expect(result.failedOrders).toBe(6);
    const errors = result.errors.map((e) => [e.row, e.field, e.reason]);
    expect(errors).toEqual([
      [3, 'orderRef', 'orderHasErrors'],
      [4, 'quantity', 'invalidQuantity'],
      [5, 'email', 'customerNotFound'],
      [6, 'orderedAt', 'invalidDate'],
      [7, 'vatRate', 'invalidVatRate'],
      [8, 'orderRef', 'orderHasErrors'],
      [9, 'orderedAt', 'orderMismatch'],
      [10, 'status', 'invalidStatus'],
      [10, 'currency', 'invalidCurrency'],
      [11, 'orderRef', 'required'],
    ]);
    expect(result.errors.find((e) => e.row === 4)).toMatchObject({ value: 'abc' });
    expect(result.errors.find((e) => e.row === 9)).toMatchObject({ otherRow: 8 });

    const written = await purchasesOf(known.id);
    expect(written.map((p) => p.externalRef)).toEqual([good]);
    expect(written[0]).toMatchObject({ subtotalMinor: 246900, totalMinor: 296280 });
    expect(await summary(known.id)).toMatchObject({ ltv: 296280, count: 1 });
    // Neither half of the split order was written.
    expect(await db.select().from(purchases).where(and(eq(purchases.businessId, ctx.businessId), eq(purchases.externalRef, split)))).toEqual([]);
  });

  it('adds nothing when the same file is imported again, and leaves the lifetime value as it was', async () => {
    const db = getDb();
    const c = await insertTestCustomer(db, ctx.businessId, { name: `Tekrar ${ref('c')}` });
    const [a, b] = [ref('R-1'), ref('R-2')];
    const file = csvFile([
      'Sipariş no;Müşteri;Tarih;Ürün;Adet;Fiyat;KDV',
      `${a};${c.name};10.05.2026;Kahve;2;45,00;10`,
      `${a};${c.name};10.05.2026;Kurabiye;1;20;10`,
      `${b};${c.name};11.05.2026;Kahve;1;45;10`,
    ]);
    const first = await importFile(file);
    expect(first).toMatchObject({ created: 2, existing: 0, importedRows: 3 });
    const after = await summary(c.id);
    expect(after).toMatchObject({ ltv: 17050, count: 2 });

    const again = await importFile(file);
    expect(again).toMatchObject({ rows: 3, created: 0, existing: 2, importedRows: 0, failedRows: 0, errors: [] });
    const rows = await purchasesOf(c.id);
    expect(rows).toHaveLength(2);
    expect(rows.flatMap((p) => p.items)).toHaveLength(3);
    expect(await summary(c.id)).toEqual(after);

    // Two uploads at once still record each order once (the reference is unique per business).
    const [c2] = [await insertTestCustomer(db, ctx.businessId, { name: `Yarış ${ref('c')}` })];
    const race = csvFile(['Sipariş no;Müşteri;Tarih;Ürün;Adet;Fiyat;KDV', `${ref('RACE')};${c2!.name};12.05.2026;Çay;1;10;0`]);
    const both = await Promise.all([importFile(race), importFile(race)]);
    expect(both.map((r) => r.created).sort()).toEqual([0, 1]);
    expect(both.map((r) => r.existing).sort()).toEqual([0, 1]);
    expect(await purchasesOf(c2!.id)).toHaveLength(1);
  });

  it('refuses a file without the needed columns, or too large to import in one go', async () => {
    const missing = await runOperation(importPurchasesOperation, ctx, { file: csvFile(['Müşteri;Ürün', 'A;B']) });
    expect(missing).toMatchObject({ ok: false, code: 'VALIDATION', message: 'purchases.import.errors.missingColumns', fields: { file: 'purchaseImportColumns' } });
    const lines = ['Sipariş no;Müşteri;Tarih;Ürün;Adet;Fiyat;KDV', ...Array.from({ length: 3001 }, (_, i) => `X-${i};A;01.01.2026;B;1;1;0`)];
    const tooMany = await runOperation(importPurchasesOperation, ctx, { file: csvFile(lines) });
    expect(tooMany).toMatchObject({ ok: false, code: 'VALIDATION', message: 'purchases.import.errors.tooManyRows' });
    expect(await runOperation(importPurchasesOperation, ctx, {})).toMatchObject({ ok: false, code: 'VALIDATION', fields: { file: 'required' } });
  });

  it('is refused to roles without the purchases create permission and to users of another business', async () => {
    const db = getDb();
    const c = await insertTestCustomer(db, ctx.businessId, { name: `Yetki ${ref('c')}` });
    const line = (r: string) => csvFile(['Sipariş no;Müşteri;Tarih;Ürün;Adet;Fiyat;KDV', `${r};${c.name};01.06.2026;Ürün;1;10;20`]);
    for (const role of ['support', 'member', 'viewer'] as const) {
      const person = await addPersonnel(db, ctx.businessId, { role });
      const roleCtx = await contextFor(db, person.user!.id, slug);
      expect(await runOperation(importPurchasesOperation, roleCtx, { file: line(ref(role)) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const sales = await addPersonnel(db, ctx.businessId, { role: 'sales' });
    expect(await importFile(line(ref('sales')), await contextFor(db, sales.user!.id, slug))).toMatchObject({ created: 1 });
    expect(await purchasesOf(c.id)).toHaveLength(1);

    // Another business's owner gets no context for this business's slug, and importing into its
    // own business cannot reach this business's customers.
    const stranger = await createUser(db);
    const theirs = await createTestBusiness(db, stranger, { name: 'Başka İşletme' });
    await expect(loadBusinessContext(db, stranger.id, slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const theirCtx = await contextFor(db, stranger.id, theirs.slug);
    const foreign = await importFile(line(ref('foreign')), theirCtx);
    expect(foreign).toMatchObject({ created: 0, failedRows: 1, errors: [{ row: 2, field: 'customer', reason: 'customerNotFound' }] });
    expect(await purchasesOf(c.id)).toHaveLength(1);
  });
});

describe('parseOrderDate', () => {
  it('reads day-first and ISO dates, with a time in the business’s zone, and refuses dates that do not exist', () => {
    expect(parseOrderDate('01.03.2026', 'Europe/Istanbul')).toBe('2026-03-01');
    expect(parseOrderDate('1/3/2026', 'Europe/Istanbul')).toBe('2026-03-01');
    expect(parseOrderDate('2026-03-01', 'Europe/Istanbul')).toBe('2026-03-01');
    expect(parseOrderDate('01.03.2026 09:15', 'Europe/Istanbul')).toEqual(new Date('2026-03-01T06:15:00Z'));
    expect(parseOrderDate('2026-03-01T09:15:00Z', 'Europe/Istanbul')).toEqual(new Date('2026-03-01T09:15:00Z'));
    for (const bad of ['29.02.2026', '2026-13-01', '01.03.26', 'yarın', '01.03.2026 25:00']) expect(parseOrderDate(bad, 'Europe/Istanbul')).toBeNull();
  });
});
