import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isUuid } from '@/lib/ids';
import { can } from '@/lib/permissions';
import { findProjects } from '@/modules/projects';
import { ProjectList } from '@/modules/projects/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('projects'))('title') };
}

export default async function ProjectsPage({ params, searchParams }: { params: Promise<{ business: string }>; searchParams: Promise<{ customerId?: string }> }) {
  const { business: slug } = await params;
  const query = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'projects', 'read')) notFound();
  const customerId = query.customerId && isUuid(query.customerId) ? query.customerId : undefined;
  const projects = await findProjects(getDb(), ctx, { customerId });
  const t = await getTranslations('projects');
  const newButton = can(ctx.role, 'projects', 'create') && (
    <ButtonLink href={`/${slug}/projects/new${customerId ? `?customerId=${customerId}` : ''}`} leftSection={<IconPlus size={16} />} data-testid="project-new">
      {t('new')}
    </ButtonLink>
  );
  return (
    <Stack gap="md">
      <PageHeader title={t('title')} actions={newButton} />
      {customerId && projects[0]?.customer && <Text c="dimmed">{projects[0].customer.name}</Text>}
      {projects.length === 0 ? (
        <Paper withBorder radius="lg" p="xl" ta="center">
          <Title order={4}>{t('empty')}</Title>
          <Text c="dimmed" mt={4}>
            {t('emptyText')}
          </Text>
        </Paper>
      ) : (
        <ProjectList slug={slug} items={projects} />
      )}
    </Stack>
  );
}
