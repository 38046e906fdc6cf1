import 'server-only';
import { and, arrayOverlaps, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { customers, imports } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { publishEvent } from '@/server/events/publish';
import { readBusinessFile, removeBusinessFile, saveBusinessFile } from '@/server/files/storage';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { searchText, turkishSortKey } from '@/lib/text';
import { emitChange } from '@/server/events/domain';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readCsv, type CsvDelimiter, type CsvEncoding, type CsvRecord } from './csv';
import { enqueueCustomerImport } from './job';
import { insertCustomersInBulk, updateCustomerInBulk, type CustomerBulkFields, type NewCustomerRow } from '@/modules/customers';
import {
  guessMapping,
  mapCells,
  normalizeRow,
  type DuplicateMode,
  type ImportedCustomer,
  type ImportField,
  type ImportMapping,
} from './schemas';

/** One row that was not imported: its spreadsheet row number, the field, and why (a `validation.` key). */
export type ImportRowError = { row: number; field: ImportField | '_'; message: string; value?: string };

/** What `imports.mapping` holds: the file's headers and the field each column fills. */
export type StoredMapping = { headers: string[]; fields: (ImportField | null)[] };

/** Rows per transaction: big enough for multi-row INSERTs to pay off, small enough to lock briefly. */
export const IMPORT_BATCH_SIZE = 500;
/** The error report keeps this many rows; a file that is wrong throughout is counted, not copied. */
export const MAX_STORED_ERRORS = 10_000;

// ─── Upload and start ───────────────────────────────────────────────────────────────────────

/**
 * Stores an uploaded CSV under the business's files, with its encoding and separator detected, its
 * rows counted and a first mapping guessed from the headers. Nothing is imported yet.
 */
export async function uploadImport(db: Executor, ctx: Ctx, file: { name: string; bytes: Uint8Array }): Promise<{ id: string }> {
  if (file.bytes.byteLength === 0) throw new AppError('VALIDATION', 'errors.VALIDATION', { file: 'required' });
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError('VALIDATION', 'imports.errors.tooLarge', { file: 'importTooLarge' });
  const csv = readCsv(file.bytes);
  if (csv.records.length === 0) throw new AppError('VALIDATION', 'imports.errors.empty', { file: 'csvEmpty' });
  if (csv.records.length > MAX_IMPORT_ROWS) throw new AppError('VALIDATION', 'imports.errors.tooManyRows', { file: 'importTooManyRows' });
  if (csv.headers.length > 200) throw new AppError('VALIDATION', 'imports.errors.unreadable', { file: 'csvUnreadable' });
  const id = newId();
  const filePath = await saveBusinessFile(ctx.businessId, `import-${id}.csv`, file.bytes);
  const fileName = file.name.replace(/[\u0000-\u001f\\/]/g, '_').slice(0, 200) || 'import.csv';
  const mapping: StoredMapping = { headers: csv.headers.map((h) => h.replaceAll('\u0000', '')), fields: guessMapping(csv.headers) };
  try {
    await db.transaction(async (tx) => {
      await tx.insert(imports).values({
        businessId: ctx.businessId,
        id,
        kind: 'customers',
        status: 'uploaded',
        fileName,
        filePath,
        encoding: csv.encoding,
        delimiter: csv.delimiter,
        mapping,
        totalRows: csv.records.length,
        createdById: ctx.personnelId,
      });
      await emitChange(tx, ctx, { action: 'create', entityType: 'import', entityId: id, meta: { rows: csv.records.length } });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'import.created', id, actorUserId: ctx.userId });
    });
  } catch (err) {
    await removeBusinessFile(filePath);
    throw err;
  }
  return { id };
}

/** Saves the mapping and the duplicate rule and queues the import; the job is part of the commit. */
export async function startImport(
  db: Executor,
  ctx: Ctx,
  input: { id: string; mapping: ImportMapping; duplicateMode: DuplicateMode },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: imports.status, mapping: imports.mapping })
      .from(imports)
      .where(and(eq(imports.businessId, ctx.businessId), eq(imports.id, input.id)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status !== 'uploaded') throw new AppError('CONFLICT', 'imports.errors.alreadyStarted');
    const stored = row.mapping as StoredMapping;
    if (input.mapping.length !== stored.headers.length) throw new AppError('VALIDATION', 'errors.VALIDATION', { mapping: 'invalid' });
    const mapping: StoredMapping = { headers: stored.headers, fields: input.mapping };
    await tx
      .update(imports)
      .set({ status: 'queued', mapping, duplicateMode: input.duplicateMode })
      .where(and(eq(imports.businessId, ctx.businessId), eq(imports.id, input.id)));
    await enqueueCustomerImport({ businessId: ctx.businessId, importId: input.id }, tx);
    await emitChange(tx, ctx, { action: 'update', entityType: 'import', entityId: input.id, changedFields: ['status', 'mapping', 'duplicateMode'] });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'import.updated', id: input.id, actorUserId: ctx.userId });
  });
}

