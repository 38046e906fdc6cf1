import { Stack, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { can } from '@/lib/permissions';
import { getDealForQuote } from '@/modules/quotes';
import { QuoteEditor } from '@/modules/quotes/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('quotes'))('new') };
}

export default async function NewQuotePage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id: dealId } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'deals', 'create') || !isUuid(dealId)) notFound();
  const deal = await getDealForQuote(getDb(), ctx, dealId).catch((err: unknown) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const t = await getTranslations('quotes');
  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={t('new')} />
      <Text c="dimmed" size="sm">
        {deal.title}
        {deal.customerName ? ` · ${deal.customerName}` : ''}
      </Text>
      <QuoteEditor mode="create" slug={slug} dealId={deal.id} currency={deal.currency} initial={{ language: 'tr', validUntil: null, notes: null, items: [] }} />
    </Stack>
  );
}
