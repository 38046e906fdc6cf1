import { Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/links';
import { getDb } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { can } from '@/lib/permissions';
import { findReminders } from '../queries';
import { ReminderList } from './reminder-list';

/**
 * A customer's open reminders, for the customer's page, with a button that opens the reminder form
 * with the customer filled in (and comes back here after saving). Reads within the caller's scope.
 */
export async function CustomerReminders({ ctx, slug, customerId }: { ctx: Ctx; slug: string; customerId: string }) {
  if (!can(ctx.role, 'reminders', 'read')) return null;
  const db = getDb();
  const now = new Date();
  const timeZone = ctx.timeZone;
  const page = await findReminders(db, ctx, { view: 'open', customerId, limit: 20, now });
  const t = await getTranslations('reminders');
  const newHref = `/${slug}/reminders/new?${new URLSearchParams({ customerId, returnTo: `/${slug}/customers/${customerId}` })}`;
  return (
    <Stack gap="sm" data-testid="customer-reminders">
      <Group justify="space-between">
        <Text fw={600}>{t('customerSection')}</Text>
        {can(ctx.role, 'reminders', 'create') && (
          <ButtonLink href={newHref} size="xs" variant="light" leftSection={<IconPlus size={14} />}>
            {t('new')}
          </ButtonLink>
        )}
      </Group>
      {page.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customerEmpty')}
        </Text>
      ) : (
        <ReminderList slug={slug} role={ctx.role} items={page.data} timeZone={timeZone} now={now} showCustomer={false} />
      )}
    </Stack>
  );
}
