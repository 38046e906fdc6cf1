/**
 * The customer CSV import against the real database: encodings and separators as Turkish and
 * other spreadsheets write them, bad rows next to good ones, a crash in the middle, and the three
 * ways of treating duplicates.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { customers, imports } from '@/server/db/schema';
import type { Ctx } from '@/server/auth/context';
import { getBoss, stopBoss } from '@/server/jobs/boss';
import { runOperation } from '@/server/actions/operation';
import { searchText } from '@/lib/text';
import { contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { detectDelimiter, detectEncoding, readCsv } from './csv';
import { CUSTOMER_IMPORT_QUEUE } from './job';
import { handleCustomerImportJob } from './jobs';
import { runCustomerImport, startImport, uploadImport } from './mutations';
import { findImportErrors, getImport, previewImport } from './queries';
import { guessMapping, type DuplicateMode } from './schemas';
import { startImportOperation, uploadImportOperation } from './operations';

let ctx: Ctx;

async function newBusiness(): Promise<Ctx> {
  const db = getDb();
  const owner = await createUser(db);
  const business = await createTestBusiness(db, owner);
  return contextFor(db, owner.id, business.slug);
}

beforeAll(async () => {
  ctx = await newBusiness();
});
afterAll(async () => {
  await stopBoss();
  await closeDb();
});

const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
const cp1254 = (text: string) => iconv.encode(text, 'windows-1254');

/** Uploads, starts with the guessed mapping and runs the job function to the end. */
async function importFile(c: Ctx, bytes: Uint8Array, mode: DuplicateMode = 'skip', name = 'musteriler.csv') {
  const db = getDb();
  const { id } = await uploadImport(db, c, { name, bytes });
  const imp = await getImport(db, c, id);
  await startImport(db, c, { id, mapping: imp.fields, duplicateMode: mode });
  expect(await runCustomerImport(db, { businessId: c.businessId, importId: id })).toBe('done');
  return { id, imp: await getImport(db, c, id), errors: await findImportErrors(db, c, id) };
}

async function customersOf(c: Ctx) {
  return getDb().select().from(customers).where(eq(customers.businessId, c.businessId));
}

describe('reading the file', () => {
  const text = 'Ad Soyad;E-posta;Telefon;Şirket;Şehir\nŞükrü Çağlayan;SUKRU@Example.com;0532 123 45 67;Öztürk Gıda Ltd. Şti.;İzmir\n';

  it('tells Windows-1254 from UTF-8 with and without a BOM, and `;` from `,`', () => {
    expect(detectEncoding(cp1254(text))).toBe('windows-1254');
    expect(detectEncoding(utf8Bom(text))).toBe('utf-8-bom');
    expect(detectEncoding(Buffer.from(text))).toBe('utf-8');
    expect(detectDelimiter(text)).toBe(';');
    expect(detectDelimiter('Name,Email,Phone\n"Yılmaz, Ayşe",a@b.co,0532 000 00 00\n')).toBe(',');
    expect(detectDelimiter('"A;B",C,D\n1,2,3\n')).toBe(',');
    const read = readCsv(cp1254(text));
    expect(read.headers).toEqual(['Ad Soyad', 'E-posta', 'Telefon', 'Şirket', 'Şehir']);
    expect(read.records[0]!.cells[0]).toBe('Şükrü Çağlayan');
    expect(read.records[0]!.line).toBe(2);
  });

  it('guesses the mapping from Turkish and English headers', () => {
    expect(guessMapping(['Ad Soyad', 'E-posta', 'Telefon', 'Şirket', 'Şehir', 'Vergi No', 'Bilinmeyen'])).toEqual([
      'name', 'email', 'phone', 'company', 'city', 'taxNumber', null,
    ]);
    expect(guessMapping(['First name', 'Last Name', 'Email', 'Mobile', 'Company', 'City', 'Notes'])).toEqual([
      'firstName', 'lastName', 'email', 'phone', 'company', 'city', 'notes',
    ]);
    expect(guessMapping(['ADI', 'SOYADI', 'E-POSTA', 'CEP TELEFONU', 'FİRMA', 'İL'])).toEqual([
      'firstName', 'lastName', 'email', 'phone', 'company', 'city',
    ]);
  });
});

