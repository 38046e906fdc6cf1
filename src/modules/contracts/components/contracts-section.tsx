import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { can } from '@/lib/permissions';
import { findContracts } from '../queries';
import { ContractRowActions, NewContractButton } from './contract-dialog';
import { formatCalendarDay } from '@/lib/format-date';

const COLORS = { draft: 'gray', active: 'teal', expired: 'orange', terminated: 'red' } as const;

/** The contracts of a deal or a customer, with add, edit, download and delete. */
export async function ContractsSection({ ctx, slug, dealId, customerId }: { ctx: Ctx; slug: string; dealId?: string; customerId?: string }) {
  if (!can(ctx.role, 'deals', 'read')) return null;
  const [list, t, locale] = await Promise.all([findContracts(getDb(), ctx, dealId ? { dealId } : { customerId }), getTranslations('contracts'), getLocale()]);
  const day = (d: string) => formatCalendarDay(d, locale);
  return (
    <Stack gap="sm" data-testid={dealId ? 'deal-contracts' : 'customer-contracts'}>
      <Group justify="space-between">
        <Text fw={600}>{t('title')}</Text>
        {can(ctx.role, 'deals', 'create') && <NewContractButton slug={slug} dealId={dealId} customerId={dealId ? undefined : customerId} />}
      </Group>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('empty')}
        </Text>
      ) : (
        list.map((c) => (
          <Card key={c.id} withBorder padding="xs" data-testid="contract-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={500} size="sm" truncate>
                    {c.title}
                  </Text>
                  <Badge size="sm" variant="light" color={COLORS[c.status]}>
                    {t(`statuses.${c.status}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {[c.endDate ? t('ends', { date: day(c.endDate) }) : null, c.fileName ?? t('noFile'), !dealId && c.dealTitle ? c.dealTitle : null].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              <ContractRowActions
                slug={slug}
                hasFile={Boolean(c.filePath)}
                canUpdate={c.canUpdate}
                canDelete={c.canDelete}
                contract={{ id: c.id, version: c.version, title: c.title, status: c.status, startDate: c.startDate, endDate: c.endDate, remindDaysBefore: c.remindDaysBefore }}
              />
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
