import { Badge, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBell, IconRepeat, IconUser, IconBuildingStore } from '@tabler/icons-react';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AnchorLink } from '@/components/links';
import type { Role } from '@/lib/permissions';
import type { ReminderRecord } from '../queries';
import { reminderButtons } from '../permissions';
import { MarkDoneButton } from './reminder-actions';
import { formatDateTime } from '@/lib/format-date';

/**
 * Reminders as a list of rows (one line of facts under the title), dense enough for a desk and
 * readable at phone width without a table to scroll sideways.
 */
export async function ReminderList({
  slug,
  role,
  items,
  timeZone,
  now,
  showCustomer = true,
}: {
  slug: string;
  role: Role;
  items: ReminderRecord[];
  timeZone: string;
  now: Date;
  showCustomer?: boolean;
}) {
  const t = await getTranslations('reminders');
  const locale = await getLocale();
  return (
    <Card withBorder padding={0}>
      <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="reminder-list">
        {items.map((r, i) => {
          const overdue = !r.doneAt && r.dueAt.getTime() < now.getTime();
          const buttons = reminderButtons(role, r);
          return (
            <Group
              key={r.id}
              component="li"
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              px="md"
              py="sm"
              style={i > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <AnchorLink href={`/${slug}/reminders/${r.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {r.title}
                </AnchorLink>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
                    {formatDateTime(r.doneAt ?? r.dueAt, locale, timeZone)}
                  </Text>
                  {overdue && (
                    <Badge color="red" variant="light" size="sm">
                      {t('status.overdue')}
                    </Badge>
                  )}
                  {r.repeat !== 'none' && <Fact icon={<IconRepeat size={14} />}>{t(`repeats.${r.repeat}`)}</Fact>}
                  {showCustomer && r.customer && <Fact icon={<IconBuildingStore size={14} />}>{r.customer.name}</Fact>}
                  {r.assignee && <Fact icon={<IconUser size={14} />}>{r.assignee.name}</Fact>}
                </Group>
              </Stack>
              {buttons.canDone && <MarkDoneButton slug={slug} id={r.id} version={r.version} compact />}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

function Fact({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" c="dimmed" style={{ minWidth: 0 }}>
      {icon}
      <Text size="sm" truncate maw={220}>
        {children}
      </Text>
    </Group>
  );
}

/** What an empty view says, with the way to make the first reminder. */
export async function RemindersEmpty({ title, action }: { title: string; action?: ReactNode }) {
  const t = await getTranslations('reminders');
  return (
    <Card withBorder padding="xl" data-testid="reminders-empty">
      <Stack align="center" gap="xs" py="lg">
        <ThemeIcon size={44} variant="light" radius="xl">
          <IconBell size={24} />
        </ThemeIcon>
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed" ta="center" maw={420}>
          {t('empty.text')}
        </Text>
        {action}
      </Stack>
    </Card>
  );
}