/** Deletes an import that is not running, with its file; the customers it made stay. */
export async function deleteImport(db: Executor, ctx: Ctx, id: string): Promise<void> {
  const filePath = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: imports.status, filePath: imports.filePath })
      .from(imports)
      .where(and(eq(imports.businessId, ctx.businessId), eq(imports.id, id)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    if (row.status === 'queued' || row.status === 'running') throw new AppError('CONFLICT', 'imports.errors.running');
    await tx.delete(imports).where(and(eq(imports.businessId, ctx.businessId), eq(imports.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'import', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'import.deleted', id, actorUserId: ctx.userId });
    return row.filePath;
  });
  await removeBusinessFile(filePath);
}

// ─── The rows of a batch → customers ────────────────────────────────────────────────────────


type Existing = CustomerBulkFields;

/** A customer the batch will insert, with the row it came from (for the error report). */
type Pending = { line: number; row: NewCustomerRow; companyKey: string | null; /** A row of the file (not a company made for one). */ counted: boolean };

export type BatchOutcome = { created: number; updated: number; skipped: number; errors: ImportRowError[] };

const existingColumns = {
  id: customers.id,
  kind: customers.kind,
  name: customers.name,
  companyId: customers.companyId,
  emails: customers.emails,
  phones: customers.phones,
  jobTitle: customers.jobTitle,
  city: customers.city,
  address: customers.address,
  country: customers.country,
  taxNumber: customers.taxNumber,
  taxOffice: customers.taxOffice,
  source: customers.source,
  notes: customers.notes,
};

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** The search key of a customer: folded name, company name, e-mails and phones. */
function searchKeyOf(c: { name: string; emails: readonly string[]; phones: readonly string[] }, companyName: string | null): string {
  return searchText([c.name, companyName, ...c.emails, ...c.phones]);
}

const OPTIONAL_FIELDS = ['jobTitle', 'city', 'address', 'country', 'taxNumber', 'taxOffice', 'source', 'notes'] as const;

/**
 * Imports one batch of rows inside the caller's transaction: validates every row, finds likely
 * duplicates (same e-mail or phone; for a company, the same name) among the business's customers
 * and the rows before it, links or creates the companies named, and writes with multi-row INSERTs.
 * If a write fails anyway, each row is written again on its own under a savepoint, so one bad row
 * costs only itself and no row is ever half-written.
 */
