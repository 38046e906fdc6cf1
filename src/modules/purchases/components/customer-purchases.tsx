import {
  Badge,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { can } from '@/lib/permissions';
import { formatMoney } from '@/lib/money';
import { calendarDayIn, formatDate } from '@/lib/format-date';
import { findPurchases, getCustomerPurchaseSummary } from '../queries';
import type { PurchaseStatus } from '../schemas';
import { PurchaseEditor } from './purchase-editor';

const STATUS_COLOR: Record<PurchaseStatus, string> = { paid: 'teal', pending: 'yellow', cancelled: 'gray', refunded: 'red' };

/**
 * A customer's purchases for the profile page: lifetime value, count and last purchase date, the
 * latest 50 orders, and (by role) adding, editing and deleting them. Renders nothing for a role
 * that may not read purchases.
 */
export async function CustomerPurchases({ ctx, slug, customerId }: { ctx: Ctx; slug: string; customerId: string }) {
  if (!can(ctx.role, 'purchases', 'read')) return null;
  const db = getDb();
  const [summary, page] = await Promise.all([getCustomerPurchaseSummary(db, ctx, customerId), findPurchases(db, ctx, { customerId, limit: 50 })]);
  const timeZone = ctx.timeZone;
  const t = await getTranslations('purchases');
  const locale = await getLocale();
  const format = await getFormatter();
  const canCreate = can(ctx.role, 'purchases', 'create');
  const canUpdate = can(ctx.role, 'purchases', 'update');
  const canDelete = can(ctx.role, 'purchases', 'delete');
  const today = calendarDayIn(new Date(), timeZone);

  // Keyed (and test ids named) by the message key: the label changes with the language.
  const stats = [
    { key: 'lifetimeValue', label: t('lifetimeValue'), value: formatMoney(summary.lifetimeValueMinor, summary.currency, locale), hint: t('lifetimeValueHint') },
    { key: 'purchaseCount', label: t('purchaseCount'), value: format.number(summary.purchaseCount) },
    {
      key: 'lastPurchase',
      label: t('lastPurchase'),
      value: summary.lastPurchaseAt ? formatDate(summary.lastPurchaseAt, locale, timeZone) : t('never'),
    },
  ];

  return (
    <Card withBorder padding="lg" data-testid="customer-purchases">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('title')}</Text>
        {canCreate && <PurchaseEditor slug={slug} customerId={customerId} defaultCurrency={summary.currency} today={today} />}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" mb="md">
        {stats.map((s) => (
          <div key={s.key}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} title={s.hint}>
              {s.label}
            </Text>
            <Text fw={650} size="lg" data-testid={`purchases-${s.key}`}>
              {s.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {page.data.length === 0 ? (
        <Stack align="center" gap={4} py="md">
          <ThemeIcon size={40} variant="light" radius="xl">
            <IconReceipt size={22} />
          </ThemeIcon>
          <Text fw={600}>{t('emptyTitle')}</Text>
          <Text size="sm" c="dimmed" ta="center" maw={380}>
            {canCreate ? t('emptyText') : t('emptyTextReadOnly')}
          </Text>
        </Stack>
      ) : (
        <TableScrollContainer minWidth={300}>
          <Table verticalSpacing="xs" highlightOnHover>
            <TableThead>
              <TableTr>
                <TableTh>{t('date')}</TableTh>
                <TableTh visibleFrom="sm">{t('items')}</TableTh>
                <TableTh visibleFrom="xs">{t('status')}</TableTh>
                <TableTh ta="right">{t('total')}</TableTh>
                {(canUpdate || canDelete) && <TableTh w={72} />}
              </TableTr>
            </TableThead>
            <TableTbody>
              {page.data.map((p) => (
                <TableTr key={p.id} data-testid="purchase-row">
                  <TableTd style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(p.orderedAt, locale, timeZone)}
                    {/* On a phone the status rides under the date, leaving room for the buttons. */}
                    <Badge hiddenFrom="xs" display="block" mt={4} size="xs" variant="light" color={STATUS_COLOR[p.status]} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                      {t(`statuses.${p.status}`)}
                    </Badge>
                  </TableTd>
                  <TableTd visibleFrom="sm">
                    <Text size="sm" lineClamp={1}>
                      {p.items[0]?.name}
                      {p.items.length > 1 && (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          {t('moreItems', { count: p.items.length - 1 })}
                        </Text>
                      )}
                    </Text>
                  </TableTd>
                  <TableTd visibleFrom="xs">
                    <Badge variant="light" color={STATUS_COLOR[p.status]} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                      {t(`statuses.${p.status}`)}
                    </Badge>
                  </TableTd>
                  <TableTd ta="right" style={{ whiteSpace: 'nowrap' }} fw={600}>
                    {formatMoney(p.totalMinor, p.currency, locale)}
                  </TableTd>
                  {(canUpdate || canDelete) && (
                    <TableTd>
                      {canUpdate ? (
                        <PurchaseEditor
                          slug={slug}
                          customerId={customerId}
                          defaultCurrency={summary.currency}
                          today={today}
                          canDelete={canDelete}
                          purchase={{
                            id: p.id,
                            version: p.version,
                            date: calendarDayIn(p.orderedAt, timeZone),
                            status: p.status,
                            currency: p.currency,
                            externalRef: p.externalRef,
                            notes: p.notes,
                            items: p.items.map((i) => ({
                              name: i.name,
                              quantityMilli: i.quantityMilli,
                              unitPriceMinor: i.unitPriceMinor,
                              vatRateBp: i.vatRateBp,
                            })),
                          }}
                        />
                      ) : null}
                    </TableTd>
                  )}
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        </TableScrollContainer>
      )}
    </Card>
  );
}
