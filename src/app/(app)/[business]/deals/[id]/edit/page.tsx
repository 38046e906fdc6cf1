import { Paper, Stack } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { can, scopeOf } from '@/lib/permissions';
import { findOwnerOptions } from '@/modules/customers';
import { getDeal } from '@/modules/deals';
import { DealForm } from '@/modules/deals/ui';
import { findProjectOptions } from '@/modules/projects';
import { minorToInputText } from '@/lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('deals'))('editTitle') };
}

export default async function EditDealPage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const deal = await getDeal(db, ctx, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const scope = scopeOf(ctx.role, 'deals', 'update');
  if (!scope || (scope === 'own' && !deal.mine)) notFound();
  const [owners, locale, t, projectOptions] = await Promise.all([
    findOwnerOptions(db, ctx),
    getLocale(),
    getTranslations('deals'),
    can(ctx.role, 'projects', 'read') ? findProjectOptions(db, ctx) : Promise.resolve(null),
  ]);
  // The linked project stays choosable even when it is done or cancelled (the options leave those out).
  const projects = projectOptions && [
    ...(deal.project && !projectOptions.some((p) => p.id === deal.project!.id) ? [deal.project] : []),
    ...projectOptions,
  ];
  return (
    <Stack maw={720}>
      <PageHeader title={t('editTitle')} />
      <Paper withBorder p="md" radius="md">
        <DealForm
          slug={slug}
          owners={owners.map((o) => ({ value: o.id, label: o.name }))}
          initialCustomer={deal.customer ? { value: deal.customer.id, label: deal.customer.name } : null}
          edit={{ id: deal.id, version: deal.version }}
          projects={projects?.map((p) => ({ value: p.id, label: p.name }))}
          initialValues={{
            title: deal.title,
            customerId: deal.customer?.id ?? '',
            value: deal.valueMinor ? minorToInputText(deal.valueMinor, deal.currency, locale) : '',
            currency: deal.currency,
            expectedCloseDate: deal.expectedCloseDate ?? '',
            ownerId: deal.owner?.id ?? '',
            stageId: deal.stageId,
            probability: deal.probability ?? '',
            source: deal.source ?? '',
            projectId: deal.project?.id ?? '',
          }}
        />
      </Paper>
    </Stack>
  );
}
