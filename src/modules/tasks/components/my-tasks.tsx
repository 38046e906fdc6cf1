'use client';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { DoneToggle } from './task-actions';
import { PRIORITY_COLORS, useDueFormat, type TaskCardData } from './task-card';

export const MY_TASK_GROUPS = ['overdue', 'today', 'upcoming', 'noDate', 'done'] as const;
export type MyTaskGroup = (typeof MY_TASK_GROUPS)[number];

/** The signed-in person's tasks in groups (cut on the server by the business's calendar day). */
export function MyTasks({ slug, groups, timeZone }: { slug: string; groups: Record<MyTaskGroup, TaskCardData[]>; timeZone: string }) {
  const t = useTranslations('tasks');
  const formatDue = useDueFormat(timeZone);
  return (
    <Stack gap="md">
      {MY_TASK_GROUPS.filter((g) => groups[g].length > 0).map((group) => (
        <Stack key={group} gap={6} data-testid={`my-tasks-${group}`}>
          <Group gap="xs">
            <Title order={5} c={group === 'overdue' ? 'red' : undefined}>
              {t(`groups.${group}`)}
            </Title>
            <Badge variant="light" color={group === 'overdue' ? 'red' : 'gray'} size="sm">
              {groups[group].length}
            </Badge>
          </Group>
          <Paper withBorder radius="md">
            {groups[group].map((task, i) => (
              <Group
                key={task.id}
                px="sm"
                py={8}
                gap="sm"
                wrap="nowrap"
                style={i > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
                data-testid="my-task"
              >
                <DoneToggle slug={slug} id={task.id} title={task.title} done={task.category === 'done'} />
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Anchor component={Link} href={`/${slug}/tasks/${task.id}`} size="sm" fw={500} td={task.category === 'done' ? 'line-through' : undefined} truncate>
                    {task.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {[task.project?.name, task.customer?.name].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
                {task.priority !== 'medium' && (
                  <Badge size="xs" variant="light" color={PRIORITY_COLORS[task.priority]} visibleFrom="xs">
                    {t(`priorities.${task.priority}`)}
                  </Badge>
                )}
                {task.dueAt && (
                  <Text size="xs" c={group === 'overdue' ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                    {formatDue(task.dueAt)}
                  </Text>
                )}
              </Group>
            ))}
          </Paper>
        </Stack>
      ))}
    </Stack>
  );
}
