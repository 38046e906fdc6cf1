import { Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { AnchorLink } from '@/components/links';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { can, scopeOf } from '@/lib/permissions';
import { getProject } from '@/modules/projects';
import { ProjectActions, STATUS_COLORS, StatsTable } from '@/modules/projects/ui';
import { formatInstant } from '@/modules/interactions/ui';
import { findBoardTasks, taskStatsByPerson } from '@/modules/tasks';
import { TaskBoard, toCardData } from '@/modules/tasks/ui';
import { formatCalendarDay } from '@/lib/format-date';

/** Server time of this render: cards due before it show as overdue. */
function renderTime(): number {
  return Date.now();
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('projects'))('title') };
}

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ business: string; id: string }>; searchParams: Promise<{ view?: string }> }) {
  const { business: slug, id } = await params;
  const query = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const project = await getProject(db, ctx, id).catch((err: unknown) => {
    if (isAppError(err)) notFound();
    throw err;
  });
  const timeZone = ctx.timeZone;
  const [tasks, stats] = await Promise.all([findBoardTasks(db, ctx, id), taskStatsByPerson(db, ctx, id)]);
  const t = await getTranslations('projects');
  const allowed = (action: 'update' | 'delete') => {
    const scope = scopeOf(ctx.role, 'projects', action);
    return scope === 'all' || (scope === 'own' && project.mine);
  };
  const locale = await getLocale();
  const period = [project.startDate, project.endDate].map((d) => (d ? formatCalendarDay(d, locale) : '…')).join(' – ');
  return (
    <Stack gap="md">
      <PageHeader
        title={project.name}
        actions={
          <Group gap="xs">
            <ProjectActions slug={slug} id={project.id} name={project.name} canEdit={allowed('update')} canDelete={allowed('delete')} />
          </Group>
        }
      />
      <Paper withBorder radius="lg" p="md">
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={STATUS_COLORS[project.status]}>
              {t(`statuses.${project.status}`)}
            </Badge>
            {project.customer && (
              <AnchorLink href={`/${slug}/customers/${project.customer.id}`} size="sm">
                {project.customer.name}
              </AnchorLink>
            )}
            {project.owner && (
              <Text size="sm" c="dimmed">
                {t('fields.owner')}: {project.owner.name}
              </Text>
            )}
            {(project.startDate || project.endDate) && (
              <Text size="sm" c="dimmed">
                {period}
              </Text>
            )}
            {project.deal && (
              <Text size="sm" c="dimmed" data-testid="project-deal">
                {t('deal')}:{' '}
                {can(ctx.role, 'deals', 'read') ? (
                  <AnchorLink href={`/${slug}/deals/${project.deal.id}`} size="sm">
                    {project.deal.title}
                  </AnchorLink>
                ) : (
                  project.deal.title
                )}
                {project.deal.wonAt && ` · ${t('dealWon', { date: formatInstant(project.deal.wonAt, locale, timeZone) })}`}
              </Text>
            )}
          </Group>
          {project.members.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('fields.members')}: {project.members.map((m) => m.name).join(', ')}
            </Text>
          )}
          {project.description && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{project.description}</Text>}
          <Group gap="xs" wrap="nowrap">
            <Progress value={project.progress.percent} style={{ flex: 1 }} aria-label={t('fields.progress')} color={project.progress.percent === 100 ? 'teal' : 'blue'} />
            <Text size="sm" fw={600} data-testid="project-percent">
              {project.progress.percent}%
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('progressText', { done: project.progress.done, total: project.progress.total })}
          </Text>
        </Stack>
      </Paper>
      <TaskBoard
        slug={slug}
        projectId={project.id}
        statuses={project.statuses.map((s) => ({ id: s.id, name: s.name, category: s.category, wipLimit: s.wipLimit }))}
        tasks={tasks.map(toCardData)}
        timeZone={timeZone}
        now={renderTime()}
        canMove={scopeOf(ctx.role, 'tasks', 'update') !== false}
        canCreate={scopeOf(ctx.role, 'tasks', 'create') !== false}
        initialView={query.view === 'list' ? 'list' : 'board'}
      />
      <Paper withBorder radius="lg" p="md">
        <Title order={4} mb="xs">
          {t('stats.title')}
        </Title>
        <StatsTable rows={stats} by="person" />
      </Paper>
    </Stack>
  );
}
