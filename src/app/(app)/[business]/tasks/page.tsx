import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { startOfTomorrow } from '@/lib/dates';
import { isAppError } from '@/lib/errors';
import type { SearchParamsRecord } from '@/lib/list-params';
import { findMyTasks, findTasks, taskStatsByPerson, taskStatsByProject } from '@/modules/tasks';
import { MyTasks, type MyTaskGroup, TaskBrowser, toCardData, type TaskCardData } from '@/modules/tasks/ui';
import { isTaskSearch, readTaskListParams } from '@/modules/tasks/client';
import { findPersonnelOptions, getProject } from '@/modules/projects';
import { StatsTable } from '@/modules/projects/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tasks'))('myTasks') };
}

const PAGE = 50;

export default async function MyTasksPage({ params, searchParams }: { params: Promise<{ business: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const { business: slug } = await params;
  const state = readTaskListParams(await searchParams);
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'tasks', 'read')) notFound();
  const db = getDb();
  const timeZone = ctx.timeZone;
  const searching = isTaskSearch(state);
  const query = {
    filters: {
      search: state.search,
      categories: state.categories,
      priorities: state.priorities,
      assigneeId: state.assignee === 'me' ? ctx.personnelId : state.assignee === 'any' ? undefined : state.assignee,
      projectId: state.projectId,
      dueFrom: state.dueFrom,
      dueTo: state.dueTo,
    },
    sort: state.sort,
    dir: state.dir,
    limit: PAGE,
  };
  const [tasks, found, people, project, byPerson, byProject] = await Promise.all([
    searching ? Promise.resolve([]) : findMyTasks(db, ctx),
    searching
      ? // A cursor from an old link (another order, or edited by hand) shows the first page instead.
        findTasks(db, ctx, { ...query, cursor: state.cursor }).catch((err: unknown) => {
          if (isAppError(err) && err.code === 'BAD_REQUEST') {
            state.cursor = undefined;
            return findTasks(db, ctx, query);
          }
          throw err;
        })
      : Promise.resolve({ data: [], nextCursor: null }),
    can(ctx.role, 'personnel', 'read') ? findPersonnelOptions(db, ctx) : Promise.resolve([]),
    state.projectId && can(ctx.role, 'projects', 'read') ? getProject(db, ctx, state.projectId).catch(() => null) : Promise.resolve(null),
    taskStatsByPerson(db, ctx),
    taskStatsByProject(db, ctx),
  ]);
  const now = new Date();
  const tomorrow = startOfTomorrow(now, timeZone);
  const groups: Record<MyTaskGroup, TaskCardData[]> = { overdue: [], today: [], upcoming: [], noDate: [], done: [] };
  for (const task of tasks) {
    const group: MyTaskGroup =
      task.category === 'done' ? 'done' : !task.dueAt ? 'noDate' : task.dueAt < now ? 'overdue' : task.dueAt < tomorrow ? 'today' : 'upcoming';
    groups[group].push(toCardData(task));
  }
  const t = await getTranslations('tasks');
  const tp = await getTranslations('projects');
  const newButton = can(ctx.role, 'tasks', 'create') && (
    <ButtonLink href={`/${slug}/tasks/new`} leftSection={<IconPlus size={16} />}>
      {t('new')}
    </ButtonLink>
  );
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t('myTasks')} actions={newButton} />
      <TaskBrowser
        slug={slug}
        state={state}
        tasks={found.data.map((task) => toCardData(task))}
        nextCursor={found.nextCursor}
        people={people}
        project={project ? { id: project.id, name: project.name } : null}
        timeZone={timeZone}
      >
        {tasks.length === 0 ? (
          <Paper withBorder radius="lg" p="xl" ta="center">
            <Title order={4}>{t('emptyMine')}</Title>
            <Text c="dimmed" mt={4}>
              {t('emptyMineText')}
            </Text>
          </Paper>
        ) : (
          <MyTasks slug={slug} groups={groups} timeZone={timeZone} />
        )}
      </TaskBrowser>
      <Title order={4} mt="md">
        {tp('stats.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="lg" p="md">
          <StatsTable rows={byPerson} by="person" />
        </Paper>
        <Paper withBorder radius="lg" p="md">
          <StatsTable rows={byProject} by="project" />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
