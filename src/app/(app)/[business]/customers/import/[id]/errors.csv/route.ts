import { getLocale, getTranslations } from 'next-intl/server';
import { businessRoute } from '@/server/http/business-route';
import { getDb } from '@/server/db/client';
import { authorize } from '@/server/auth/authorize';
import { csvDelimiterFor, csvResponse } from '@/lib/csv';
import { findImportErrors, getImport } from '@/modules/imports';

export const dynamic = 'force-dynamic';

/**
 * The rows an import left out, as a CSV the user opens in Excel (UTF-8 with BOM, the separator of
 * their locale): row number, field, reason and the value that was refused. Only for members of the
 * business who may import.
 */
export const GET = businessRoute<{ business: string; id: string }>('import errors csv', async ({ ctx, params }) => {
  authorize(ctx, 'customers', 'create');
  const imp = await getImport(getDb(), ctx, params.id);
  const errors = await findImportErrors(getDb(), ctx, params.id);
  const t = await getTranslations('imports');
  const tv = await getTranslations('validation');
  const rows = [
    [t('row'), t('field'), t('reason'), t('value')],
    ...errors.map((e) => [e.row, t(`fields.${e.field}` as never), tv(e.message as never), e.value ?? '']),
  ];
  const name = `${imp.fileName.replace(/\.csv$/i, '')}-errors.csv`;
  return csvResponse(name, rows, csvDelimiterFor(await getLocale()));
});
