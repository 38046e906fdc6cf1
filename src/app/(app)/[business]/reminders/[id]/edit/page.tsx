import { Paper, Stack } from '@mantine/core';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { findPersonnel } from '@/modules/personnel';
import { getReminder } from '@/modules/reminders';
import { ReminderForm } from '@/modules/reminders/ui';
import { reminderButtons } from '@/modules/reminders/client';
import { formatWallClock } from '@/lib/dates';

export default async function EditReminderPage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const reminder = await getReminder(db, ctx, id).catch((err) => {
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) notFound();
    throw err;
  });
  if (!reminderButtons(ctx.role, reminder).canEdit) notFound();
  const timeZone = ctx.timeZone;
  const people = await findPersonnel(db, ctx, { limit: 200 });
  const t = await getTranslations('reminders');
  // Inactive people stay choosable only if they already hold the reminder.
  const assignees = people.data.filter((p) => p.active || p.id === reminder.assignee?.id).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Stack gap="lg" maw={760}>
      <AnchorLink href={`/${slug}/reminders/${id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
        ← {reminder.title}
      </AnchorLink>
      <PageHeader title={t('editTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <ReminderForm
          // Remount on a newer version so the form never edits stale values.
          key={reminder.version}
          slug={slug}
          timeZone={timeZone}
          assignees={assignees}
          initialCustomer={reminder.customer ? { value: reminder.customer.id, label: reminder.customer.name } : null}
          initialValues={{
            title: reminder.title,
            dueAt: formatWallClock(reminder.dueAt, timeZone),
            customerId: reminder.customer?.id ?? '',
            assigneeId: reminder.assignee?.id ?? '',
            note: reminder.note ?? '',
            repeat: reminder.repeat,
          }}
          edit={{ id: reminder.id, version: reminder.version }}
        />
      </Paper>
    </Stack>
  );
}
