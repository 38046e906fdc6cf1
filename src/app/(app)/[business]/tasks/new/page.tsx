import { Paper, Stack } from '@mantine/core';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isUuid } from '@/lib/ids';
import { can } from '@/lib/permissions';
import { findPersonnelOptions, findProjectOptions } from '@/modules/projects';
import { getCustomerOption } from '@/modules/reminders';
import { TaskForm } from '@/modules/tasks/ui';
import { reminderChoice } from '@/modules/tasks/client';
import { getUserTaskReminderMinutes } from '@/modules/businesses';

export default async function NewTaskPage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string }>;
  searchParams: Promise<{ projectId?: string; statusId?: string; customerId?: string }>;
}) {
  const { business: slug } = await params;
  const query = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'tasks', 'create')) notFound();
  const db = getDb();
  const timeZone = ctx.timeZone;
  const [people, projects, chosenCustomer, reminderMinutes] = await Promise.all([
    findPersonnelOptions(db, ctx),
    findProjectOptions(db, ctx),
    query.customerId ? getCustomerOption(db, ctx, query.customerId) : null,
    getUserTaskReminderMinutes(db, ctx.userId),
  ]);
  const t = await getTranslations('tasks');
  const projectId = query.projectId && isUuid(query.projectId) && projects.some((p) => p.id === query.projectId) ? query.projectId : '';
  // A task made in a project is for the project's customer unless the link names another.
  const customer = chosenCustomer ?? projects.find((p) => p.id === projectId)?.customer ?? null;
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('newTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <TaskForm
          slug={slug}
          timeZone={timeZone}
          people={people.map((p) => ({ value: p.id, label: p.name }))}
          projects={projects.map((p) => ({ value: p.id, label: p.name, customer: p.customer ? { value: p.customer.id, label: p.customer.name } : null }))}
          initialCustomer={customer ? { value: customer.id, label: customer.name } : null}
          initialValues={{
            title: '',
            description: '',
            projectId,
            statusId: projectId && query.statusId && isUuid(query.statusId) ? query.statusId : '',
            customerId: customer?.id ?? '',
            // Whoever makes a task with no project is likely the one to do it.
            assigneeIds: [ctx.personnelId],
            dueAt: '',
            priority: 'medium',
            reminder: reminderChoice(reminderMinutes),
          }}
        />
      </Paper>
    </Stack>
  );
}
