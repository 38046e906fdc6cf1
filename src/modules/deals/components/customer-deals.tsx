import { Badge, Group, Stack, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { AnchorLink, ButtonLink } from '@/components/links';
import { getDb } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { can } from '@/lib/permissions';
import { formatMoney } from '@/lib/money';
import { findDealsOfCustomer } from '../queries';
import type { StageKind } from '../schemas';

const STAGE_COLOR: Record<StageKind, string> = { open: 'blue', won: 'teal', lost: 'red' };

/**
 * A customer's deals for the customer's page, within the caller's read scope (the query applies
 * the "own records" rule). Renders nothing for a role that may not read deals.
 */
export async function CustomerDeals({ ctx, slug, customerId }: { ctx: Ctx; slug: string; customerId: string }) {
  if (!can(ctx.role, 'deals', 'read')) return null;
  const [list, t, locale] = await Promise.all([findDealsOfCustomer(getDb(), ctx, customerId, 50), getTranslations('deals'), getLocale()]);
  return (
    <Stack gap="sm" data-testid="customer-deals">
      <Group justify="space-between">
        <Text fw={600}>{t('customerSection')}</Text>
        {can(ctx.role, 'deals', 'create') && (
          <ButtonLink href={`/${slug}/deals/new?${new URLSearchParams({ customer: customerId })}`} size="xs" variant="light" leftSection={<IconPlus size={14} />}>
            {t('new')}
          </ButtonLink>
        )}
      </Group>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('emptyCustomer')}
        </Text>
      ) : (
        <TableScrollContainer minWidth={300}>
          <Table verticalSpacing="xs" highlightOnHover>
            <TableThead>
              <TableTr>
                <TableTh>{t('fields.title')}</TableTh>
                <TableTh>{t('fields.stage')}</TableTh>
                <TableTh ta="right">{t('fields.value')}</TableTh>
                <TableTh visibleFrom="sm">{t('fields.owner')}</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {list.map((d) => (
                <TableTr key={d.id} data-testid="customer-deal-row">
                  <TableTd style={{ maxWidth: 260 }}>
                    <AnchorLink href={`/${slug}/deals/${d.id}`} size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
                      {d.title}
                    </AnchorLink>
                  </TableTd>
                  <TableTd>
                    <Badge variant="light" color={STAGE_COLOR[d.stage.kind]} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                      {d.stage.name}
                    </Badge>
                  </TableTd>
                  <TableTd ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(d.valueMinor, d.currency, locale, { hideZeroFraction: true })}
                  </TableTd>
                  <TableTd visibleFrom="sm">{d.owner?.name ?? '—'}</TableTd>
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        </TableScrollContainer>
      )}
    </Stack>
  );
}
