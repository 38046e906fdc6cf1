import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { auditLog, customerNotes, customerTags, customers, purchases } from '@/server/db/schema';
import { interactionCustomers, interactions } from '@/server/db/schema/interactions';
import { reminders } from '@/server/db/schema/reminders';
import { newId } from '@/lib/ids';
import { turkishSortKey } from '@/lib/text';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertCustomersBulk, insertTestCustomer } from '../../../tests/factories/customers';
import { countCustomers, findCustomers, findLikelyDuplicates, findNotes, getCustomer } from './queries';
import {
  createCustomerOperation,
  createNoteOperation,
  createSegmentOperation,
  createTagOperation,
  deleteCustomerOperation,
  deleteNoteOperation,
  mergeCustomersOperation,
  tagCustomersOperation,
  updateCustomerOperation,
  updateNoteOperation,
} from './operations';
import { createCustomerSchema, listCustomersSchema } from './schemas';
import { customersCsvResponse } from './http';
import { parse } from 'csv-parse/sync';
import { createApiKey } from '@/modules/api-keys/mutations';
import { apiCall } from '../../../tests/api';

afterAll(closeDb);

async function setup() {
  const db = getDb();
  const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, owner, { name: `Müşteri Testi ${newId().slice(-6)}` });
  const ctx = await contextFor(db, owner.id, business.slug);
  return { db, owner, business, ctx };
}

async function create(ctx: Awaited<ReturnType<typeof setup>>['ctx'], input: Record<string, unknown>): Promise<string> {
  const res = await runOperation(createCustomerOperation, ctx, input);
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data.id;
}

