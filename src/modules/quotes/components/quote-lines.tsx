import { Card, Group, Stack, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import { getTranslations } from 'next-intl/server';
import type { QuoteItemRecord } from '../queries';
import { formatMoney, formatPercent, formatQuantity, lineAmounts } from '@/lib/money';

/**
 * A quote's lines, read-only: a table on wide screens, a card per line at phone width so the
 * amounts stay in view. `locale` is the reader's (the app) or the quote's (the public page).
 */
export async function QuoteLines({ items, currency, locale, testId }: { items: QuoteItemRecord[]; currency: string; locale: string; testId: string }) {
  const t = await getTranslations({ locale, namespace: 'quotes' });
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const right = { textAlign: 'right' } as const;
  return (
    <>
      <Stack gap="xs" hiddenFrom="sm">
        {items.map((i) => (
          <Card key={i.position} withBorder padding="xs">
            <Text size="sm" fw={500}>
              {i.name}
            </Text>
            <Group justify="space-between" wrap="nowrap" mt={4}>
              <Text size="xs" c="dimmed">
                {formatQuantity(i.quantityMilli, locale)} × {money(i.unitPriceMinor)}
                {i.discountBp ? ` · −${formatPercent(i.discountBp, locale)}` : ''} · {t('vat')} {formatPercent(i.vatRateBp, locale)}
              </Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {money(lineAmounts(i).lineTotalMinor)}
              </Text>
            </Group>
          </Card>
        ))}
      </Stack>
      <TableScrollContainer minWidth={600} visibleFrom="sm">
        <Table verticalSpacing="xs" withTableBorder data-testid={testId}>
          <TableThead>
            <TableTr>
              <TableTh>{t('item')}</TableTh>
              <TableTh style={right}>{t('quantity')}</TableTh>
              <TableTh style={right}>{t('unitPrice')}</TableTh>
              <TableTh style={right}>{t('discount')}</TableTh>
              <TableTh style={right}>{t('vatRate')}</TableTh>
              <TableTh style={right}>{t('lineTotal')}</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {items.map((i) => (
              <TableTr key={i.position}>
                <TableTd>{i.name}</TableTd>
                <TableTd style={right}>{formatQuantity(i.quantityMilli, locale)}</TableTd>
                <TableTd style={right}>{money(i.unitPriceMinor)}</TableTd>
                <TableTd style={right}>{i.discountBp ? formatPercent(i.discountBp, locale) : '—'}</TableTd>
                <TableTd style={right}>{formatPercent(i.vatRateBp, locale)}</TableTd>
                <TableTd style={right}>{money(lineAmounts(i).lineTotalMinor)}</TableTd>
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </TableScrollContainer>
    </>
  );
}
