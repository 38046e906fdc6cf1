import { Badge, Grid, GridCol, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { AnchorLink } from '@/components/links';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { scopeOf } from '@/lib/permissions';
import { findPersonnelOptions } from '@/modules/projects';
import { formatWallClock } from '@/lib/dates';
import { getTask } from '@/modules/tasks';
import { reminderChoice } from '@/modules/tasks/client';
import { PRIORITY_COLORS, TaskForm, TaskChecklist, TaskComments, DeleteTaskButton, DoneToggle } from '@/modules/tasks/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tasks'))('title') };
}

export default async function TaskPage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const task = await getTask(db, ctx, id).catch((err: unknown) => {
    if (isAppError(err)) notFound();
    throw err;
  });
  const timeZone = ctx.timeZone;
  const people = await findPersonnelOptions(db, ctx);
  const t = await getTranslations('tasks');
  const allowed = (action: 'update' | 'delete') => {
    const scope = scopeOf(ctx.role, 'tasks', action);
    return scope === 'all' || (scope === 'own' && task.mine);
  };
  const canEdit = allowed('update');
  const done = task.category === 'done';
  const options = people.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={task.title}
        actions={
          <Group gap="xs">
            {canEdit && <DoneToggle slug={slug} id={task.id} title={task.title} done={done} variant="button" />}
            {allowed('delete') && <DeleteTaskButton slug={slug} id={task.id} title={task.title} projectId={task.project?.id ?? null} />}
          </Group>
        }
      />
      <Group gap="xs" wrap="wrap">
        {task.project && (
          <AnchorLink href={`/${slug}/projects/${task.project.id}`} size="sm">
            {task.project.name}
          </AnchorLink>
        )}
        <Badge variant="light" color={done ? 'teal' : 'gray'} data-testid="task-status">
          {task.status?.name ?? (await getTranslations('projects'))(`categories.${task.category}`)}
        </Badge>
        <Badge variant="light" color={PRIORITY_COLORS[task.priority]}>
          {t(`priorities.${task.priority}`)}
        </Badge>
        {task.customer && (
          <AnchorLink href={`/${slug}/customers/${task.customer.id}`} size="sm">
            {task.customer.name}
          </AnchorLink>
        )}
        {task.createdBy && (
          <Text size="sm" c="dimmed">
            {t('fields.createdBy')}: {task.createdBy.name}
          </Text>
        )}
      </Group>
      <Grid gap="md">
        <GridCol span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
            {canEdit ? (
              <TaskForm
                key={task.version}
                slug={slug}
                timeZone={timeZone}
                people={options}
                projects={[]}
                initialCustomer={task.customer ? { value: task.customer.id, label: task.customer.name } : null}
                initialValues={{
                  title: task.title,
                  description: task.description ?? '',
                  projectId: task.project?.id ?? '',
                  statusId: task.statusId ?? '',
                  customerId: task.customer?.id ?? '',
                  assigneeIds: task.assignees.map((a) => a.id),
                  dueAt: task.dueAt ? formatWallClock(task.dueAt, timeZone) : '',
                  priority: task.priority,
                  reminder: reminderChoice(task.reminderMinutes),
                }}
                edit={{ id: task.id, version: task.version }}
                stay
              />
            ) : (
              <Stack gap="xs">
                <Text size="sm">
                  {t('fields.assignees')}: {task.assignees.map((a) => a.name).join(', ') || '—'}
                </Text>
                <Text size="sm">
                  {t('fields.dueAt')}: {task.dueAt ? formatWallClock(task.dueAt, timeZone) : '—'}
                </Text>
                {task.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{task.description}</Text>}
              </Stack>
            )}
          </Paper>
        </GridCol>
        <GridCol span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder radius="lg" p="md">
              <Title order={5} mb="xs">
                {t('checklist.title')}
              </Title>
              <TaskChecklist slug={slug} taskId={task.id} items={task.checklistItems} canEdit={canEdit} />
            </Paper>
            <Paper withBorder radius="lg" p="md">
              <Title order={5} mb="xs">
                {t('comments.title')}
              </Title>
              <TaskComments
                slug={slug}
                taskId={task.id}
                comments={task.commentList.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }))}
                people={people}
                canComment={scopeOf(ctx.role, 'tasks', 'create') !== false}
                timeZone={timeZone}
              />
            </Paper>
          </Stack>
        </GridCol>
      </Grid>
    </Stack>
  );
}
