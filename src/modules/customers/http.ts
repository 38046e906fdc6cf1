import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { csvDelimiterFor, csvStreamResponse, type CsvCell } from '@/lib/csv';
import { getDb } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { authorize } from '@/server/auth/authorize';
import { fieldErrorsOf } from '@/server/actions/operation';
import { AppError } from '@/lib/errors';
import { duplicateCheckSchema, listCustomersSchema } from './schemas';
import { minorToDecimal } from '@/lib/money';
import { countCustomers, findCustomers, findLikelyDuplicates, seesPurchaseFigures } from './queries';
import { getBusiness } from '@/modules/businesses';

/*
 * Reads the list page makes from the browser while scrolling (keyset pages), the duplicate check
 * of the form, and the CSV export. They are GET route handlers under /[business]/customers rather
 * than Server Actions: an action is a POST that also re-renders the page, and these only read.
 */

const NO_STORE = { 'Cache-Control': 'no-store' };

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

export async function customerRowsResponse(request: Request, ctx: Ctx): Promise<Response> {
  authorize(ctx, 'customers', 'read');
  const input = parseQuery(request, listCustomersSchema as never) as ReturnType<typeof listCustomersSchema.parse>;
  const db = getDb();
  const [page, total] = await Promise.all([findCustomers(db, ctx, input), input.cursor ? null : countCustomers(db, ctx, input)]);
  return Response.json({ ...page, total }, { headers: NO_STORE });
}

export async function duplicatesResponse(request: Request, ctx: Ctx): Promise<Response> {
  authorize(ctx, 'customers', 'read');
  const input = parseQuery(request, duplicateCheckSchema as never) as ReturnType<typeof duplicateCheckSchema.parse>;
  return Response.json({ data: await findLikelyDuplicates(getDb(), ctx, input) }, { headers: NO_STORE });
}

const EXPORT_COLUMNS = ['name', 'kind', 'company', 'jobTitle', 'email', 'phone', 'city', 'source', 'status', 'owner', 'tags', 'lifetimeValue', 'lastPurchase', 'lastInteraction', 'created'] as const;
type ExportColumn = (typeof EXPORT_COLUMNS)[number];
const PURCHASE_COLUMNS: readonly ExportColumn[] = ['lifetimeValue', 'lastPurchase'];

type Translate = (key: string) => string;

export type CustomerExportOptions = {
  delimiter?: ';' | ',';
  signal?: AbortSignal;
  /** Rows per page read (tests make it small). */
  pageSize?: number;
  /** The page reader (tests replace it to make a page fail). */
  find?: (...args: Parameters<typeof findCustomers>) => ReturnType<typeof findCustomers>;
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
  // A role that may not read purchases gets a file without the purchase columns, not empty ones.
  const columns = seesPurchaseFigures(ctx) ? EXPORT_COLUMNS : EXPORT_COLUMNS.filter((key) => !PURCHASE_COLUMNS.includes(key));
  // Lifetime values are in the business's currency, written with all its decimals ("1234.567" KWD).
  const { currency } = await getBusiness(db, ctx);
  async function* pages(): AsyncGenerator<CsvCell[][]> {
    let cursor: string | undefined;
    do {
      const page = await find(db, ctx, { ...input, cursor, limit: pageSize });
      yield page.data.map((c) => {
        const cells: Record<ExportColumn, CsvCell> = {
          name: c.name,
          kind: t(`kind.${c.kind}`),
          company: c.companyName,
          jobTitle: c.jobTitle,
          email: c.email,
          phone: c.phone,
          city: c.city,
          source: c.source,
          status: t(`status.${c.status}`),
          owner: c.ownerName,
          tags: c.tags.map((tag) => tag.name).join(', '),
          lifetimeValue: c.lifetimeValueMinor === null ? null : minorToDecimal(c.lifetimeValueMinor, currency),
          lastPurchase: c.lastPurchaseAt?.toISOString(),
          lastInteraction: c.lastInteractionAt?.toISOString(),
          created: c.createdAt.toISOString(),
        };
        return columns.map((key) => cells[key]);
      });
      cursor = page.nextCursor ?? undefined;
    } while (cursor && !signal?.aborted);
  }
  const date = new Date().toISOString().slice(0, 10);
  const header = columns.map((key) => t(`columns.${key}`));
  return csvStreamResponse(`customers-${date}.csv`, header, pages(), delimiter);
}

/** The export route: the customers of the current filter as CSV. */
export async function exportCsvResponse(request: Request, ctx: Ctx): Promise<Response> {
  authorize(ctx, 'customers', 'read');
  const input = parseQuery(request, listCustomersSchema as never) as ReturnType<typeof listCustomersSchema.parse>;
  const t = await getTranslations('customers');
  return customersCsvResponse(getDb(), ctx, input, t as unknown as Translate, {
    delimiter: csvDelimiterFor(await getLocale()),
    signal: request.signal,
  });
}