describe('customers', () => {
  it('normalises Turkish phone formats to E.164 and refuses what is not a phone', () => {
    const parsed = createCustomerSchema.parse({ name: 'Ali', phones: ['0532 123 45 67', '+90 532 123 45 68', '5321234569', '(0212) 555 12 12', ''] });
    expect(parsed.phones).toEqual(['+905321234567', '+905321234568', '+905321234569', '+902125551212']);
    expect(createCustomerSchema.safeParse({ name: 'Ali', phones: ['12'] }).success).toBe(false);
    expect(createCustomerSchema.parse({ name: 'Ali', emails: ['Ali@Example.TEST', 'ali@example.test'] }).emails).toEqual(['ali@example.test']);
  });

  it('finds a company and its people by name, e-mail, phone or company, ignoring case and Turkish letters', async () => {
    const { db, ctx } = await setup();
    const companyId = await create(ctx, { kind: 'company', name: 'A Şirketi', taxNumber: '1234567890' });
    const personId = await create(ctx, { name: 'Işıl Güneş', companyId, jobTitle: 'Müdür', emails: ['isil@ornek.test'], phones: ['0532 111 22 33'] });
    await create(ctx, { name: 'Başka Biri' });
    const ids = async (search: string) => (await findCustomers(db, ctx, { filters: { search } })).data.map((c) => c.id).sort();
    for (const q of ['sirket', 'ŞİRKET', 'şirket', 'a sirketi', 'A ŞİRKETİ']) expect(await ids(q), q).toEqual([companyId, personId].sort());
    expect(await ids('ISIL')).toEqual([personId]);
    expect(await ids('ışıl')).toEqual([personId]);
    expect(await ids('isil@ornek')).toEqual([personId]);
    expect(await ids('0532 111 22 33')).toEqual([personId]);
    expect(await ids('5321112233')).toEqual([personId]);
    expect(await ids('100%_')).toEqual([]);

    // Renaming the company rewrites its people's search text in the same transaction.
    const company = await getCustomer(db, ctx, companyId);
    const renamed = await runOperation(updateCustomerOperation, ctx, { ...company, name: 'Çınar Yapı', version: company.version });
    expect(renamed.ok).toBe(true);
    expect(await ids('cinar')).toEqual([companyId, personId].sort());
    expect(await ids('sirket')).toEqual([]);
    expect((await getCustomer(db, ctx, personId)).companyName).toBe('Çınar Yapı');
  });

  it('sorts names in Turkish alphabetical order', async () => {
    const { db, business, ctx } = await setup();
    const names = ['Zeynep', 'çiçek', 'Cem', 'İlker', 'Irmak', 'ılgın', 'Şule', 'Selim', 'Öykü', 'Oya', 'Ümit', 'Ufuk', 'Gül', 'Ğ', 'Derya'];
    await insertCustomersBulk(db, business.id, names.map((name) => ({ name })));
    const page = await findCustomers(db, ctx, { sort: 'name', limit: 100 });
    expect(page.data.map((c) => c.name)).toEqual(['Cem', 'çiçek', 'Derya', 'Gül', 'Ğ', 'ılgın', 'Irmak', 'İlker', 'Oya', 'Öykü', 'Selim', 'Şule', 'Ufuk', 'Ümit', 'Zeynep']);
    const desc = await findCustomers(db, ctx, { sort: 'name', dir: 'desc', limit: 100 });
    expect(desc.data.map((c) => c.name)).toEqual(page.data.map((c) => c.name).reverse());
    expect(turkishSortKey('ısık') < turkishSortKey('ilik')).toBe(true);
  });

  it('pages with a keyset cursor, without duplicates or gaps, for every sort', async () => {
    const { db, business, ctx } = await setup();
    const base = Date.UTC(2025, 0, 1);
    // Equal sort values on purpose: the id breaks the ties.
    const rows = Array.from({ length: 257 }, (_, i) => ({
      name: `Kişi ${String(i % 40).padStart(2, '0')}`,
      lifetimeValueMinor: (i % 7) * 1000,
      lastInteractionAt: i % 3 === 0 ? null : new Date(base + (i % 11) * 86_400_000),
      createdAt: new Date(base + (i % 13) * 1000),
    }));
    const all = await insertCustomersBulk(db, business.id, rows);
    expect(await countCustomers(db, ctx)).toBe(257);
    for (const sort of ['name', 'created', 'lifetimeValue', 'lastInteraction'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await findCustomers(db, ctx, { sort, dir, cursor, limit: 30 });
          seen.push(...page.data.map((c) => c.id));
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor);
        expect(pages, `${sort} ${dir}`).toBe(9);
        expect(new Set(seen).size, `${sort} ${dir}`).toBe(257);
        expect([...seen].sort()).toEqual([...all].sort());
        // The pages concatenated are the one-query order.
        const whole = await findCustomers(db, ctx, { sort, dir, limit: 300 });
        expect(seen).toEqual(whole.data.map((c) => c.id));
      }
    }
    await expect(findCustomers(db, ctx, { sort: 'created', cursor: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('filters by tags, status, owner, city, value and dates, and counts segments live', async () => {
    const { db, business, ctx } = await setup();
    const ids = await insertCustomersBulk(db, business.id, [
      { name: 'Ahmet', city: 'İstanbul', status: 'active', lifetimeValueMinor: 50_000, ownerId: ctx.personnelId },
      { name: 'Burak', city: 'Ankara', status: 'lead', lifetimeValueMinor: 0 },
      { name: 'Cansu', city: 'istanbul', status: 'lost', lifetimeValueMinor: 200_000, lastPurchaseAt: new Date('2025-03-10T10:00:00Z') },
    ]);
    const tag = await runOperation(createTagOperation, ctx, { name: 'VIP', color: 'red' });
    if (!tag.ok) throw new Error('tag');
    await runOperation(tagCustomersOperation, ctx, { customerIds: [ids[0], ids[2]], tagId: tag.data.id });
    const names = async (filters: object) => (await findCustomers(db, ctx, { filters })).data.map((c) => c.name);
    expect(await names({ tagIds: [tag.data.id] })).toEqual(['Ahmet', 'Cansu']);
    expect(await names({ statuses: ['lead', 'lost'] })).toEqual(['Burak', 'Cansu']);
    expect(await names({ ownerIds: [ctx.personnelId] })).toEqual(['Ahmet']);
    expect(await names({ ownerIds: [null] })).toEqual(['Burak', 'Cansu']);
    expect(await names({ cities: ['İSTANBUL'] })).toEqual(['Ahmet', 'Cansu']);
    expect(await names({ lifetimeValueMin: 10_000, lifetimeValueMax: 100_000 })).toEqual(['Ahmet']);
    expect(await names({ lastPurchaseFrom: '2025-03-10', lastPurchaseTo: '2025-03-10' })).toEqual(['Cansu']);
    expect(await names({ lastPurchaseFrom: '2025-03-11' })).toEqual([]);

    const seg = await runOperation(createSegmentOperation, ctx, { name: 'Değerli', filters: { tagIds: [tag.data.id], lifetimeValueMin: 100_000 } });
    expect(seg.ok).toBe(true);
    if (!seg.ok) return;
    expect((await findCustomers(db, ctx, { segmentId: seg.data.id })).data.map((c) => c.name)).toEqual(['Cansu']);
    await db.update(customers).set({ lifetimeValueMinor: 150_000 }).where(eq(customers.id, ids[0]!));
    expect(await countCustomers(db, ctx, { segmentId: seg.data.id })).toBe(2);
  });

  it('points out likely duplicates by e-mail, phone or a similar name', async () => {
    const { db, ctx } = await setup();
    const a = await create(ctx, { name: 'Mehmet Öztürk', emails: ['mehmet@ornek.test'], phones: ['0532 999 88 77'] });
    await create(ctx, { name: 'Zehra Kaya' });
    const byEmail = await findLikelyDuplicates(db, ctx, { emails: ['MEHMET@ornek.test'] });
    expect(byEmail).toMatchObject([{ id: a, reasons: ['email'] }]);
    expect(await findLikelyDuplicates(db, ctx, { phones: ['+90 532 999 8877'] })).toMatchObject([{ id: a, reasons: ['phone'] }]);
    expect(await findLikelyDuplicates(db, ctx, { name: 'mehmet ozturk' })).toMatchObject([{ id: a, reasons: ['name'] }]);
    expect(await findLikelyDuplicates(db, ctx, { name: 'Mehmet Öztürkk' })).toMatchObject([{ id: a }]);
    expect(await findLikelyDuplicates(db, ctx, { name: 'Ahmet Demir' })).toEqual([]);
    expect(await findLikelyDuplicates(db, ctx, { name: 'Mehmet Öztürk', excludeId: a })).toEqual([]);
    // A duplicate warns; it does not stop the save.
    expect((await runOperation(createCustomerOperation, ctx, { name: 'Mehmet Ozturk', emails: ['mehmet@ornek.test'] })).ok).toBe(true);
  });

  it('merges two records into one and loses nothing', async () => {
    const { db, business, ctx } = await setup();
    const companyA = await create(ctx, { kind: 'company', name: 'Deniz Ltd' });
    const companyB = await create(ctx, { kind: 'company', name: 'Deniz Limited', city: 'İzmir', emails: ['info@deniz.test'] });
    const employee = await insertTestCustomer(db, business.id, { name: 'Çalışan', companyId: companyB });
    const tag1 = await runOperation(createTagOperation, ctx, { name: 'Toptan' });
    const tag2 = await runOperation(createTagOperation, ctx, { name: 'Sadık' });
    if (!tag1.ok || !tag2.ok) throw new Error('tags');
    await runOperation(tagCustomersOperation, ctx, { customerIds: [companyA, companyB], tagId: tag1.data.id });
    await runOperation(tagCustomersOperation, ctx, { customerIds: [companyB], tagId: tag2.data.id });
    await runOperation(createNoteOperation, ctx, { customerId: companyB, body: 'B notu' });
    const b = business.id;
    await db.insert(purchases).values([
      { businessId: b, id: newId(), customerId: companyA, orderedAt: new Date('2025-01-01'), currency: 'TRY', subtotalMinor: 1000, vatMinor: 200, totalMinor: 1200 },
      { businessId: b, id: newId(), customerId: companyB, orderedAt: new Date('2025-02-01'), currency: 'TRY', subtotalMinor: 5000, vatMinor: 1000, totalMinor: 6000 },
      // Another currency is counted but not summed: there is no exchange rate to add it with.
      { businessId: b, id: newId(), customerId: companyB, orderedAt: new Date('2025-01-15'), currency: 'EUR', subtotalMinor: 100, vatMinor: 20, totalMinor: 120 },
    ]);
    const interactionId = newId();
    await db.insert(interactions).values({ businessId: b, id: interactionId, type: 'call', occurredAt: new Date('2025-04-01') });
    await db.insert(interactionCustomers).values({ businessId: b, interactionId, customerId: companyB, occurredAt: new Date('2025-04-01') });
    const reminderId = newId();
    await db.insert(reminders).values({ businessId: b, id: reminderId, title: 'Ara', dueAt: new Date('2026-01-01'), customerId: companyB });

    const merged = await runOperation(mergeCustomersOperation, ctx, { survivorId: companyA, otherId: companyB });
    expect(merged).toMatchObject({ ok: true, message: 'customers.merged' });
    await expect(getCustomer(db, ctx, companyB)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const survivor = await getCustomer(db, ctx, companyA);
    expect(survivor).toMatchObject({
      name: 'Deniz Ltd',
      city: 'İzmir',
      emails: ['info@deniz.test'],
      lifetimeValueMinor: 7200,
      purchaseCount: 3,
      lastPurchaseAt: new Date('2025-02-01'),
      lastInteractionAt: new Date('2025-04-01'),
    });
    expect(survivor.tags.map((t) => t.name).sort()).toEqual(['Sadık', 'Toptan']);
    expect((await findNotes(db, ctx, companyA)).map((n) => n.body)).toEqual(['B notu']);
    expect(await db.select().from(interactionCustomers).where(eq(interactionCustomers.interactionId, interactionId))).toMatchObject([{ customerId: companyA }]);
    expect((await db.select().from(reminders).where(eq(reminders.id, reminderId)))[0]?.customerId).toBe(companyA);
    expect((await getCustomer(db, ctx, employee.id)).companyId).toBe(companyA);
    expect((await findCustomers(db, ctx, { filters: { search: 'deniz ltd' } })).data.map((c) => c.id)).toContain(employee.id);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.businessId, b), eq(auditLog.action, 'merge')));
    expect(audit).toMatchObject([{ entityId: companyA, meta: { mergedId: companyB } }]);
    expect(await db.select().from(customerTags).where(eq(customerTags.customerId, companyB))).toEqual([]);
  });

  it('refuses a stale version with CONFLICT and keeps the newer write', async () => {
    const { db, ctx } = await setup();
    const id = await create(ctx, { name: 'Sürüm Testi' });
    const first = await getCustomer(db, ctx, id);
    const ok = await runOperation(updateCustomerOperation, ctx, { ...first, city: 'Bursa', version: first.version });
    expect(ok).toMatchObject({ ok: true, data: { version: 2 } });
    const stale = await runOperation(updateCustomerOperation, ctx, { ...first, city: 'Konya', version: first.version });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await getCustomer(db, ctx, id)).city).toBe('Bursa');
  });

  it('lets sales delete only the customers they own, and writes an audit entry without personal data', async () => {
    const { db, business, ctx } = await setup();
    const sales = await addPersonnel(db, business.id, { role: 'sales' });
    const salesCtx = await contextFor(db, sales.user!.id, business.slug);
    const mine = await create(ctx, { name: 'Satışçının Müşterisi', ownerId: sales.personnelId });
    const theirs = await create(ctx, { name: 'Başkasının Müşterisi', ownerId: ctx.personnelId });
    expect(await runOperation(deleteCustomerOperation, salesCtx, { id: theirs })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(mergeCustomersOperation, salesCtx, { survivorId: mine, otherId: theirs })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await getCustomer(db, ctx, theirs)).name).toBe('Başkasının Müşterisi');
    expect(await runOperation(deleteCustomerOperation, salesCtx, { id: mine })).toMatchObject({ ok: true, message: 'customers.deleted' });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, mine), eq(auditLog.action, 'delete')));
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toContain('Satışçının');
    // Sales may still edit anyone's customer (U is not limited to own).
    const other = await getCustomer(db, ctx, theirs);
    expect((await runOperation(updateCustomerOperation, salesCtx, { ...other, city: 'Adana' })).ok).toBe(true);
    // Marketing reads customers but may not change them.
    const marketing = await addPersonnel(db, business.id, { role: 'marketing' });
    const mCtx = await contextFor(db, marketing.user!.id, business.slug);
    expect(await runOperation(createCustomerOperation, mCtx, { name: 'X' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await runOperation(createTagOperation, mCtx, { name: 'Kampanya' })).ok).toBe(true);
  });

  it('keeps notes pinned on top, and lets their authors edit and delete them', async () => {
    const { db, business, ctx } = await setup();
    const id = await create(ctx, { name: 'Not Testi' });
    const n1 = await runOperation(createNoteOperation, ctx, { customerId: id, body: 'ilk' });
    await runOperation(createNoteOperation, ctx, { customerId: id, body: 'sabit', pinned: true });
    await runOperation(createNoteOperation, ctx, { customerId: id, body: 'son' });
    expect((await findNotes(db, ctx, id)).map((n) => n.body)).toEqual(['sabit', 'son', 'ilk']);
    if (!n1.ok) throw new Error('note');
    const member = await addPersonnel(db, business.id, { role: 'member' });
    const memberCtx = await contextFor(db, member.user!.id, business.slug);
    expect(await runOperation(updateNoteOperation, memberCtx, { id: n1.data.id, body: 'x', version: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(updateNoteOperation, ctx, { id: n1.data.id, body: 'ilk (düzeltildi)', version: 1 })).toMatchObject({ ok: true });
    expect(await runOperation(deleteNoteOperation, ctx, { id: n1.data.id })).toMatchObject({ ok: true });
    expect(await db.select().from(customerNotes).where(eq(customerNotes.id, n1.data.id))).toEqual([]);
  });

  it('serves customers and tags over the API, with 409 on a stale version', async () => {
    const { db, ctx } = await setup();
    const { key } = await createApiKey(db, ctx, { name: 'Müşteri anahtarı', role: 'admin', expiresAt: null });
    const created = await apiCall('POST', '/customers', { key }, { kind: 'company', name: 'Ödeme Şirketi', phones: ['0212 555 12 12'] });
    expect(created).toMatchObject({ status: 201, json: { name: 'Ödeme Şirketi', phones: ['+902125551212'], version: 1 } });
    const id = (created.json as { id: string }).id;
    const tag = await apiCall('POST', '/tags', { key }, { name: 'Kurumsal', color: 'indigo' });
    expect(tag.status).toBe(201);
    const list = await apiCall('GET', `/customers?search=${encodeURIComponent('odeme')}&kind=company`, { key });
    expect(list).toMatchObject({ status: 200, json: { data: [{ id, name: 'Ödeme Şirketi' }], nextCursor: null } });
    expect((await apiCall('PATCH', `/customers/${id}`, { key }, { city: 'İstanbul', version: 1 })).status).toBe(200);
    const stale = await apiCall('PATCH', `/customers/${id}`, { key }, { city: 'Ankara', version: 1 });
    expect(stale.status).toBe(409);
    expect((await apiCall('GET', `/customers/${id}`, { key })).json).toMatchObject({ city: 'İstanbul', version: 2 });
    expect((await apiCall('POST', '/customers', { key }, { name: 'X', phones: ['12'] })).status).toBe(422);
    expect((await apiCall('DELETE', `/customers/${id}`, { key })).status).toBe(204);
    expect((await apiCall('GET', `/customers/${id}`, { key })).status).toBe(404);
  });

  it('searches 100,000 customers through the trigram index', async () => {
    const { db, business, ctx } = await setup();
    const words = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan'];
    const first = ['Ayşe', 'Mehmet', 'Fatma', 'Ali', 'Zeynep', 'Mustafa', 'Emine', 'Hüseyin', 'Hatice', 'İbrahim'];
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      name: `${first[i % 10]} ${words[Math.floor(i / 10) % 10]} ${i}`,
      emails: [`kisi${i}@ornek.test`],
      phones: [`+90532${String(1_000_000 + i).padStart(7, '0')}`],
    }));
    await insertCustomersBulk(db, business.id, rows);
    await db.execute(sql`analyze customers`);
    const started = performance.now();
    const page = await findCustomers(db, ctx, { filters: { search: 'ÇELİK 4242' } });
    const ms = performance.now() - started;
    expect(page.data.map((c) => c.name)).toEqual(['Fatma Çelik 4242']);
    const { rows: plan } = await db.execute<{ 'QUERY PLAN': string }>(
      sql`explain select id from customers where business_id = ${business.id} and search_text like '%celik 4242%' order by sort_name, id limit 101`,
    );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    console.info(`[customers] search of 100k: ${ms.toFixed(0)} ms\n${text}`);
    expect(text).toContain('customers_search_trgm_idx');
    const countStarted = performance.now();
    expect(await countCustomers(db, ctx, { filters: { search: 'sahin' } })).toBe(10_000);
    console.info(`[customers] count of 10k matches: ${(performance.now() - countStarted).toFixed(0)} ms`);
    // Ten consecutive keyset pages per sort, as the list loads them while scrolling.
    for (const sort of ['name', 'created', 'lifetimeValue', 'lastInteraction'] as const) {
      let cursor: string | undefined;
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        const page = await findCustomers(db, ctx, { sort, dir: 'desc', cursor, limit: 100 });
        times.push(performance.now() - t0);
        expect(page.data).toHaveLength(100);
        cursor = page.nextCursor!;
      }
      console.info(`[customers] 100k, sort ${sort}: pages in ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    }
  }, 120_000);
});

describe('customer CSV export', () => {
  const t = (key: string) => key;

  it('escapes cells a spreadsheet would run as formulas', async () => {
    const { db, business, ctx } = await setup();
    const evil = ['=HYPERLINK("http://evil.example","x")', '+SUM(1)', '-2+3', '@cmd', '\tTab', '\rCR'];
    for (const name of evil) await insertTestCustomer(db, business.id, { name, city: '=1+1' });
    const res = await customersCsvResponse(db, ctx, listCustomersSchema.parse({}), t, { delimiter: ',' });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(Buffer.from(bytes), { bom: true, delimiter: ',', relax_column_count: true }) as string[][];
    expect(rows).toHaveLength(evil.length + 1);
    const names = rows.slice(1).map((r) => r[0]);
    expect(names.sort()).toEqual(evil.map((n) => `'${n}`).sort());
    for (const row of rows.slice(1)) expect(row[6]).toBe(`'=1+1`);
  });

  it('answers an error when the first page fails, and fails the download when a later page does', async () => {
    const { db, business, ctx } = await setup();
    for (const name of ['Ada', 'Bora', 'Cem']) await insertTestCustomer(db, business.id, { name });
    let calls = 0;
    const failingAt = (n: number): ((...args: Parameters<typeof findCustomers>) => ReturnType<typeof findCustomers>) => async (...args) => {
      calls += 1;
      if (calls === n) throw new Error('page read failed');
      return findCustomers(...args);
    };
    const input = listCustomersSchema.parse({});
    const all = await customersCsvResponse(db, ctx, input, t, { pageSize: 1 });
    expect((await all.text()).trim().split('\r\n')).toHaveLength(4);

    calls = 0;
    await expect(customersCsvResponse(db, ctx, input, t, { pageSize: 1, find: failingAt(1) })).rejects.toThrow('page read failed');

    calls = 0;
    const broken = await customersCsvResponse(db, ctx, input, t, { pageSize: 1, find: failingAt(2) });
    await expect(broken.text()).rejects.toThrow();
  });
});
