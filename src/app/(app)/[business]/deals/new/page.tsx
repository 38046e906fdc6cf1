import { Paper, Stack } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { findOwnerOptions } from '@/modules/customers';
import { getCustomerOptions } from '@/modules/interactions';
import { ensureDefaultPipeline, businessCurrency, listPipelines } from '@/modules/deals';
import { DealForm } from '@/modules/deals/ui';
import { findProjectOptions } from '@/modules/projects';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('deals'))('newTitle') };
}

export default async function NewDealPage({ params, searchParams }: { params: Promise<{ business: string }>; searchParams: Promise<{ pipeline?: string; stage?: string; customer?: string }> }) {
  const { business: slug } = await params;
  const query = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'deals', 'create')) notFound();
  const db = getDb();
  await ensureDefaultPipeline(db, ctx);
  const [pipelines, owners, currency, customer, projects] = await Promise.all([
    listPipelines(db, ctx),
    findOwnerOptions(db, ctx),
    businessCurrency(db, ctx.businessId),
    query.customer ? getCustomerOptions(db, ctx, [query.customer]).then((r) => r[0] ?? null) : Promise.resolve(null),
    can(ctx.role, 'projects', 'read') ? findProjectOptions(db, ctx) : Promise.resolve(null),
  ]);
  const stages = pipelines.flatMap((p) => p.stages.map((s) => ({ value: s.id, label: pipelines.length > 1 ? `${p.name} · ${s.name}` : s.name, pipelineId: p.id })));
  const pipeline = pipelines.find((p) => p.id === query.pipeline) ?? pipelines[0]!;
  const stageId = stages.find((s) => s.value === query.stage)?.value ?? pipeline.stages[0]?.id ?? '';
  const t = await getTranslations('deals');
  return (
    <Stack maw={720}>
      <PageHeader title={t('newTitle')} />
      <Paper withBorder p="md" radius="md">
        <DealForm
          slug={slug}
          owners={owners.map((o) => ({ value: o.id, label: o.name }))}
          stages={stages}
          projects={projects?.map((p) => ({ value: p.id, label: p.name }))}
          initialCustomer={customer ? { value: customer.id, label: customer.name } : null}
          initialValues={{ title: '', customerId: customer?.id ?? '', value: '', currency, expectedCloseDate: '', ownerId: ctx.personnelId, stageId, probability: '', source: '', projectId: '' }}
        />
      </Paper>
    </Stack>
  );
}
