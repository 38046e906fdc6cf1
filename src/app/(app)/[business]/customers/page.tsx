import { Stack } from '@mantine/core';
import { IconFileImport, IconPlus, IconTags } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can, scopeOf } from '@/lib/permissions';
import { isUuid } from '@/lib/ids';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getBusiness } from '@/modules/businesses';
import { countCustomers, findCustomers, findOwnerOptions, findSegments, findTags, seesPurchaseFigures } from '@/modules/customers';
import { CustomerList, type ListPage, type ListQuery } from '@/modules/customers/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('customers'))('title') };
}

/** Server time of this render: a new one (after a live update) makes the list reload. */
function renderTime(): number {
  return Date.now();
}

export default async function CustomersPage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string }>;
  searchParams: Promise<{ q?: string; segment?: string }>;
}) {
  const { business: slug } = await params;
  const { q, segment } = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const t = await getTranslations('customers');
  const ti = await getTranslations('imports');
  // Segments belong to campaigns: a role that may not read those lists customers without them.
  const [tags, segments, owners, business] = await Promise.all([
    findTags(db, ctx),
    can(ctx.role, 'campaigns', 'read') ? findSegments(db, ctx) : Promise.resolve([]),
    findOwnerOptions(db, ctx),
    getBusiness(db, ctx),
  ]);
  const search = typeof q === 'string' ? q.replaceAll('\u0000', '').trim().slice(0, 100) || undefined : undefined;
  const segmentId = typeof segment === 'string' && isUuid(segment) && segments.some((s) => s.id === segment) ? segment : undefined;
  const query: ListQuery = { filters: search ? { search } : {}, segmentId, sort: 'name', dir: 'asc' };
  const [page, total] = await Promise.all([findCustomers(db, ctx, { ...query, limit: 100 }), countCustomers(db, ctx, query)]);
  // Dates cross to the browser as ISO strings, as the rows route sends them.
  const initialPage = JSON.parse(JSON.stringify({ ...page, total })) as ListPage;
  const permissions = {
    create: can(ctx.role, 'customers', 'create'),
    update: can(ctx.role, 'customers', 'update'),
    delete: scopeOf(ctx.role, 'customers', 'delete') === 'all',
    manageSegments: can(ctx.role, 'campaigns', 'create'),
    manageTags: can(ctx.role, 'tags', 'create'),
    readPurchases: seesPurchaseFigures(ctx),
  };

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('title')}
        actions={
          <>
            {can(ctx.role, 'tags', 'read') && (
              <ButtonLink href={`/${slug}/customers/tags`} variant="default" leftSection={<IconTags size={16} />}>
                {t('tags.title')}
              </ButtonLink>
            )}
            {permissions.create && (
              <ButtonLink href={`/${slug}/customers/import`} variant="default" leftSection={<IconFileImport size={16} />}>
                {ti('action')}
              </ButtonLink>
            )}
            {permissions.create && (
              <ButtonLink href={`/${slug}/customers/new`} leftSection={<IconPlus size={16} />}>
                {t('new')}
              </ButtonLink>
            )}
          </>
        }
      />
      <CustomerList
        slug={slug}
        initialQuery={query}
        initialPage={initialPage}
        renderedAt={renderTime()}
        tags={tags}
        owners={owners}
        segments={segments}
        currency={business.currency}
        can={permissions}
      />
    </Stack>
  );
}
