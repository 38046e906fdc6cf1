import { Paper, Stack } from '@mantine/core';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { findPersonnelOptions, getProject } from '@/modules/projects';
import { findDeals } from '@/modules/deals';
import { can } from '@/lib/permissions';
import { ProjectForm, StatusManager } from '@/modules/projects/ui';

export default async function EditProjectPage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const project = await getProject(db, ctx, id, 'update').catch((err: unknown) => {
    if (isAppError(err)) notFound();
    throw err;
  });
  const [people, dealPage] = await Promise.all([
    findPersonnelOptions(db, ctx),
    can(ctx.role, 'deals', 'read') ? findDeals(db, ctx, { customerId: project.customer?.id, limit: 200 }) : Promise.resolve(null),
  ]);
  // The customer's deals (or the newest of the business); the linked one is always among them.
  const deals = dealPage && [
    ...(project.deal && !dealPage.data.some((d) => d.id === project.deal!.id) ? [{ id: project.deal.id, title: project.deal.title }] : []),
    ...dealPage.data,
  ];
  const t = await getTranslations('projects');
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('editTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <ProjectForm
          slug={slug}
          people={people.map((p) => ({ value: p.id, label: p.name }))}
          initialCustomer={project.customer ? { value: project.customer.id, label: project.customer.name } : null}
          initialValues={{
            name: project.name,
            description: project.description ?? '',
            customerId: project.customer?.id ?? '',
            status: project.status,
            startDate: project.startDate ?? '',
            endDate: project.endDate ?? '',
            ownerId: project.owner?.id ?? '',
            memberIds: project.members.map((m) => m.id),
            dealId: project.deal?.id ?? '',
          }}
          deals={deals?.map((d) => ({ value: d.id, label: d.title }))}
          edit={{ id: project.id, version: project.version }}
        />
      </Paper>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <StatusManager slug={slug} projectId={project.id} statuses={project.statuses} />
      </Paper>
    </Stack>
  );
}
