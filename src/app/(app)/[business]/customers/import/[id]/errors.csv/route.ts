import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { getSessionUser } from '@/server/auth/session';
import { loadBusinessContext } from '@/server/auth/context';
import { isAppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { csvDelimiterFor, csvResponse } from '@/lib/csv';
import { findImportErrors, getImport } from '@/modules/imports';

export const dynamic = 'force-dynamic';

/**
 * The rows an import left out, as a CSV the user opens in Excel (UTF-8 with BOM, the separator of
 * their locale): row number, field, reason and the value that was refused. Only for members of the
 * business who may import.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ business: string; id: string }> }): Promise<Response> {
  const { business: slug, id } = await params;
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401, headers: { 'Cache-Control': 'no-store' } });
  try {
    const ctx = await loadBusinessContext(getDb(), user.id, slug);
    if (!can(ctx.role, 'customers', 'create')) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
    const imp = await getImport(getDb(), ctx, id);
    const errors = await findImportErrors(getDb(), ctx, id);
    const t = await getTranslations('imports');
    const tv = await getTranslations('validation');
    const rows = [
      [t('row'), t('field'), t('reason'), t('value')],
      ...errors.map((e) => [e.row, t(`fields.${e.field}` as never), tv(e.message as never), e.value ?? '']),
    ];
    const name = `${imp.fileName.replace(/\.csv$/i, '')}-errors.csv`;
    return csvResponse(name, rows, csvDelimiterFor(await getLocale()));
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
    throw err;
  }
}
