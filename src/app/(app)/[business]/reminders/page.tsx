import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { countReminderViews, findReminders } from '@/modules/reminders';
import { ReminderList, RemindersEmpty } from '@/modules/reminders/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reminders'))('title') };
}

const VIEWS = ['overdue', 'today', 'upcoming', 'done'] as const;
type View = (typeof VIEWS)[number];

export default async function RemindersPage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string }>;
  searchParams: Promise<{ view?: string; cursor?: string }>;
}) {
  const { business: slug } = await params;
  const query = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'reminders', 'read')) notFound();
  const db = getDb();
  const now = new Date();
  const timeZone = ctx.timeZone;
  const counts = await countReminderViews(db, ctx, now);
  // Without a choice, the first view that holds something: what needs doing now comes first.
  const view: View = VIEWS.includes(query.view as View)
    ? (query.view as View)
    : counts.overdue > 0
      ? 'overdue'
      : counts.today > 0 || counts.upcoming === 0
        ? 'today'
        : 'upcoming';
  const cursor = query.cursor?.slice(0, 400);
  const page = await findReminders(db, ctx, { view, cursor, limit: 50, now }).catch(() => findReminders(db, ctx, { view, limit: 50, now }));
  const t = await getTranslations('reminders');
  const canCreate = can(ctx.role, 'reminders', 'create');
  const base = `/${slug}/reminders`;
  const newButton = canCreate && (
    <ButtonLink href={`${base}/new`} leftSection={<IconPlus size={16} />}>
      {t('new')}
    </ButtonLink>
  );

  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={t('title')} actions={newButton} />
      {/* Wraps onto a second row at phone width rather than squeezing the labels. */}
      <Group gap={6} wrap="wrap" role="tablist" aria-label={t('title')}>
        {VIEWS.map((v) => (
          <ButtonLink
            key={v}
            href={`${base}?view=${v}`}
            variant={v === view ? 'filled' : 'default'}
            size="sm"
            radius="xl"
            style={{ flexShrink: 0 }}
            aria-current={v === view ? 'page' : undefined}
            data-testid={`view-${v}`}
            rightSection={
              v !== 'done' && counts[v] > 0 ? (
                <Badge size="sm" circle={counts[v] < 10} color={v === 'overdue' ? 'red' : undefined} variant={v === view ? 'white' : 'light'}>
                  {counts[v]}
                </Badge>
              ) : undefined
            }
          >
            {t(`views.${v}`)}
          </ButtonLink>
        ))}
      </Group>
      {page.data.length === 0 ? (
        <RemindersEmpty title={t(`empty.${view}`)} action={newButton} />
      ) : (
        <ReminderList slug={slug} role={ctx.role} items={page.data} timeZone={timeZone} now={now} />
      )}
      {page.nextCursor && (
        <Group justify="center">
          <ButtonLink variant="default" href={`${base}?${new URLSearchParams({ view, cursor: page.nextCursor })}`}>
            {t('more')}
          </ButtonLink>
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t('timesIn', { timeZone })}
      </Text>
    </Stack>
  );
}
