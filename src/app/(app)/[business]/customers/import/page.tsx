import { Badge, Card, Group, Stack, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { findImports } from '@/modules/imports';
import { ImportUpload, IMPORT_STATUS_COLOR } from '@/modules/imports/ui';
import { formatDateTime } from '@/lib/format-date';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('title') };
}

export default async function ImportPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  // Importing creates customers: the page is for the roles that may.
  if (!can(ctx.role, 'customers', 'create')) notFound();
  const t = await getTranslations('imports');
  const tp = await getTranslations('purchases.import');
  const [format, locale] = await Promise.all([getFormatter(), getLocale()]);
  const recent = await findImports(getDb(), ctx, 10);

  return (
    <Stack gap="lg" maw={960}>
      <PageHeader title={t('title')}>
        <Text c="dimmed" size="sm">
          {t('subtitle')}
        </Text>
      </PageHeader>
      <Card withBorder padding="lg">
        <Text fw={600}>{t('uploadTitle')}</Text>
        <Text size="sm" c="dimmed" mb="md">
          {t('uploadHint')}
        </Text>
        <ImportUpload slug={slug} />
      </Card>
      {can(ctx.role, 'purchases', 'create') && (
        <Card withBorder padding="lg">
          <Group justify="space-between" gap="sm">
            <div style={{ flex: '1 1 260px' }}>
              <Text fw={600}>{tp('title')}</Text>
              <Text size="sm" c="dimmed">
                {tp('linkHint')}
              </Text>
            </div>
            <ButtonLink href={`/${slug}/customers/import/purchases`} variant="light" leftSection={<IconReceipt size={16} />} data-testid="import-purchases-link">
              {tp('action')}
            </ButtonLink>
          </Group>
        </Card>
      )}
      <Card withBorder padding="lg">
        <Text fw={600} mb="sm">
          {t('recent')}
        </Text>
        {recent.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('noImports')}
          </Text>
        ) : (
          <TableScrollContainer minWidth={340}>
            <Table verticalSpacing="xs" highlightOnHover>
              <TableThead>
                <TableTr>
                  <TableTh>{t('file')}</TableTh>
                  <TableTh visibleFrom="sm">{t('createdAt')}</TableTh>
                  <TableTh ta="right">{t('rows')}</TableTh>
                  <TableTh>{t('status')}</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {recent.map((imp) => (
                  <TableTr key={imp.id}>
                    <TableTd style={{ maxWidth: 260 }}>
                      <AnchorLink href={`/${slug}/customers/import/${imp.id}`} fw={600} size="sm" style={{ wordBreak: 'break-all' }}>
                        {imp.fileName}
                      </AnchorLink>
                    </TableTd>
                    <TableTd visibleFrom="sm">{formatDateTime(imp.createdAt, locale, ctx.timeZone)}</TableTd>
                    <TableTd ta="right">{format.number(imp.totalRows)}</TableTd>
                    <TableTd>
                      <Badge variant="light" color={IMPORT_STATUS_COLOR[imp.status]} style={{ overflow: 'visible' }}>
                        {imp.waiting === 'resume' ? t('statuses.resuming') : t(`statuses.${imp.status}`)}
                      </Badge>
                    </TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
