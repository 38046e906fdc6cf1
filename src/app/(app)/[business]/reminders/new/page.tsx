import { Paper, Stack } from '@mantine/core';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { safeNextPath } from '@/lib/safe-redirect';
import { findPersonnel } from '@/modules/personnel';
import { getCustomerOption } from '@/modules/reminders';
import { ReminderForm } from '@/modules/reminders/ui';
import { formatWallClock } from '@/lib/dates';

/** Tomorrow's date where the business is: the form starts at 09:00 then, a first guess to change. */
function tomorrowIn(timeZone: string): string {
  return formatWallClock(new Date(Date.now() + 24 * 3600_000), timeZone).slice(0, 10);
}

export default async function NewReminderPage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string }>;
  searchParams: Promise<{ customerId?: string; returnTo?: string }>;
}) {
  const { business: slug } = await params;
  const query = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'reminders', 'create')) notFound();
  const db = getDb();
  const timeZone = ctx.timeZone;
  const [people, customer] = await Promise.all([
    findPersonnel(db, ctx, { limit: 200 }),
    query.customerId ? getCustomerOption(db, ctx, query.customerId) : null,
  ]);
  const t = await getTranslations('reminders');
  const tomorrow = tomorrowIn(timeZone);
  const returnTo = query.returnTo ? safeNextPath(query.returnTo, '') : '';
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('newTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <ReminderForm
          slug={slug}
          timeZone={timeZone}
          assignees={people.data.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
          initialCustomer={customer ? { value: customer.id, label: customer.name } : null}
          initialValues={{
            title: '',
            dueAt: `${tomorrow} 09:00`,
            customerId: customer?.id ?? '',
            assigneeId: ctx.personnelId,
            note: '',
            repeat: 'none',
          }}
          returnTo={returnTo || undefined}
        />
      </Paper>
    </Stack>
  );
}
