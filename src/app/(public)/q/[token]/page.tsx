import { createHash } from 'node:crypto';
import { Alert, Anchor, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { getQuoteDocumentByTokenHash } from '@/modules/quotes';
import { QuoteLines, QuoteStatusBadge, RespondButtons } from '@/modules/quotes/ui';
import { formatMoney } from '@/lib/money';
import { quoteNumberText } from '@/modules/quotes/client';
import { formatCalendarDay, formatDate } from '@/lib/format-date';

export const dynamic = 'force-dynamic';

// same-origin: the token stays out of other sites' Referer, while the answer form still sends an Origin.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'same-origin' };

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The customer's view of a quote, opened from the e-mail without an account. The token is the only
 * key: only its SHA-256 is stored, and any other token answers 404. Shown in the quote's language.
 */
export default async function PublicQuotePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  const { token } = await params;
  if (token.length < 20 || token.length > 200) notFound();
  const doc = await getQuoteDocumentByTokenHash(getDb(), tokenHash(token));
  if (!doc) notFound();
  const { done } = await searchParams;
  const q = doc.quote;
  const lang = q.language;
  const t = await getTranslations({ locale: lang, namespace: 'quotes' });
  const money = (minor: number) => formatMoney(minor, q.currency, lang);
  const numberText = quoteNumberText(q.number);
  const answeredOn = q.respondedAt ? formatDate(q.respondedAt, lang, doc.business.timeZone, 'long') : '';

  return (
    <Container size="md" py="lg" lang={lang}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 22, sm: 28 }}>
            {t('public.heading', { number: numberText, business: doc.business.name })}
          </Title>
          {q.customer && <Text c="dimmed">{t('public.for', { customer: q.customer.name })}</Text>}
          <Group gap="xs">
            <QuoteStatusBadge status={q.status} label={t(`statuses.${q.status}`)} />
            {q.validUntil && (
              <Text size="sm" c="dimmed">
                {t('validUntil')}: {formatCalendarDay(q.validUntil, lang, 'long')}
              </Text>
            )}
          </Group>
        </Stack>
        {done && <Alert color="teal">{t('public.done')}</Alert>}
        <QuoteLines items={doc.items} currency={q.currency} locale={lang} testId="public-quote-lines" />
        <Card withBorder padding="sm" maw={400} ml="auto" w="100%">
          <Stack gap={4}>
            <Group justify="space-between"><Text size="sm">{t('subtotal')}</Text><Text size="sm">{money(q.subtotalMinor)}</Text></Group>
            {q.discountMinor > 0 && <Group justify="space-between"><Text size="sm">{t('discountTotal')}</Text><Text size="sm">−{money(q.discountMinor)}</Text></Group>}
            <Group justify="space-between"><Text size="sm">{t('vat')}</Text><Text size="sm">{money(q.vatMinor)}</Text></Group>
            <Group justify="space-between"><Text fw={700}>{t('grandTotal')}</Text><Text fw={700} data-testid="public-total">{money(q.totalMinor)}</Text></Group>
          </Stack>
        </Card>
        {q.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{q.notes}</Text>}
        <Group>
          <Anchor href={`/q/${encodeURIComponent(token)}/pdf`} data-testid="public-pdf">
            {t('public.downloadPdf')}
          </Anchor>
        </Group>
        {q.status === 'sent' ? (
          <RespondButtons
            token={token}
            labels={{
              accept: t('public.accept'),
              reject: t('public.reject'),
              acceptConfirm: t('public.acceptConfirm', { business: doc.business.name }),
              rejectConfirm: t('public.rejectConfirm', { business: doc.business.name }),
              confirm: t('public.confirm'),
              cancel: t('cancel'),
            }}
          />
        ) : (
          <Alert color={q.status === 'accepted' ? 'teal' : q.status === 'rejected' ? 'red' : 'orange'} data-testid="public-answer">
            {q.status === 'accepted'
              ? t('public.accepted', { date: answeredOn })
              : q.status === 'rejected'
                ? t('public.rejected', { date: answeredOn })
                : q.status === 'expired'
                  ? t('public.expired', { business: doc.business.name })
                  : t('public.notAvailable')}
          </Alert>
        )}
      </Stack>
    </Container>
  );
}