export async function importBatch(
  tx: Transaction,
  target: { businessId: string; ownerId: string | null },
  records: readonly CsvRecord[],
  fields: readonly (ImportField | null)[],
  mode: DuplicateMode,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, skipped: 0, errors: [] };
  const valid: { line: number; c: ImportedCustomer }[] = [];
  for (const record of records) {
    const mapped = mapCells(record.cells, fields);
    const result = normalizeRow(mapped);
    if (result.ok) valid.push({ line: record.line, c: result.customer });
    else {
      for (const p of result.problems) {
        const value = p.field === '_' ? undefined : mapped[p.field]?.replaceAll('\u0000', '').slice(0, 100);
        outcome.errors.push({ row: record.line, field: p.field, message: p.message, ...(value ? { value } : {}) });
      }
    }
  }
  if (valid.length === 0) return outcome;
  const { businessId } = target;

  // Likely duplicates already stored, through the GIN indexes on the arrays.
  const emails = [...new Set(valid.flatMap((v) => v.c.emails))];
  const phones = [...new Set(valid.flatMap((v) => v.c.phones))];
  const matchers: SQL[] = [];
  if (emails.length) matchers.push(arrayOverlaps(customers.emails, emails));
  if (phones.length) matchers.push(arrayOverlaps(customers.phones, phones));
  const companyKeys = [
    ...new Set(valid.flatMap((v) => [v.c.companyName, v.c.kind === 'company' ? v.c.name : null]).filter((n): n is string => !!n).map(turkishSortKey)),
  ];
  const existingQuery = matchers.length
    ? tx.select(existingColumns).from(customers).where(and(sql`${customers.businessId}::text = ${businessId}`, or(...matchers)))
    : null;
  const companyQuery = companyKeys.length
    ? tx
        .select({ ...existingColumns, sortName: customers.sortName })
        .from(customers)
        .where(and(eq(customers.businessId, businessId), eq(customers.kind, 'company'), inArray(customers.sortName, companyKeys)))
    : null;
  // The lookup must go through the GIN indexes on e-mails and phones, whatever the planner thinks:
  // its statistics lag behind an import that doubles the table within a minute, and then it picks
  // a scan of the business's rows testing a 500-element array against each (O(rows), seconds per
  // batch at 100,000 rows). So the business is compared as text (no btree path) and sequential
  // scans are off for this one statement; the business filter still applies to every row found.
  // In update mode the matches are locked, so a person's edit in between is not overwritten unseen.
  let existing: Existing[] = [];
  if (existingQuery) {
    await tx.execute(sql`set local enable_seqscan = off`);
    existing = await (mode === 'update' ? existingQuery.for('update') : existingQuery);
    await tx.execute(sql`set local enable_seqscan = on`);
  }
  const companyRows = companyQuery ? await (mode === 'update' ? companyQuery.for('update') : companyQuery) : [];

  const byEmail = new Map<string, Existing | Pending>();
  const byPhone = new Map<string, Existing | Pending>();
  // A person is a duplicate of a person, a company of a company: a company's info@ address shared
  // with a person's row does not make them one customer.
  const kindOf = (c: Existing | Pending) => ('row' in c ? c.row.kind : c.kind);
  const index = (c: Existing | Pending, e: readonly string[], p: readonly string[]) => {
    for (const x of e) if (!byEmail.has(`${kindOf(c)}:${x}`)) byEmail.set(`${kindOf(c)}:${x}`, c);
    for (const x of p) if (!byPhone.has(`${kindOf(c)}:${x}`)) byPhone.set(`${kindOf(c)}:${x}`, c);
  };
  for (const c of existing) index(c, c.emails, c.phones);
  const companies = new Map<string, { id: string; name: string; existing?: Existing; pending?: Pending }>();
  for (const c of companyRows) if (!companies.has(c.sortName)) companies.set(c.sortName, { id: c.id, name: c.name, existing: c });

  const pending: Pending[] = [];
  const updates = new Map<string, { line: number; before: Existing; after: Existing }>();

  const companyFor = (name: string, line: number): { id: string; key: string } => {
    const key = turkishSortKey(name);
    const known = companies.get(key);
    if (known) return { id: known.id, key };
    const id = newId();
    const row: NewCustomerRow = {
      businessId,
      id,
      kind: 'company',
      name,
      ownerId: target.ownerId,
      source: 'import',
      searchText: searchText([name]),
      sortName: key,
    };
    const p: Pending = { line, row, companyKey: null, counted: false };
    pending.push(p);
    companies.set(key, { id, name, pending: p });
    return { id, key };
  };

  for (const { line, c } of valid) {
    const match =
      (c.kind === 'company' ? (companies.get(turkishSortKey(c.name))?.existing ?? companies.get(turkishSortKey(c.name))?.pending) : undefined) ??
      c.emails.map((e) => byEmail.get(`${c.kind}:${e}`)).find(Boolean) ??
      c.phones.map((p) => byPhone.get(`${c.kind}:${p}`)).find(Boolean);

    if (match && mode === 'skip') {
      outcome.skipped++;
      continue;
    }
    const company = c.companyName ? companyFor(c.companyName, line) : null;
    if (match && mode === 'update') {
      if ('row' in match) {
        // A row earlier in this batch: fold this one into it.
        const r = match.row;
        r.name = c.name;
        r.emails = union(r.emails ?? [], c.emails);
        r.phones = union(r.phones ?? [], c.phones);
        if (company && r.kind === 'person') {
          r.companyId = company.id;
          match.companyKey = company.key;
        }
        for (const f of OPTIONAL_FIELDS) if (c[f] !== null) r[f] = c[f];
        index(match, c.emails, c.phones);
      } else {
        const current = updates.get(match.id)?.after ?? match;
        const after: Existing = {
          ...current,
          name: c.name,
          emails: union(current.emails, c.emails),
          phones: union(current.phones, c.phones),
          companyId: company && current.kind === 'person' ? company.id : current.companyId,
        };
        for (const f of OPTIONAL_FIELDS) if (c[f] !== null) after[f] = c[f];
        updates.set(match.id, { line, before: match, after });
        index(match, c.emails, c.phones);
      }
      outcome.updated++;
      continue;
    }
    // New customer (no match, or duplicates are to be created).
    const id = newId();
    const row: NewCustomerRow = {
      businessId,
      id,
      kind: c.kind,
      name: c.name,
      companyId: company?.id ?? null,
      jobTitle: c.jobTitle,
      emails: c.emails,
      phones: c.phones,
      address: c.address,
      city: c.city,
      country: c.country,
      taxNumber: c.taxNumber,
      taxOffice: c.taxOffice,
      source: c.source ?? 'import',
      notes: c.notes,
      ownerId: target.ownerId,
      searchText: '',
      sortName: turkishSortKey(c.name),
    };
    const p: Pending = { line, row, companyKey: company?.key ?? null, counted: true };
    pending.push(p);
    index(p, c.emails, c.phones);
    if (c.kind === 'company' && !companies.has(row.sortName)) companies.set(row.sortName, { id, name: c.name, pending: p });
    outcome.created++;
  }

  // Search keys last: a row folded into another changed its name, e-mails or phones.
  const companyNameOf = (key: string | null) => (key ? (companies.get(key)?.name ?? null) : null);
  for (const p of pending) {
    p.row.searchText = searchKeyOf({ name: p.row.name, emails: p.row.emails ?? [], phones: p.row.phones ?? [] }, companyNameOf(p.companyKey));
    p.row.sortName = turkishSortKey(p.row.name);
  }
  const companyNameById = new Map([...companies.values()].map((c) => [c.id, c.name]));

  const writeUpdate = (db: Executor, u: { before: Existing; after: Existing }) =>
    updateCustomerInBulk(db, businessId, u.after, searchKeyOf(u.after, u.after.companyId ? (companyNameById.get(u.after.companyId) ?? null) : null));

  // Companies first: people point at them.
  const companiesFirst = [...pending].sort((a, b) => Number(a.row.kind !== 'company') - Number(b.row.kind !== 'company'));
  try {
    await tx.transaction(async (sp) => {
      const newCompanies = companiesFirst.filter((p) => p.row.kind === 'company').map((p) => p.row);
      const newPeople = companiesFirst.filter((p) => p.row.kind !== 'company').map((p) => p.row);
      await insertCustomersInBulk(sp, newCompanies);
      await insertCustomersInBulk(sp, newPeople);
      for (const u of updates.values()) await writeUpdate(sp, u);
    });
    return outcome;
  } catch {
    // Something the validation did not foresee: write row by row so that only the culprit fails.
  }
  const inserted = new Set<string>();
  const fail = (line: number) => {
    outcome.errors.push({ row: line, field: '_', message: 'invalid' });
  };
  for (const p of companiesFirst) {
    const needs = p.row.companyId && !inserted.has(p.row.companyId) ? [...companies.values()].find((c) => c.id === p.row.companyId)?.pending : undefined;
    try {
      await tx.transaction(async (sp) => {
        if (needs && !inserted.has(needs.row.id!)) await insertCustomersInBulk(sp, [needs.row]);
        if (!inserted.has(p.row.id!)) await insertCustomersInBulk(sp, [p.row]);
      });
      if (needs) inserted.add(needs.row.id!);
      inserted.add(p.row.id!);
    } catch {
      // A company made for a row fails with that row, which reports it.
      if (p.counted && !inserted.has(p.row.id!)) {
        fail(p.line);
        outcome.created--;
      }
    }
  }
  for (const u of updates.values()) {
    try {
      await tx.transaction((sp) => writeUpdate(sp, u));
    } catch {
      fail(u.line);
      outcome.updated--;
    }
  }
  return outcome;
}

