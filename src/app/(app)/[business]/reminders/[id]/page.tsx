import { Badge, Card, Group, SimpleGrid, Stack, Text, Timeline, TimelineItem } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { findReminderOccurrences, getReminder } from '@/modules/reminders';
import { ReminderDetailActions } from '@/modules/reminders/ui';
import { reminderButtons } from '@/modules/reminders/client';
import { formatDateTime } from '@/lib/format-date';

export default async function ReminderDetailPage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const reminder = await getReminder(db, ctx, id).catch((err) => {
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) notFound();
    throw err;
  });
  const timeZone = ctx.timeZone;
  const history = await findReminderOccurrences(db, ctx, id);
  const t = await getTranslations('reminders');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const when = (d: Date) => formatDateTime(d, locale, ctx.timeZone, { date: 'full' });
  const now = new Date();
  const overdue = !reminder.doneAt && reminder.dueAt.getTime() < now.getTime();
  const buttons = reminderButtons(ctx.role, reminder);
  const fields = [
    { label: t('fields.dueAt'), value: when(reminder.dueAt) },
    { label: t('fields.repeat'), value: t(`repeats.${reminder.repeat}`) },
    {
      label: t('fields.customer'),
      // The customer's page belongs to the customers module; its path is the convention of every module.
      value: reminder.customer ? <AnchorLink href={`/${slug}/customers/${reminder.customer.id}`}>{reminder.customer.name}</AnchorLink> : t('noCustomer'),
    },
    { label: t('fields.assignee'), value: reminder.assignee?.name ?? t('unassigned') },
    { label: t('fields.createdBy'), value: reminder.createdBy?.name ?? tc('none') },
    { label: t('fields.createdAt'), value: formatDateTime(reminder.createdAt, locale, ctx.timeZone) },
  ];

  return (
    <Stack gap="lg" maw={860}>
      <AnchorLink href={`/${slug}/reminders`} size="sm">
        ← {t('title')}
      </AnchorLink>
      <PageHeader
        title={<span style={{ overflowWrap: 'anywhere' }}>{reminder.title}</span>}
        actions={<ReminderDetailActions slug={slug} id={reminder.id} title={reminder.title} version={reminder.version} {...buttons} />}
      >
        <Group gap={6}>
          {reminder.doneAt ? (
            <Badge color="teal" variant="light">
              {t('status.done')}
            </Badge>
          ) : overdue ? (
            <Badge color="red" variant="light">
              {t('status.overdue')}
            </Badge>
          ) : (
            <Badge variant="light">{t('status.open')}</Badge>
          )}
          {reminder.notifiedAt && !reminder.doneAt && (
            <Text size="xs" c="dimmed">
              {t('notified')}
            </Text>
          )}
        </Group>
      </PageHeader>
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {fields.map((f) => (
            <div key={f.label}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {f.label}
              </Text>
              <Text component="div">{f.value}</Text>
            </div>
          ))}
        </SimpleGrid>
        {reminder.note && (
          <Stack gap={2} mt="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('fields.note')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{reminder.note}</Text>
          </Stack>
        )}
      </Card>
      <Card withBorder padding="lg" data-testid="reminder-history">
        <Text fw={600} mb="sm">
          {t('history')}
        </Text>
        {history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('historyEmpty')}
          </Text>
        ) : (
          <Timeline bulletSize={22} lineWidth={2}>
            {history.map((h) => (
              <TimelineItem key={h.id} bullet={<IconCheck size={12} />} title={t('historyDue', { due: when(h.dueAt) })}>
                <Text size="sm" c="dimmed">
                  {t('historyDone', { done: formatDateTime(h.doneAt, locale, ctx.timeZone) })}
                  {h.doneBy ? ` · ${t('historyBy', { name: h.doneBy.name })}` : ''}
                </Text>
              </TimelineItem>
            ))}
          </Timeline>
        )}
      </Card>
      <Text size="xs" c="dimmed">
        {t('timesIn', { timeZone })}
      </Text>
    </Stack>
  );
}
