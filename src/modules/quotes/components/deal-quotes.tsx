import { Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/links';
import { getDb } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { can } from '@/lib/permissions';
import { findQuotes } from '../queries';
import { QuotesTable } from './quotes-table';

/** A deal's quotes with their status and total, and a button for a new one; for the deal's page. */
export async function DealQuotes({ ctx, slug, dealId }: { ctx: Ctx; slug: string; dealId: string }) {
  if (!can(ctx.role, 'deals', 'read')) return null;
  const [quotes, t, locale] = await Promise.all([findQuotes(getDb(), ctx, { dealId }), getTranslations('quotes'), getLocale()]);
  return (
    <Stack gap="sm" data-testid="deal-quotes">
      <Group justify="space-between">
        <Text fw={600}>{t('dealQuotes')}</Text>
        {can(ctx.role, 'deals', 'create') && (
          <ButtonLink href={`/${slug}/deals/${dealId}/quotes/new`} size="xs" variant="light" leftSection={<IconPlus size={14} />} data-testid="new-quote">
            {t('new')}
          </ButtonLink>
        )}
      </Group>
      {quotes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('empty')}
        </Text>
      ) : (
        <QuotesTable slug={slug} quotes={quotes} showDeal={false} locale={locale} timeZone={ctx.timeZone} />
      )}
    </Stack>
  );
}