// ─── The job ────────────────────────────────────────────────────────────────────────────────

export type RunImportOptions = {
  batchSize?: number;
  /** Stop after this many batches, as a crash after a commit would (tests). */
  maxBatches?: number;
  /** Called inside each batch's transaction before it commits; throwing there is a crash mid-batch. */
  beforeCommit?: (batch: number) => void | Promise<void>;
};

export type RunImportResult = 'done' | 'paused' | 'not-runnable' | 'failed';

/**
 * Runs (or continues) an import. Each batch commits its rows together with `imports.next_row` and
 * the counts, under a lock on the import's row, so a second delivery of the job waits, sees the
 * rows already done and goes on after them: no row is ever imported twice, and a restart (a new
 * delivery after a crash) continues from the last committed batch.
 */
export async function runCustomerImport(
  db: Executor,
  ids: { businessId: string; importId: string },
  options: RunImportOptions = {},
): Promise<RunImportResult> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const where = and(eq(imports.businessId, ids.businessId), eq(imports.id, ids.importId));
  const [imp] = await db
    .update(imports)
    .set({ status: 'running', startedAt: sql`coalesce(${imports.startedAt}, now())` })
    .where(and(where, inArray(imports.status, ['queued', 'running'])))
    .returning();
  if (!imp) return 'not-runnable';

  const bytes = await readBusinessFile(imp.filePath);
  let records: CsvRecord[];
  let mapping: StoredMapping;
  try {
    if (!bytes) throw new AppError('NOT_FOUND', 'imports.errors.fileMissing');
    mapping = imp.mapping as StoredMapping;
    records = readCsv(bytes, { encoding: imp.encoding as CsvEncoding, delimiter: imp.delimiter as CsvDelimiter }).records;
  } catch (err) {
    // The file is gone or no longer readable: retrying will not help.
    await db.transaction(async (tx) => {
      await tx.update(imports).set({ status: 'failed', finishedAt: sql`now()` }).where(where);
      await publishEvent(tx, { businessId: ids.businessId, kind: 'import.updated', id: ids.importId, actorUserId: null });
    });
    console.error(`[import ${ids.importId}]`, err instanceof Error ? err.message : err);
    return 'failed';
  }

  let batches = 0;
  for (;;) {
    if (options.maxBatches !== undefined && batches >= options.maxBatches) return 'paused';
    const step = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ status: imports.status, nextRow: imports.nextRow, errorCount: sql<number>`jsonb_array_length(${imports.errors})` })
        .from(imports)
        .where(where)
        .for('update');
      if (!row || row.status !== 'running') return 'stop' as const;
      const start = row.nextRow;
      const slice = records.slice(start, start + batchSize);
      const outcome = slice.length
        ? await importBatch(tx, { businessId: ids.businessId, ownerId: imp.createdById }, slice, mapping.fields, imp.duplicateMode)
        : { created: 0, updated: 0, skipped: 0, errors: [] };
      const finished = start + slice.length >= records.length;
      const kept = outcome.errors.slice(0, Math.max(0, MAX_STORED_ERRORS - row.errorCount));
      const failedRows = new Set(outcome.errors.map((e) => e.row)).size;
      await tx
        .update(imports)
        .set({
          nextRow: start + slice.length,
          createdCount: sql`${imports.createdCount} + ${outcome.created}`,
          updatedCount: sql`${imports.updatedCount} + ${outcome.updated}`,
          skippedCount: sql`${imports.skippedCount} + ${outcome.skipped}`,
          failedCount: sql`${imports.failedCount} + ${failedRows}`,
          ...(kept.length ? { errors: sql`${imports.errors} || ${JSON.stringify(kept)}::jsonb` } : {}),
          ...(finished ? { status: 'done' as const, finishedAt: sql`now()` } : {}),
        })
        .where(where);
      await options.beforeCommit?.(batches);
      if (finished) {
        await emitChange(tx, { businessId: ids.businessId, userId: null }, { action: 'update', entityType: 'import', entityId: ids.importId, changedFields: ['status'] });
        await publishEvent(tx, { businessId: ids.businessId, kind: 'import.updated', id: ids.importId, actorUserId: null });
      }
      return finished ? ('done' as const) : ('more' as const);
    });
    batches++;
    if (step === 'done') return 'done';
    if (step === 'stop') return 'not-runnable';
  }
}

/** Marks an import failed after its job gave up (its last retry failed). */
export async function failImport(db: Executor, ids: { businessId: string; importId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(imports)
      .set({ status: 'failed', finishedAt: sql`now()` })
      .where(and(eq(imports.businessId, ids.businessId), eq(imports.id, ids.importId), inArray(imports.status, ['queued', 'running'])))
      .returning({ id: imports.id });
    if (row) await publishEvent(tx, { businessId: ids.businessId, kind: 'import.updated', id: ids.importId, actorUserId: null });
  });
}
