import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { can } from '@/lib/permissions';
import { getQuote, getQuoteItems } from '@/modules/quotes';
import { QuoteLines, QuoteEditor, QuoteActions, QuoteStatusBadge } from '@/modules/quotes/ui';
import { formatMoney } from '@/lib/money';
import { quoteNumberText } from '@/modules/quotes/client';
import { formatDateTime } from '@/lib/format-date';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations('quotes');
  void params;
  return { title: t('title') };
}

export default async function QuotePage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'deals', 'read') || !isUuid(id)) notFound();
  const db = getDb();
  const quote = await getQuote(db, ctx, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const items = await getQuoteItems(db, ctx.businessId, id);
  const [t, locale] = await Promise.all([getTranslations('quotes'), getLocale()]);
  const numberText = quoteNumberText(quote.number);
  const money = (minor: number) => formatMoney(minor, quote.currency, locale);
  const editable = quote.status === 'draft' && quote.canUpdate;

  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={`${t('one')} ${numberText}`}
        actions={
          <QuoteActions
            slug={slug}
            id={quote.id}
            numberText={numberText}
            status={quote.status}
            customerEmail={quote.customer?.email ?? null}
            canUpdate={quote.canUpdate}
            canDelete={quote.canDelete}
            afterDelete={`/${slug}/quotes`}
          />
        }
      />
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">{t('status')}</Text>
            <Group gap="xs">
              <QuoteStatusBadge status={quote.status} label={t(`statuses.${quote.status}`)} />
            </Group>
            {quote.status === 'held' && <Text size="xs" c="yellow.8" data-testid="quote-delivery-note">{t('heldNote')}</Text>}
            {quote.status === 'failed' && <Text size="xs" c="red" data-testid="quote-delivery-note">{t('failedNote')}</Text>}
            {quote.sentAt && !['queued', 'held', 'failed'].includes(quote.status) && <Text size="xs" c="dimmed">{t('sentOn', { date: formatDateTime(quote.sentAt, locale, ctx.timeZone) })}</Text>}
            {quote.respondedAt && <Text size="xs" c="dimmed" data-testid="quote-responded">{t('responded', { date: formatDateTime(quote.respondedAt, locale, ctx.timeZone) })}</Text>}
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">{t('deal')}</Text>
            <Text size="sm">{quote.dealTitle}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">{t('customer')}</Text>
            <Text size="sm">{quote.customer ? `${quote.customer.name}${quote.customer.email ? ` · ${quote.customer.email}` : ''}` : '—'}</Text>
          </Stack>
        </SimpleGrid>
      </Card>
      {editable ? (
        <QuoteEditor mode="edit" slug={slug} id={quote.id} version={quote.version} currency={quote.currency} initial={{ language: quote.language, validUntil: quote.validUntil, notes: quote.notes, items }} />
      ) : (
        <Stack gap="sm">
          <QuoteLines items={items} currency={quote.currency} locale={locale} testId="quote-lines" />
          <Card withBorder padding="sm" maw={420} ml="auto" w="100%">
            <Stack gap={4}>
              <Group justify="space-between"><Text size="sm">{t('subtotal')}</Text><Text size="sm">{money(quote.subtotalMinor)}</Text></Group>
              {quote.discountMinor > 0 && <Group justify="space-between"><Text size="sm">{t('discountTotal')}</Text><Text size="sm">−{money(quote.discountMinor)}</Text></Group>}
              <Group justify="space-between"><Text size="sm">{t('vat')}</Text><Text size="sm">{money(quote.vatMinor)}</Text></Group>
              <Group justify="space-between"><Text size="sm" fw={700}>{t('grandTotal')}</Text><Text size="sm" fw={700} data-testid="quote-grand-total">{money(quote.totalMinor)}</Text></Group>
            </Stack>
          </Card>
          {quote.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{quote.notes}</Text>}
        </Stack>
      )}
    </Stack>
  );
}
