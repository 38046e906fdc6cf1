import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, arrayOverlaps, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { customers, imports } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { readBusinessFile } from '@/server/files/storage';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { turkishSortKey } from '@/lib/text';
import { readCsv, type CsvDelimiter, type CsvEncoding } from './csv';
import type { ImportRowError, StoredMapping } from './mutations';
import { importRunnerAlive } from './runner';
import { mapCells, normalizeRow, type DuplicateMode, type ImportedCustomer, type ImportField, type RowProblem } from './schemas';

export type ImportRecord = {
  id: string;
  status: 'uploaded' | 'queued' | 'running' | 'done' | 'failed';
  fileName: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  fields: (ImportField | null)[];
  duplicateMode: DuplicateMode;
  totalRows: number;
  nextRow: number;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  failedCount: number;
  errorCount: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /**
   * What a queued or running import waits for: `worker` (none has taken it yet), `resume` (it had
   * started, and its worker stopped: it goes on from `nextRow` once a worker takes it back), or
   * null (it is running, or finished).
   */
  waiting: 'worker' | 'resume' | null;
};

const columns = {
  id: imports.id,
  status: imports.status,
  fileName: imports.fileName,
  encoding: imports.encoding,
  delimiter: imports.delimiter,
  mapping: imports.mapping,
  duplicateMode: imports.duplicateMode,
  totalRows: imports.totalRows,
  nextRow: imports.nextRow,
  createdCount: imports.createdCount,
  updatedCount: imports.updatedCount,
  skippedCount: imports.skippedCount,
  failedCount: imports.failedCount,
  errorCount: sql<number>`jsonb_array_length(${imports.errors})`.mapWith(Number),
  createdAt: imports.createdAt,
  startedAt: imports.startedAt,
  finishedAt: imports.finishedAt,
  runnerAlive: importRunnerAlive(imports.id),
};

function toRecord(row: { mapping: unknown; runnerAlive: boolean } & Omit<ImportRecord, 'headers' | 'fields' | 'waiting'>): ImportRecord {
  const { mapping, runnerAlive, ...rest } = row;
  const m = (mapping ?? { headers: [], fields: [] }) as StoredMapping;
  const waiting =
    rest.status === 'queued' ? (rest.nextRow > 0 ? 'resume' : 'worker') : rest.status === 'running' && !runnerAlive ? 'resume' : null;
  return { ...rest, headers: m.headers, fields: m.fields, waiting };
}

export const getImport = defineQuery('getImport', ['customers', 'create'], async function getImport(db: Executor, ctx: Ctx, id: string): Promise<ImportRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select(columns)
    .from(imports)
    .where(and(eq(imports.businessId, ctx.businessId), eq(imports.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return toRecord(row);
});

/** The business's latest imports, newest first. */
export const findImports = defineQuery('findImports', ['customers', 'create'], async function findImports(db: Executor, ctx: Ctx, limit: number = 10): Promise<ImportRecord[]> {
  const rows = await db
    .select(columns)
    .from(imports)
    .where(eq(imports.businessId, ctx.businessId))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit);
  return rows.map(toRecord);
});

/** The rows that were not imported, in file order (at most the first `limit`). */
export const findImportErrors = defineQuery('findImportErrors', ['customers', 'create'], async function findImportErrors(db: Executor, ctx: Ctx, id: string, limit?: number): Promise<ImportRowError[]> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select({
      errors: limit
        ? sql<ImportRowError[]>`coalesce((select jsonb_agg(e) from (select e from jsonb_array_elements(${imports.errors}) e limit ${limit}) x), '[]'::jsonb)`
        : imports.errors,
    })
    .from(imports)
    .where(and(eq(imports.businessId, ctx.businessId), eq(imports.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row.errors as ImportRowError[];
});

export type PreviewRow = {
  row: number;
  /** The cells of the main fields as they are in the file, to show a row that has problems. */
  raw: Partial<Record<'name' | 'email' | 'phone' | 'company', string>>;
  customer: ImportedCustomer | null;
  problems: RowProblem[];
  /** The name of the stored customer this row is likely a duplicate of. */
  duplicateOf: string | null;
};

export const PREVIEW_ROWS = 20;

/**
 * The first rows of the file as the import would write them with this mapping: the customer made
 * of each, what is wrong with it, and the stored customer it likely duplicates.
 */
export const previewImport = defineQuery('previewImport', ['customers', 'create'], async function previewImport(
  db: Executor,
  ctx: Ctx,
  input: { id: string; mapping: (ImportField | null)[] },
): Promise<{ rows: PreviewRow[]; /** The first row's cells as they are in the file. */ sample: string[] }> {
  const [imp] = await db
    .select({ filePath: imports.filePath, encoding: imports.encoding, delimiter: imports.delimiter, mapping: imports.mapping })
    .from(imports)
    .where(and(eq(imports.businessId, ctx.businessId), eq(imports.id, input.id)));
  if (!imp) throw new AppError('NOT_FOUND');
  const bytes = await readBusinessFile(imp.filePath);
  if (!bytes) throw new AppError('NOT_FOUND', 'imports.errors.fileMissing');
  const headers = (imp.mapping as StoredMapping).headers;
  if (input.mapping.length !== headers.length) throw new AppError('VALIDATION', 'errors.VALIDATION', { mapping: 'invalid' });
  // Only the first lines are parsed; a quoted cell spanning lines may need a few more.
  const { records } = readCsv(bytes, { encoding: imp.encoding as CsvEncoding, delimiter: imp.delimiter as CsvDelimiter }, { toLine: PREVIEW_ROWS * 3 + 1 });
  const sample = (records[0]?.cells ?? []).map((c) => c.slice(0, 80));
  const rows: PreviewRow[] = records.slice(0, PREVIEW_ROWS).map((r) => {
    const mapped = mapCells(r.cells, input.mapping);
    const name = mapped.name ?? ([mapped.firstName, mapped.lastName].filter(Boolean).join(' ') || undefined);
    const raw = { name, email: mapped.email, phone: mapped.phone, company: mapped.company };
    const result = normalizeRow(mapped);
    return result.ok
      ? { row: r.line, raw, customer: result.customer, problems: [], duplicateOf: null }
      : { row: r.line, raw, customer: null, problems: result.problems, duplicateOf: null };
  });

  const valid = rows.filter((r) => r.customer);
  const emails = [...new Set(valid.flatMap((r) => r.customer!.emails))];
  const phones = [...new Set(valid.flatMap((r) => r.customer!.phones))];
  const companyKeys = [...new Set(valid.filter((r) => r.customer!.kind === 'company').map((r) => turkishSortKey(r.customer!.name)))];
  const matchers: SQL[] = [];
  if (emails.length) matchers.push(arrayOverlaps(customers.emails, emails));
  if (phones.length) matchers.push(arrayOverlaps(customers.phones, phones));
  if (companyKeys.length) matchers.push(and(eq(customers.kind, 'company'), inArray(customers.sortName, companyKeys))!);
  if (matchers.length === 0) return { rows, sample };
  const found = await db
    .select({ name: customers.name, kind: customers.kind, emails: customers.emails, phones: customers.phones, sortName: customers.sortName })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), or(...matchers)))
    .limit(500);
  for (const r of valid) {
    const c = r.customer!;
    const match = found.find(
      (f) =>
        f.kind === c.kind &&
        ((c.kind === 'company' && f.sortName === turkishSortKey(c.name)) ||
          f.emails.some((e) => c.emails.includes(e)) ||
          f.phones.some((p) => c.phones.includes(p))),
    );
    r.duplicateOf = match?.name ?? null;
  }
  return { rows, sample };
});
