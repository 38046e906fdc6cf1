import { Card, Group, Stack, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import { getTranslations } from 'next-intl/server';
import { AnchorLink } from '@/components/links';
import type { QuoteRecord } from '../queries';
import { formatMoney } from '@/lib/money';
import { quoteNumberText } from '../number';
import { QuoteActions } from './quote-actions';
import { QuoteStatusBadge } from './quote-status-badge';
import { formatDateTime } from '@/lib/format-date';

/** Quotes as a table; on a phone it scrolls sideways rather than squeezing the columns. */
export async function QuotesTable({ slug, quotes, showDeal, locale, timeZone }: { slug: string; quotes: QuoteRecord[]; showDeal: boolean; locale: string; timeZone: string }) {
  const t = await getTranslations('quotes');
  const responded = (q: QuoteRecord) =>
    q.respondedAt ? t('responded', { date: formatDateTime(q.respondedAt, locale, timeZone) }) : null;
  const actions = (q: QuoteRecord) => (
    <QuoteActions
      compact
      slug={slug}
      id={q.id}
      numberText={quoteNumberText(q.number)}
      status={q.status}
      customerEmail={q.customer?.email ?? null}
      canUpdate={q.canUpdate}
      canDelete={q.canDelete}
    />
  );
  return (
    <>
      {/* At phone width a card per quote: status and total stay in view without scrolling sideways. */}
      <Stack gap="xs" hiddenFrom="sm">
        {quotes.map((q) => (
          <Card key={q.id} withBorder padding="xs" data-testid="quote-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <AnchorLink href={`/${slug}/quotes/${q.id}`} fw={600}>
                    {quoteNumberText(q.number)}
                  </AnchorLink>
                  <QuoteStatusBadge status={q.status} label={t(`statuses.${q.status}`)} />
                </Group>
                {showDeal && (
                  <Text size="sm" truncate>
                    {[q.dealTitle, q.customer?.name].filter(Boolean).join(' · ')}
                  </Text>
                )}
                <Text size="sm" fw={600}>
                  {formatMoney(q.totalMinor, q.currency, locale)}
                </Text>
                {q.respondedAt && (
                  <Text size="xs" c="dimmed">
                    {responded(q)}
                  </Text>
                )}
              </Stack>
              {actions(q)}
            </Group>
          </Card>
        ))}
      </Stack>
    <TableScrollContainer minWidth={showDeal ? 720 : 520} visibleFrom="sm">
      <Table verticalSpacing="xs" highlightOnHover data-testid="quotes-table">
        <TableThead>
          <TableTr>
            <TableTh>{t('number')}</TableTh>
            {showDeal && <TableTh>{t('deal')}</TableTh>}
            {showDeal && <TableTh>{t('customer')}</TableTh>}
            <TableTh>{t('status')}</TableTh>
            <TableTh style={{ textAlign: 'right' }}>{t('total')}</TableTh>
            <TableTh />
          </TableTr>
        </TableThead>
        <TableTbody>
          {quotes.map((q) => (
            <TableTr key={q.id} data-testid="quote-row">
              <TableTd>
                <AnchorLink href={`/${slug}/quotes/${q.id}`} fw={600}>
                  {quoteNumberText(q.number)}
                </AnchorLink>
              </TableTd>
              {showDeal && <TableTd>{q.dealTitle}</TableTd>}
              {showDeal && <TableTd>{q.customer?.name ?? '—'}</TableTd>}
              <TableTd>
                <Stack gap={2}>
                  <QuoteStatusBadge status={q.status} label={t(`statuses.${q.status}`)} />
                  {q.respondedAt && (
                    <Text size="xs" c="dimmed">
                      {responded(q)}
                    </Text>
                  )}
                </Stack>
              </TableTd>
              <TableTd style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{formatMoney(q.totalMinor, q.currency, locale)}</TableTd>
              <TableTd>{actions(q)}</TableTd>
            </TableTr>
          ))}
        </TableTbody>
      </Table>
    </TableScrollContainer>
    </>
  );
}
