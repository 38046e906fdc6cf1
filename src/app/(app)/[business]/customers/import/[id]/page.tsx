import {
  Alert,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { RowErrorsTable } from '@/components/row-errors-table';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { isAppError } from '@/lib/errors';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { findImportErrors, getImport, previewImport } from '@/modules/imports';
import { ImportSetup, ImportProgress, ImportDeleteButton, IMPORT_STATUS_COLOR } from '@/modules/imports/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('title') };
}

/** Errors listed on the page; the downloadable report has all of them. */
const ERRORS_SHOWN = 100;

export default async function ImportDetailPage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'customers', 'create')) notFound();
  const db = getDb();
  const imp = await getImport(db, ctx, id).catch((err) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const t = await getTranslations('imports');
  const tv = await getTranslations('validation');
  const format = await getFormatter();
  const base = `/${slug}/customers/import`;
  const finished = imp.status === 'done' || imp.status === 'failed';

  let body: React.ReactNode;
  if (imp.status === 'uploaded') {
    const preview = await previewImport(db, ctx, { id, mapping: imp.fields }).catch(() => null);
    body = preview ? (
      <ImportSetup
        slug={slug}
        id={id}
        headers={imp.headers}
        sample={preview.sample}
        initialFields={imp.fields}
        initialPreview={preview.rows}
        totalRows={imp.totalRows}
      />
    ) : (
      <Alert color="red" icon={<IconAlertTriangle size={16} />}>
        {t('errors.fileMissing')}
      </Alert>
    );
  } else if (imp.status === 'queued' || imp.status === 'running') {
    body = (
      <Card withBorder padding="lg">
        <Text fw={600} mb="sm">
          {t('progressTitle')}
        </Text>
        <ImportProgress waiting={imp.waiting} done={imp.nextRow} total={imp.totalRows} />
      </Card>
    );
  } else {
    const errors = await findImportErrors(db, ctx, id, ERRORS_SHOWN);
    const counts = [
      { key: 'created', value: imp.createdCount, color: 'teal' },
      { key: 'updated', value: imp.updatedCount, color: 'blue' },
      { key: 'skipped', value: imp.skippedCount, color: 'gray' },
      { key: 'failed', value: imp.failedCount, color: 'red' },
    ] as const;
    body = (
      <Stack gap="lg">
        {imp.status === 'failed' && (
          <Alert color="red" title={t('failedTitle')} icon={<IconAlertTriangle size={16} />}>
            {t('failedText')}
          </Alert>
        )}
        <Card withBorder padding="lg" data-testid="import-report">
          <Text fw={600} mb="sm">
            {imp.status === 'done' ? t('reportTitle') : t('failedTitle')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {counts.map((c) => (
              <div key={c.key}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t(c.key)}
                </Text>
                <Text fw={700} size="xl" c={c.value > 0 ? c.color : undefined} data-testid={`import-${c.key}`}>
                  {format.number(c.value)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Card>
        <Card withBorder padding="lg">
          <Group justify="space-between" mb="sm">
            <Text fw={600}>{t('errorsTitle')}</Text>
            {imp.errorCount > 0 && (
              <ButtonLink href={`${base}/${id}/errors.csv`} variant="light" size="xs" leftSection={<IconDownload size={14} />}>
                {t('downloadErrors')}
              </ButtonLink>
            )}
          </Group>
          {errors.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('noErrors')}
            </Text>
          ) : (
            <>
              {imp.errorCount > errors.length && (
                <Text size="sm" c="dimmed" mb="xs">
                  {t('errorsShown', { shown: errors.length, total: imp.errorCount })}
                </Text>
              )}
              <RowErrorsTable
                testId="import-errors"
                labels={{ row: t('row'), field: t('field'), reason: t('reason'), value: t('value') }}
                errors={errors.map((e) => ({ row: e.row, field: t(`fields.${e.field}` as never), reason: tv(e.message as never), value: e.value ?? null }))}
              />
            </>
          )}
        </Card>
        <Group>
          <ButtonLink href={`/${slug}/customers`}>{t('viewCustomers')}</ButtonLink>
          <ButtonLink href={base} variant="default">
            {t('newImport')}
          </ButtonLink>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={960}>
      <AnchorLink href={base} size="sm">
        ← {t('title')}
      </AnchorLink>
      <PageHeader
        title={<span style={{ wordBreak: 'break-all' }}>{imp.fileName}</span>}
        actions={(imp.status === 'uploaded' || finished) && <ImportDeleteButton slug={slug} id={id} />}
      >
        <Group gap="xs">
          <Badge variant="light" color={IMPORT_STATUS_COLOR[imp.status]} style={{ overflow: 'visible' }}>
            {imp.waiting === 'resume' ? t('statuses.resuming') : t(`statuses.${imp.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('detected', { rows: imp.totalRows, encoding: imp.encoding.toUpperCase(), delimiter: imp.delimiter === '\t' ? 'TAB' : imp.delimiter })}
          </Text>
        </Group>
      </PageHeader>
      {body}
    </Stack>
  );
}
