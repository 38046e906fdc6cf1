import { Stack, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { findQuotes } from '@/modules/quotes';
import { QuotesTable } from '@/modules/quotes/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('quotes'))('title') };
}

export default async function QuotesPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'deals', 'read')) notFound();
  const [quotes, t, locale] = await Promise.all([findQuotes(getDb(), ctx), getTranslations('quotes'), getLocale()]);
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t('title')} />
      {quotes.length === 0 ? (
        <Text c="dimmed" data-testid="quotes-empty">
          {t('emptyAll')}
        </Text>
      ) : (
        <QuotesTable slug={slug} quotes={quotes} showDeal locale={locale} timeZone={ctx.timeZone} />
      )}
    </Stack>
  );
}
