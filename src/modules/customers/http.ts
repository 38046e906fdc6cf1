import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { csvDelimiterFor, csvStreamResponse, type CsvCell } from '@/lib/csv';
import { getDb } from '@/server/db/client';
import { checkDatabaseUnavailable, RETRY_AFTER_SECONDS } from '@/server/db/unavailable';
import { getSessionUser } from '@/server/auth/session';
import { loadBusinessContext, type Ctx } from '@/server/auth/context';
import { authorize } from '@/server/auth/authorize';
import { fieldErrorsOf } from '@/server/actions/operation';
import { AppError, ERROR_STATUS, isAppError } from '@/lib/errors';
import { duplicateCheckSchema, listCustomersSchema } from './schemas';
import { countCustomers, findCustomers, findLikelyDuplicates } from './queries';

/*
 * Reads the list page makes from the browser while scrolling (keyset pages), the duplicate check
 * of the form, and the CSV export. They are GET route handlers under /[business]/customers rather
 * than Server Actions: an action is a POST that also re-renders the page, and these only read.
 */

const NO_STORE = { 'Cache-Control': 'no-store' };

async function contextOf(slug: string): Promise<Ctx> {
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHENTICATED');
  const ctx = await loadBusinessContext(getDb(), user.id, slug);
  authorize(ctx, 'customers', 'read');
  return ctx;
}

function errorResponse(err: unknown): Response {
  if (isAppError(err)) return Response.json({ error: { code: err.code, fields: err.fields } }, { status: ERROR_STATUS[err.code], headers: NO_STORE });
  if (checkDatabaseUnavailable(err)) {
    return Response.json({ error: { code: 'UNAVAILABLE' } }, { status: 503, headers: { ...NO_STORE, 'Retry-After': String(RETRY_AFTER_SECONDS) } });
  }
  console.error('[customers route]', err);
  return Response.json({ error: { code: 'INTERNAL' } }, { status: 500, headers: NO_STORE });
}

/** `?q=` holds the request as JSON (filters nest, which plain query parameters do not). */
function parseQuery<T>(request: Request, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: never } }): T {
  let raw: unknown = {};
  const q = new URL(request.url).searchParams.get('q');
  if (q) {
    try {
      raw = JSON.parse(q);
    } catch {
      throw new AppError('BAD_REQUEST');
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'errors.BAD_REQUEST', fieldErrorsOf(parsed.error));
  return parsed.data;
}

export async function customerRowsResponse(request: Request, slug: string): Promise<Response> {
  try {
    const ctx = await contextOf(slug);
    const input = parseQuery(request, listCustomersSchema as never) as ReturnType<typeof listCustomersSchema.parse>;
    const db = getDb();
    const [page, total] = await Promise.all([findCustomers(db, ctx, input), input.cursor ? null : countCustomers(db, ctx, input)]);
    return Response.json({ ...page, total }, { headers: NO_STORE });
  } catch (err) {
    return errorResponse(err);
  }
}

export async function duplicatesResponse(request: Request, slug: string): Promise<Response> {
  try {
    const ctx = await contextOf(slug);
    const input = parseQuery(request, duplicateCheckSchema as never) as ReturnType<typeof duplicateCheckSchema.parse>;
    return Response.json({ data: await findLikelyDuplicates(getDb(), ctx, input) }, { headers: NO_STORE });
  } catch (err) {
    return errorResponse(err);
  }
}

const EXPORT_COLUMNS = ['name', 'kind', 'company', 'jobTitle', 'email', 'phone', 'city', 'source', 'status', 'owner', 'tags', 'lifetimeValue', 'lastPurchase', 'lastInteraction', 'created'] as const;

type Translate = (key: string) => string;

export type CustomerExportOptions = {
  delimiter?: ';' | ',';
  signal?: AbortSignal;
  /** Rows per page read (tests make it small). */
  pageSize?: number;
  /** The page reader (tests replace it to make a page fail). */
  find?: typeof findCustomers;
};

/**
 * The customers of a filter as a CSV download, read page by page (keyset) and streamed, escaped by
 * the shared CSV helper (formula cells, the BOM Excel needs for Turkish letters, the separator of
 * the locale). Rejects when the first page fails; a later failure makes the download fail.
 */
export async function customersCsvResponse(
  db: ReturnType<typeof getDb>,
  ctx: Ctx,
  input: ReturnType<typeof listCustomersSchema.parse>,
  t: Translate,
  { delimiter = ';', signal, pageSize = 500, find = findCustomers }: CustomerExportOptions = {},
): Promise<Response> {
  async function* pages(): AsyncGenerator<CsvCell[][]> {
    let cursor: string | undefined;
    do {
      const page = await find(db, ctx, { ...input, cursor, limit: pageSize });
      yield page.data.map((c) => [
        c.name,
        t(`kind.${c.kind}`),
        c.companyName,
        c.jobTitle,
        c.email,
        c.phone,
        c.city,
        c.source,
        t(`status.${c.status}`),
        c.ownerName,
        c.tags.map((tag) => tag.name).join(', '),
        (c.lifetimeValueMinor / 100).toFixed(2),
        c.lastPurchaseAt?.toISOString(),
        c.lastInteractionAt?.toISOString(),
        c.createdAt.toISOString(),
      ]);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && !signal?.aborted);
  }
  const date = new Date().toISOString().slice(0, 10);
  const header = EXPORT_COLUMNS.map((key) => t(`columns.${key}`));
  return csvStreamResponse(`customers-${date}.csv`, header, pages(), delimiter);
}

/** The export route: the customers of the current filter as CSV. */
export async function exportCsvResponse(request: Request, slug: string): Promise<Response> {
  try {
    const ctx = await contextOf(slug);
    const input = parseQuery(request, listCustomersSchema as never) as ReturnType<typeof listCustomersSchema.parse>;
    const t = await getTranslations('customers');
    return await customersCsvResponse(getDb(), ctx, input, t as unknown as Translate, {
      delimiter: csvDelimiterFor(await getLocale()),
      signal: request.signal,
    });
  } catch (err) {
    return errorResponse(err);
  }
}
