'use client';
import { Anchor, Badge, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ProjectStatus } from '../schemas';
import { formatCalendarDay } from '@/lib/format-date';

export type ProjectListItem = {
  id: string;
  name: string;
  status: ProjectStatus;
  customer: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  endDate: string | null;
  progress: { total: number; done: number; percent: number };
};

export const STATUS_COLORS: Record<ProjectStatus, string> = { planned: 'gray', active: 'blue', on_hold: 'yellow', done: 'teal', cancelled: 'red' };

/** Projects as cards with their progress bars; links to each project's board. */
export function ProjectList({ slug, items, compact = false }: { slug: string; items: ProjectListItem[]; compact?: boolean }) {
  const t = useTranslations('projects');
  const locale = useLocale();
  return (
    <SimpleGrid cols={compact ? 1 : { base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="project-list">
      {items.map((p) => (
        <Card key={p.id} withBorder radius="md" padding="md" data-testid="project-card" data-project={p.id}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} href={`/${slug}/projects/${p.id}`} fw={600} truncate>
                {p.name}
              </Anchor>
              <Badge variant="light" color={STATUS_COLORS[p.status]} style={{ flexShrink: 0 }}>
                {t(`statuses.${p.status}`)}
              </Badge>
            </Group>
            {(p.customer || p.owner || p.endDate) && (
              <Text size="sm" c="dimmed" truncate>
                {[p.customer?.name, p.owner?.name, p.endDate ? formatCalendarDay(p.endDate, locale) : null].filter(Boolean).join(' · ')}
              </Text>
            )}
            <Group gap="xs" wrap="nowrap">
              <Progress value={p.progress.percent} color={p.progress.percent === 100 ? 'teal' : 'blue'} style={{ flex: 1 }} aria-label={t('fields.progress')} />
              <Text size="xs" fw={600} w={40} ta="right" data-testid="project-progress">
                {p.progress.percent}%
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('progressText', { done: p.progress.done, total: p.progress.total })}
            </Text>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
