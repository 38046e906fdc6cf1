'use client';
import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell, IconChecks } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { useState } from 'react';
import { markNotificationsReadAction } from '../actions';


/** The line above a notice's title, per kind; kinds from other modules fall back to "Notification". */
const KIND_LABELS: Record<string, 'kinds.reminderDue' | 'kinds.taskDue' | 'kinds.taskMention' | 'kinds.projectFromDeal'> = {
  'reminder.due': 'kinds.reminderDue',
  'task.due': 'kinds.taskDue',
  'task.mention': 'kinds.taskMention',
  'project.fromDeal': 'kinds.projectFromDeal',
};
export type BellItem = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  read: boolean;
  createdAt: string;
};

export function NotificationBellMenu({ slug, unread, items }: { slug: string; unread: number; items: BellItem[] }) {
  const t = useTranslations('notifications');
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);

  const markAll = async () => {
    setBusy(true);
    const result = await markNotificationsReadAction(slug, { all: true });
    setBusy(false);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} color="red" disabled={unread === 0} offset={4} data-testid="bell-count" data-count={unread}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread > 0 ? `${t('bell')}: ${t('unread', { count: unread })}` : t('bell')}
            data-testid="notification-bell"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
        <Group justify="space-between" px="md" py="xs">
          <Text fw={600}>{t('title')}</Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" leftSection={<IconChecks size={14} />} loading={busy} onClick={markAll}>
              {t('markAllRead')}
            </Button>
          )}
        </Group>
        <Divider />
        {items.length === 0 ? (
          <Stack gap={4} p="md">
            <Text size="sm" fw={600}>
              {t('empty')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('emptyText')}
            </Text>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <NotificationItems slug={slug} items={items} onOpen={() => setOpened(false)} />
          </ScrollArea.Autosize>
        )}
        <Divider />
        <Anchor component={Link} href={`/${slug}/notifications`} size="sm" display="block" px="md" py="xs" onClick={() => setOpened(false)}>
          {t('viewAll')}
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Notifications as rows; opening one marks it read and goes to what it is about. */
export function NotificationItems({ slug, items, onOpen }: { slug: string; items: BellItem[]; onOpen?: () => void }) {
  const t = useTranslations('notifications');
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const router = useRouter();
  return (
    <Stack gap={0} data-testid="notification-items">
      {items.map((n) => (
        <UnstyledButton
          key={n.id}
          px="md"
          py="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)', background: n.read ? undefined : 'var(--mantine-color-blue-light)' }}
          onClick={async () => {
            onOpen?.();
            if (!n.read) await markNotificationsReadAction(slug, { ids: [n.id] });
            if (n.link) router.push(n.link);
            router.refresh();
          }}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed">
                {t(KIND_LABELS[n.kind] ?? 'kinds.other')}
              </Text>
              <Text size="sm" fw={n.read ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
                {n.title}
              </Text>
              {n.body && (
                <Text size="xs" c="dimmed" truncate>
                  {n.body}
                </Text>
              )}
            </Stack>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {format.relativeTime(new Date(n.createdAt), now)}
            </Text>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
