import { Paper, Stack } from '@mantine/core';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { findPersonnelOptions } from '@/modules/projects';
import { ProjectForm } from '@/modules/projects/ui';
import { getCustomerOption } from '@/modules/reminders';

export default async function NewProjectPage({ params, searchParams }: { params: Promise<{ business: string }>; searchParams: Promise<{ customerId?: string }> }) {
  const { business: slug } = await params;
  const query = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'projects', 'create')) notFound();
  const db = getDb();
  const [people, customer] = await Promise.all([findPersonnelOptions(db, ctx), query.customerId ? getCustomerOption(db, ctx, query.customerId) : null]);
  const t = await getTranslations('projects');
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('newTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <ProjectForm
          slug={slug}
          people={people.map((p) => ({ value: p.id, label: p.name }))}
          initialCustomer={customer ? { value: customer.id, label: customer.name } : null}
          initialValues={{ name: '', description: '', customerId: customer?.id ?? '', status: 'active', startDate: '', endDate: '', ownerId: ctx.personnelId, memberIds: [] }}
        />
      </Paper>
    </Stack>
  );
}
