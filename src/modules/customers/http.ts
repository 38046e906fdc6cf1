import 'server-only';
import { stringify } from 'csv-stringify';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
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

/**
 * The customers of the current filter as CSV, streamed page by page (keyset), UTF-8 with a byte
 * order mark so that Excel reads the Turkish letters right.
 */
export async function exportCsvResponse(request: Request, slug: string): Promise<Response> {
  let ctx: Ctx;
  let input: ReturnType<typeof listCustomersSchema.parse>;
  try {
    ctx = await contextOf(slug);
    input = parseQuery(request, listCustomersSchema as never) as ReturnType<typeof listCustomersSchema.parse>;
  } catch (err) {
    return errorResponse(err);
  }
  const t = await getTranslations('customers');
  const db = getDb();
  const columns = ['name', 'kind', 'company', 'jobTitle', 'email', 'phone', 'city', 'source', 'status', 'owner', 'tags', 'lifetimeValue', 'lastPurchase', 'lastInteraction', 'created'] as const;
  const csv = stringify({ header: true, bom: true, columns: columns.map((key) => ({ key, header: t(`columns.${key}`) })) });
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      csv.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      csv.on('end', () => controller.close());
      csv.on('error', (e) => controller.error(e));
      try {
        let cursor: string | undefined;
        do {
          const page = await findCustomers(db, ctx, { ...input, cursor, limit: 500 });
          for (const c of page.data) {
            csv.write({
              name: c.name,
              kind: t(`kind.${c.kind}`),
              company: c.companyName ?? '',
              jobTitle: c.jobTitle ?? '',
              email: c.email ?? '',
              phone: c.phone ?? '',
              city: c.city ?? '',
              source: c.source ?? '',
              status: t(`status.${c.status}`),
              owner: c.ownerName ?? '',
              tags: c.tags.map((tag) => tag.name).join(', '),
              lifetimeValue: (c.lifetimeValueMinor / 100).toFixed(2),
              lastPurchase: c.lastPurchaseAt?.toISOString() ?? '',
              lastInteraction: c.lastInteractionAt?.toISOString() ?? '',
              created: c.createdAt.toISOString(),
            });
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor && !request.signal.aborted);
      } catch (err) {
        console.error('[customers export]', err);
      }
      csv.end();
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="customers-${date}.csv"`,
      ...NO_STORE,
    },
  });
}
