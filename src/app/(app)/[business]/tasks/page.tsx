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
import { findMyTasks, taskStatsByPerson, taskStatsByProject } from '@/modules/tasks';
import { MyTasks, type MyTaskGroup, toCardData, type TaskCardData } from '@/modules/tasks/ui';
import { StatsTable } from '@/modules/projects/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tasks'))('myTasks') };
}

export default async function MyTasksPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'tasks', 'read')) notFound();
  const db = getDb();
  const timeZone = ctx.timeZone;
  const [tasks, byPerson, byProject] = await Promise.all([findMyTasks(db, ctx), taskStatsByPerson(db, ctx), taskStatsByProject(db, ctx)]);
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
