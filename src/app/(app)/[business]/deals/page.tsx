import { Badge, Group, Stack, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text } from '@mantine/core';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { findOwnerOptions, findTags } from '@/modules/customers';
import { ensureDefaultPipeline, findDeals, getBoard, listPipelines } from '@/modules/deals';
import { DealBoard, DealFilters } from '@/modules/deals/ui';
import { dealFiltersSchema } from '@/modules/deals/client';
import { formatMoney } from '@/lib/money';
import { getCustomerOptions } from '@/modules/interactions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('deals'))('title') };
}

export default async function DealsPage({ params, searchParams }: { params: Promise<{ business: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { business: slug } = await params;
  const query = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'deals', 'read')) notFound();
  const db = getDb();
  const locale = await getLocale();
  await ensureDefaultPipeline(db, ctx);
  const parsed = dealFiltersSchema.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v)));
  const filters = parsed.success ? parsed.data : {};
  const [pipelines, owners, tags, filterCustomer] = await Promise.all([
    listPipelines(db, ctx),
    findOwnerOptions(db, ctx),
    can(ctx.role, 'customers', 'read') ? findTags(db, ctx) : Promise.resolve([]),
    filters.customerId ? getCustomerOptions(db, ctx, [filters.customerId]).then((r) => r[0] ?? null) : Promise.resolve(null),
  ]);
  const pipeline = pipelines.find((p) => p.id === query.pipeline) ?? pipelines[0]!;
  const t = await getTranslations('deals');
  const base = `/${slug}/deals`;
  const actions = (
    <>
      {can(ctx.role, 'pipelines', 'update') && (
        <ButtonLink href={`/${slug}/settings/pipelines`} variant="default" leftSection={<IconSettings size={16} />}>
          {t('settings.tab')}
        </ButtonLink>
      )}
      {can(ctx.role, 'deals', 'create') && (
        <ButtonLink href={`${base}/new?pipeline=${pipeline.id}`} leftSection={<IconPlus size={16} />} data-testid="new-deal">
          {t('new')}
        </ButtonLink>
      )}
    </>
  );
  const filterBar = (
    <DealFilters
      slug={slug}
      pipelines={pipelines.map((p) => ({ value: p.id, label: p.name }))}
      owners={owners.map((o) => ({ value: o.id, label: o.name }))}
      tags={tags.map((x) => ({ value: x.id, label: x.name }))}
      customer={filterCustomer ? { value: filterCustomer.id, label: filterCustomer.name } : null}
    />
  );

  if (query.view === 'list') {
    const page = await findDeals(db, ctx, { ...filters, pipelineId: pipeline.id, limit: 200 });
    const stageName = new Map(pipeline.stages.map((s) => [s.id, s.name]));
    return (
      <Stack gap="md">
        <PageHeader title={t('title')} actions={actions} />
        {filterBar}
        {page.data.length === 0 ? (
          <Text c="dimmed">{t('empty')}</Text>
        ) : (
          <TableScrollContainer minWidth={640}>
            <Table striped highlightOnHover stickyHeader>
              <TableThead>
                <TableTr>
                  <TableTh>{t('fields.title')}</TableTh>
                  <TableTh>{t('fields.customer')}</TableTh>
                  <TableTh>{t('fields.stage')}</TableTh>
                  <TableTh ta="right">{t('fields.value')}</TableTh>
                  <TableTh>{t('fields.expectedCloseDate')}</TableTh>
                  <TableTh>{t('fields.owner')}</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {page.data.map((d) => (
                  <TableTr key={d.id}>
                    <TableTd>
                      <AnchorLink href={`${base}/${d.id}`}>{d.title}</AnchorLink>
                    </TableTd>
                    <TableTd>{d.customer?.name ?? '—'}</TableTd>
                    <TableTd>
                      <Badge variant="light" color={d.stage.kind === 'won' ? 'teal' : d.stage.kind === 'lost' ? 'red' : 'blue'}>
                        {stageName.get(d.stageId) ?? d.stage.name}
                      </Badge>
                    </TableTd>
                    <TableTd ta="right">{formatMoney(d.valueMinor, d.currency, locale, { hideZeroFraction: true })}</TableTd>
                    <TableTd>{d.expectedCloseDate ?? '—'}</TableTd>
                    <TableTd>{d.owner?.name ?? '—'}</TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        )}
      </Stack>
    );
  }

  const board = await getBoard(db, ctx, pipeline.id, filters);
  const empty = board.columns.every((c) => c.count === 0);
  return (
    <Stack gap="md">
      <PageHeader title={t('title')} actions={actions} />
      {filterBar}
      {empty && (
        <Group>
          <Text c="dimmed" size="sm">
            {t('empty')}
          </Text>
        </Group>
      )}
      <DealBoard
        slug={slug}
        filters={filters}
        canMove={can(ctx.role, 'deals', 'update')}
        stages={board.columns.map((c) => ({ id: c.id, name: c.name, kind: c.kind, probability: c.probability, count: c.count, totals: c.totals, cards: c.cards }))}
      />
    </Stack>
  );
}
