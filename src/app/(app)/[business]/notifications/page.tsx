import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { countUnreadNotifications, findNotifications } from '@/modules/notifications';
import { NotificationItems, MarkAllReadButton } from '@/modules/notifications/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') };
}

export default async function NotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { business: slug } = await params;
  const { cursor } = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const [page, unread] = await Promise.all([
    findNotifications(db, ctx, { cursor: cursor?.slice(0, 40), limit: 30 }).catch(() => findNotifications(db, ctx, { limit: 30 })),
    countUnreadNotifications(db, ctx),
  ]);
  const t = await getTranslations('notifications');
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t('title')} actions={unread > 0 && <MarkAllReadButton slug={slug} />} />
      {page.data.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="center" gap="xs" py="lg">
            <ThemeIcon size={44} variant="light" radius="xl">
              <IconBell size={24} />
            </ThemeIcon>
            <Text fw={600}>{t('empty')}</Text>
            <Text size="sm" c="dimmed" ta="center" maw={420}>
              {t('emptyText')}
            </Text>
          </Stack>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          <NotificationItems
            slug={slug}
            items={page.data.map((n) => ({ ...n, read: n.readAt !== null, createdAt: n.createdAt.toISOString(), readAt: undefined }))}
          />
        </Card>
      )}
      {page.nextCursor && (
        <Group justify="center">
          <ButtonLink variant="default" href={`/${slug}/notifications?cursor=${page.nextCursor}`}>
            {t('more')}
          </ButtonLink>
        </Group>
      )}
    </Stack>
  );
}
