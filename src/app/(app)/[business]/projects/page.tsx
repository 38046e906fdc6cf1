import { Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import type { SearchParamsRecord } from '@/lib/list-params';
import { findPersonnelOptions, findProjectsPage } from '@/modules/projects';
import { getCustomerOptions } from '@/modules/interactions';
import { ProjectBrowser } from '@/modules/projects/ui';
import { readProjectListParams } from '@/modules/projects/client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('projects'))('title') };
}

const PAGE = 48;

export default async function ProjectsPage({ params, searchParams }: { params: Promise<{ business: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const { business: slug } = await params;
  const state = readProjectListParams(await searchParams);
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'projects', 'read')) notFound();
  const db = getDb();
  const query = {
    filters: { search: state.search, statuses: state.statuses, customerId: state.customerId, ownerId: state.ownerId, dueFrom: state.dueFrom, dueTo: state.dueTo },
    sort: state.sort,
    dir: state.dir,
    limit: PAGE,
  };
  const [page, owners, customers] = await Promise.all([
    // A cursor from an old link (another order, or edited by hand) shows the first page instead.
    findProjectsPage(db, ctx, { ...query, cursor: state.cursor }).catch((err: unknown) => {
      if (isAppError(err) && err.code === 'BAD_REQUEST') {
        state.cursor = undefined;
        return findProjectsPage(db, ctx, query);
      }
      throw err;
    }),
    can(ctx.role, 'personnel', 'read') ? findPersonnelOptions(db, ctx) : Promise.resolve([]),
    state.customerId && can(ctx.role, 'customers', 'read') ? getCustomerOptions(db, ctx, [state.customerId]) : Promise.resolve([]),
  ]);
  const t = await getTranslations('projects');
  const canCreate = can(ctx.role, 'projects', 'create');
  const newButton = canCreate && (
    <ButtonLink href={`/${slug}/projects/new${state.customerId ? `?customerId=${state.customerId}` : ''}`} leftSection={<IconPlus size={16} />} data-testid="project-new">
      {t('new')}
    </ButtonLink>
  );
  const customer = customers[0] ? { value: customers[0].id, label: customers[0].name } : null;
  return (
    <Stack gap="md">
      <PageHeader title={t('title')} actions={newButton} />
      <ProjectBrowser
        slug={slug}
        state={state}
        items={page.data}
        nextCursor={page.nextCursor}
        owners={owners}
        customer={customer}
      />
    </Stack>
  );
}