describe('importing', () => {
  it.each([
    ['Windows-1254 with ;', (t: string) => cp1254(t), ';'],
    ['UTF-8 with BOM and ,', (t: string) => utf8Bom(t.replaceAll(';', ',')), ','],
    ['UTF-8 without BOM and ;', (t: string) => Buffer.from(t), ';'],
  ] as const)('%s: Turkish letters arrive intact, keys computed, phones E.164, e-mails lower-cased, companies linked', async (_label, encode, delimiter) => {
    const c = await newBusiness();
    const text =
      'Ad Soyad;E-posta;Telefon;Şirket;Şehir\r\n' +
      'Şükrü Çağlayan;SUKRU@Example.com;0532 123 45 67;Öztürk Gıda;İzmir\r\n' +
      'İlknur Işık;ilknur@example.com;+90 212 555 12 12;Öztürk Gıda;Iğdır\r\n' +
      'Ömer Güneş;omer@example.com;;;Muğla\r\n';
    const { imp, errors } = await importFile(c, encode(text));
    expect(imp.delimiter).toBe(delimiter);
    expect(errors).toEqual([]);
    expect(imp).toMatchObject({ status: 'done', totalRows: 3, nextRow: 3, createdCount: 3, failedCount: 0 });
    const rows = await customersOf(c);
    const company = rows.find((r) => r.kind === 'company')!;
    expect(company.name).toBe('Öztürk Gıda');
    const sukru = rows.find((r) => r.name === 'Şükrü Çağlayan')!;
    expect(sukru).toMatchObject({
      kind: 'person',
      emails: ['sukru@example.com'],
      phones: ['+905321234567'],
      city: 'İzmir',
      companyId: company.id,
      ownerId: c.personnelId,
      searchText: searchText(['Şükrü Çağlayan', 'Öztürk Gıda', 'sukru@example.com', '+905321234567']),
    });
    expect(rows.find((r) => r.name === 'İlknur Işık')).toMatchObject({ companyId: company.id, city: 'Iğdır', phones: ['+902125551212'] });
    expect(rows.find((r) => r.name === 'Ömer Güneş')).toMatchObject({ companyId: null, phones: [] });
    expect(rows).toHaveLength(4);
  });

  it('1,000 rows with 5 bad ones: 995 arrive, the 5 are reported with row, field and reason', async () => {
    const c = await newBusiness();
    const lines = ['Ad Soyad;E-posta;Telefon;Vergi No'];
    const bad = new Map<number, { field: string; message: string }>([
      [100, { field: 'email', message: 'email' }],
      [250, { field: 'phone', message: 'phone' }],
      [500, { field: 'name', message: 'required' }],
      [750, { field: 'taxNumber', message: 'taxNumber' }],
      [999, { field: 'email', message: 'email' }],
    ]);
    for (let i = 0; i < 1000; i++) {
      const phone = `0532 ${String(1000000 + i).slice(0, 3)} ${String(1000000 + i).slice(3, 5)} ${String(1000000 + i).slice(5, 7)}`;
      const row = [`Müşteri ${i}`, `musteri${i}@example.com`, phone, ''];
      if (i === 100) row[1] = 'not-an-email';
      if (i === 250) row[2] = '12';
      if (i === 500) row[0] = '';
      if (i === 750) row[3] = '12ab';
      if (i === 999) row[1] = 'a@@b';
      lines.push(row.join(';'));
    }
    const { imp, errors } = await importFile(c, Buffer.from(lines.join('\n')));
    expect(imp).toMatchObject({ status: 'done', totalRows: 1000, createdCount: 995, failedCount: 5, skippedCount: 0 });
    expect(errors.map((e) => ({ row: e.row, field: e.field, message: e.message }))).toEqual(
      [...bad].map(([i, e]) => ({ row: i + 2, ...e })),
    );
    expect(errors[0]!.value).toBe('not-an-email');
    expect(await customersOf(c)).toHaveLength(995);
  });

  it('a crash after a committed batch, or in the middle of one, imports no row twice', async () => {
    const c = await newBusiness();
    const db = getDb();
    const lines = ['Name,Email'];
    for (let i = 0; i < 1000; i++) lines.push(`Kişi ${i},kisi${i}@example.com`);
    const { id } = await uploadImport(db, c, { name: 'crash.csv', bytes: Buffer.from(lines.join('\n')) });
    await startImport(db, c, { id, mapping: (await getImport(db, c, id)).fields, duplicateMode: 'create' });
    const ids = { businessId: c.businessId, importId: id };

    // The process dies after the first batch committed…
    expect(await runCustomerImport(db, ids, { batchSize: 300, maxBatches: 1 })).toBe('paused');
    expect(await getImport(db, c, id)).toMatchObject({ status: 'running', nextRow: 300, createdCount: 300 });
    // …then the next delivery dies inside its second batch, before the commit…
    await expect(
      runCustomerImport(db, ids, {
        batchSize: 300,
        beforeCommit: (batch) => {
          if (batch === 1) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(await getImport(db, c, id)).toMatchObject({ nextRow: 600, createdCount: 600 });
    expect(await customersOf(c)).toHaveLength(600);
    // …and the retry finishes from there. Duplicate mode `create` would make a second copy of any
    // row imported twice, so the count proves each row arrived once.
    expect(await runCustomerImport(db, ids, { batchSize: 300 })).toBe('done');
    expect(await runCustomerImport(db, ids)).toBe('not-runnable');
    const rows = await customersOf(c);
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.emails[0])).size).toBe(1000);
    expect(await getImport(db, c, id)).toMatchObject({ status: 'done', nextRow: 1000, createdCount: 1000 });
  });

  it('two deliveries of the job at once take turns and still import each row once', async () => {
    const c = await newBusiness();
    const db = getDb();
    const lines = ['Ad Soyad;E-posta'];
    for (let i = 0; i < 1200; i++) lines.push(`Eş ${i};es${i}@example.com`);
    const { id } = await uploadImport(db, c, { name: 'twice.csv', bytes: Buffer.from(lines.join('\n')) });
    await startImport(db, c, { id, mapping: (await getImport(db, c, id)).fields, duplicateMode: 'create' });
    const ids = { businessId: c.businessId, importId: id };
    const results = await Promise.all([runCustomerImport(db, ids, { batchSize: 100 }), runCustomerImport(db, ids, { batchSize: 100 })]);
    expect(results).toContain('done');
    expect(await customersOf(c)).toHaveLength(1200);
  });

  it('duplicates by e-mail or phone: skip, update or create', async () => {
    const text =
      'Ad Soyad;E-posta;Telefon;Şehir\n' +
      'Ayşe Yılmaz;AYSE@example.com;;Ankara\n' + // same e-mail as the stored one
      'Ayşe Y.;;0532 999 88 77;Bursa\n' + // same phone
      'Yeni Kişi;yeni@example.com;;Adana\n' +
      'Yeni Kişi Tekrar;yeni@example.com;;Konya\n'; // a duplicate of the row above
    const outcomes: Record<string, unknown> = {};
    for (const mode of ['skip', 'update', 'create'] as const) {
      const c = await newBusiness();
      const stored = await insertTestCustomer(getDb(), c.businessId, { name: 'Ayşe Yılmaz', emails: ['ayse@example.com'], city: 'İstanbul' });
      const other = await insertTestCustomer(getDb(), c.businessId, { name: 'Ayşe Başka', phones: ['+905329998877'] });
      const { imp } = await importFile(c, Buffer.from(text), mode);
      const rows = await customersOf(c);
      outcomes[mode] = { created: imp.createdCount, updated: imp.updatedCount, skipped: imp.skippedCount, total: rows.length };
      if (mode === 'skip') {
        expect(rows.find((r) => r.id === stored.id)?.city).toBe('İstanbul');
      }
      if (mode === 'update') {
        const s = rows.find((r) => r.id === stored.id)!;
        expect(s).toMatchObject({ city: 'Ankara', emails: ['ayse@example.com'], version: 2 });
        expect(rows.find((r) => r.id === other.id)).toMatchObject({ name: 'Ayşe Y.', city: 'Bursa', phones: ['+905329998877'] });
        expect(rows.filter((r) => r.emails.includes('yeni@example.com'))).toEqual([expect.objectContaining({ name: 'Yeni Kişi Tekrar', city: 'Konya' })]);
      }
    }
    expect(outcomes).toEqual({
      skip: { created: 1, updated: 0, skipped: 3, total: 3 },
      update: { created: 1, updated: 3, skipped: 0, total: 3 },
      create: { created: 4, updated: 0, skipped: 0, total: 6 },
    });
  });

  it('a row the database refuses costs only itself: the batch is written again row by row', async () => {
    const c = await newBusiness();
    const db = getDb();
    // A rule the validation does not know, as a constraint added later might be: this business's
    // customers may not be called "Yasaklı …".
    const fn = `refuse_${c.businessId.replaceAll('-', '_')}`;
    await db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
        if new.business_id = '${c.businessId}' and new.name like 'Yasaklı%' then raise exception 'refused'; end if;
        return new; end $$`),
    );
    await db.execute(sql.raw(`create trigger ${fn} before insert on customers for each row execute function ${fn}()`));
    try {
      const text =
        'Ad Soyad;E-posta;Şirket\n' +
        'İyi Bir;iyi1@example.com;Ortak Firma\n' +
        'Yasaklı Biri;yasak@example.com;Ortak Firma\n' +
        'İyi İki;iyi2@example.com;\n' +
        'Yasaklı Firma Ltd;;\n';
      const { imp, errors } = await importFile(c, Buffer.from(text));
      expect(imp).toMatchObject({ status: 'done', createdCount: 2, failedCount: 2 });
      expect(errors.map((e) => [e.row, e.field, e.message])).toEqual([
        [3, '_', 'invalid'],
        [5, '_', 'invalid'],
      ]);
      const rows = await customersOf(c);
      expect(rows.map((r) => r.name).sort()).toEqual(['İyi Bir', 'İyi İki', 'Ortak Firma'].sort());
      expect(rows.find((r) => r.name === 'İyi Bir')?.companyId).toBe(rows.find((r) => r.name === 'Ortak Firma')?.id);
    } finally {
      await db.execute(sql.raw(`drop trigger ${fn} on customers`));
      await db.execute(sql.raw(`drop function ${fn}()`));
    }
  });

  it('links a company column to a stored company by name, Turkish case-insensitively', async () => {
    const c = await newBusiness();
    const company = await insertTestCustomer(getDb(), c.businessId, { name: 'IŞIK Yazılım', kind: 'company' });
    await importFile(c, Buffer.from('Ad;Soyad;Firma\nDeniz;Kaya;ışık yazılım\nCan;Demir;Yeni Firma A.Ş.\nCem;Ak;yeni firma a.ş.\n'));
    const rows = await customersOf(c);
    expect(rows.find((r) => r.name === 'Deniz Kaya')?.companyId).toBe(company.id);
    const made = rows.filter((r) => r.kind === 'company' && r.name === 'Yeni Firma A.Ş.');
    expect(made).toHaveLength(1);
    expect(rows.find((r) => r.name === 'Cem Ak')?.companyId).toBe(made[0]!.id);
  });

  it('previews the first rows as they will be imported, with problems and likely duplicates', async () => {
    const c = await newBusiness();
    const db = getDb();
    await insertTestCustomer(db, c.businessId, { name: 'Kayıtlı', emails: ['kayitli@example.com'] });
    const { id } = await uploadImport(db, c, { name: 'p.csv', bytes: Buffer.from('E-posta;Ad Soyad\nkayitli@example.com;Kayıtlı Kişi\nbozuk;Bozuk\n;Yeni\n') });
    const { rows, sample } = await previewImport(db, c, { id, mapping: ['email', 'name'] });
    expect(sample).toEqual(['kayitli@example.com', 'Kayıtlı Kişi']);
    expect(rows).toEqual([
      expect.objectContaining({ row: 2, duplicateOf: 'Kayıtlı', problems: [] }),
      expect.objectContaining({ row: 3, customer: null, problems: [{ field: 'email', message: 'email' }] }),
      expect.objectContaining({ row: 4, duplicateOf: null, customer: expect.objectContaining({ name: 'Yeni' }) }),
    ]);
  });

  it('refuses empty, oversized and non-CSV files, and a mapping without a name', async () => {
    const db = getDb();
    await expect(uploadImport(db, ctx, { name: 'e.csv', bytes: new Uint8Array() })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(uploadImport(db, ctx, { name: 'h.csv', bytes: Buffer.from('Ad Soyad;E-posta\n') })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(uploadImport(db, ctx, { name: 'b.csv', bytes: new Uint8Array(11 * 1024 * 1024) })).rejects.toMatchObject({ code: 'VALIDATION' });
    const up = await runOperation(uploadImportOperation, ctx, { file: new File(['Ad Soyad;E-posta\nA;a@b.co\n'], 'a.csv') });
    expect(up).toMatchObject({ ok: true });
    const id = (up as { data: { id: string } }).data.id;
    const noName = await runOperation(startImportOperation, ctx, { id, mapping: [null, 'email'], duplicateMode: 'skip' });
    expect(noName).toMatchObject({ ok: false, code: 'VALIDATION', fields: { mapping: 'mappingNoName' } });
    const wrongLength = await runOperation(startImportOperation, ctx, { id, mapping: ['name'], duplicateMode: 'skip' });
    expect(wrongLength).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('queues a pg-boss job with the start, which the worker function completes', async () => {
    const c = await newBusiness();
    const db = getDb();
    const { id } = await uploadImport(db, c, { name: 'job.csv', bytes: Buffer.from('Ad Soyad\nİş Kişisi\n') });
    const started = await runOperation(startImportOperation, c, { id, mapping: ['name'], duplicateMode: 'skip' });
    expect(started).toMatchObject({ ok: true });
    const [job] = await (await getBoss()).findJobs(CUSTOMER_IMPORT_QUEUE, { id });
    expect(job?.data).toEqual({ businessId: c.businessId, importId: id });
    await handleCustomerImportJob({ data: job!.data as never, retryCount: 0 });
    expect(await getImport(db, c, id)).toMatchObject({ status: 'done', createdCount: 1 });
    // Starting twice is refused.
    expect(await runOperation(startImportOperation, c, { id, mapping: ['name'], duplicateMode: 'skip' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(imports).where(and(eq(imports.businessId, c.businessId)));
    expect(stored?.n).toBe(1);
  });
});
