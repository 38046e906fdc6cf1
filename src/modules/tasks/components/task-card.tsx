'use client';
import { Anchor, Avatar, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconChecklist, IconMessage } from '@tabler/icons-react';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { memo } from 'react';
import type { TaskCategory, TaskPriority } from '../schemas';
import { formatDateTime } from '@/lib/format-date';

/** A task as the board and lists get it from the server (dates as ISO text). */
export type TaskCardData = {
  id: string;
  title: string;
  statusId: string | null;
  category: TaskCategory;
  priority: TaskPriority;
  dueAt: string | null;
  completedAt: string | null;
  assignees: { id: string; name: string }[];
  checklist: { done: number; total: number };
  comments: number;
  customer: { id: string; name: string } | null;
  project: { id: string; name: string } | null;
  mine: boolean;
};

export const PRIORITY_COLORS: Record<TaskPriority, string> = { low: 'gray', medium: 'blue', high: 'orange', urgent: 'red' };

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toLocaleUpperCase('tr'))
    .join('');
}

/** Formats due times in the business's zone and the reader's language. */
export function useDueFormat(timeZone: string) {
  const locale = useLocale();
  return (iso: string) => formatDateTime(iso, locale, timeZone);
}

function TaskCardView({ slug, task, timeZone, now, dragging }: { slug: string; task: TaskCardData; timeZone: string; now: number; dragging?: boolean }) {
  const t = useTranslations('tasks');
  const formatDue = useDueFormat(timeZone);
  const overdue = task.dueAt !== null && task.category !== 'done' && new Date(task.dueAt).getTime() < now;
  return (
    <Paper withBorder radius="md" p="xs" shadow={dragging ? 'md' : undefined} data-testid="task-card" data-task-title={task.title}>
      <Stack gap={6}>
        <Anchor component={Link} href={`/${slug}/tasks/${task.id}`} size="sm" fw={500} c="var(--mantine-color-text)" style={{ wordBreak: 'break-word' }} draggable={false}>
          {task.title}
        </Anchor>
        <Group gap={6} wrap="wrap">
          {task.priority !== 'medium' && (
            <Badge size="xs" variant="light" color={PRIORITY_COLORS[task.priority]}>
              {t(`priorities.${task.priority}`)}
            </Badge>
          )}
          {task.dueAt && (
            <Badge size="xs" variant={overdue ? 'filled' : 'default'} color={overdue ? 'red' : undefined} style={{ textTransform: 'none' }}>
              {formatDue(task.dueAt)}
            </Badge>
          )}
          {task.checklist.total > 0 && (
            <Group gap={2} c="dimmed">
              <IconChecklist size={14} />
              <Text size="xs">{t('checklist.progress', { done: task.checklist.done, total: task.checklist.total })}</Text>
            </Group>
          )}
          {task.comments > 0 && (
            <Group gap={2} c="dimmed">
              <IconMessage size={14} />
              <Text size="xs">{task.comments}</Text>
            </Group>
          )}
        </Group>
        {task.assignees.length > 0 && (
          <Avatar.Group spacing="xs">
            {task.assignees.slice(0, 4).map((a) => (
              <Tooltip key={a.id} label={a.name} withArrow>
                <Avatar size="sm" radius="xl" color="initials" name={a.name}>
                  {initials(a.name)}
                </Avatar>
              </Tooltip>
            ))}
            {task.assignees.length > 4 && <Avatar size="sm" radius="xl">+{task.assignees.length - 4}</Avatar>}
          </Avatar.Group>
        )}
      </Stack>
    </Paper>
  );
}

export const TaskCard = memo(TaskCardView);
