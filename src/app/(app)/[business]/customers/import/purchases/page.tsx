import { Card, List, ListItem, Stack, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { MAX_PURCHASE_IMPORT_ROWS } from '@/modules/purchases';
import { PurchaseImport } from '@/modules/purchases/ui';

const COLUMNS = ['orderRef', 'customer', 'orderedAt', 'item', 'quantity', 'unitPrice', 'vatRate', 'status', 'currency'] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('purchases.import'))('title') };
}

export default async function PurchaseImportPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  // Importing records purchases: the page is for the roles that may record them.
  if (!can(ctx.role, 'purchases', 'create')) notFound();
  const t = await getTranslations('purchases.import');
  const ti = await getTranslations('imports');

  return (
    <Stack gap="lg" maw={960}>
      {can(ctx.role, 'customers', 'create') && (
        <AnchorLink href={`/${slug}/customers/import`} size="sm">
          ← {ti('title')}
        </AnchorLink>
      )}
      <PageHeader title={t('title')}>
        <Text c="dimmed" size="sm">
          {t('subtitle')}
        </Text>
      </PageHeader>
      <Card withBorder padding="lg">
        <Text fw={600}>{t('columnsTitle')}</Text>
        <Text size="sm" c="dimmed" mb="sm">
          {t('columnsHint')}
        </Text>
        <List size="sm" spacing={4}>
          {COLUMNS.map((c) => (
            <ListItem key={c}>{t(`columns.${c}`)}</ListItem>
          ))}
        </List>
        <Text size="sm" c="dimmed" mt="sm">
          {t('limits', { rows: MAX_PURCHASE_IMPORT_ROWS })}
        </Text>
      </Card>
      <PurchaseImport slug={slug} />
    </Stack>
  );
}
