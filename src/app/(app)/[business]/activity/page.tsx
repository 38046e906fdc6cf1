import { Stack, Text } from '@mantine/core';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { isUuid } from '@/lib/ids';
import { addCalendarDays, zonedWallTimeToUtc } from '@/lib/dates';
import { PageHeader } from '@/components/page-header';
import { findInteractions, getCustomerOptions, listPersonnelOptions } from '@/modules/interactions';
import { ActivityFilters, CustomerTimeline, InteractionList, NewInteractionButton } from '@/modules/interactions/ui';
import { INTERACTION_TYPES, type InteractionType } from '@/modules/interactions/client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('interactions'))('activity') };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;


export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { business: slug } = await params;
  const query = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const t = await getTranslations('interactions');
  const timeZone = ctx.timeZone;
  const personnelOptions = await listPersonnelOptions(db, ctx);

  // Unknown values in the URL are ignored rather than answered with an error page.
  const values = {
    customer: query.customer && isUuid(query.customer) ? query.customer : undefined,
    type: (INTERACTION_TYPES as readonly string[]).includes(query.type ?? '') ? (query.type as InteractionType) : undefined,
    personnel: query.personnel && isUuid(query.personnel) ? query.personnel : undefined,
    from: query.from && DAY.test(query.from) ? query.from : undefined,
    to: query.to && DAY.test(query.to) ? query.to : undefined,
  };
  // Days are the business's days: "to" includes the whole of its last day.
  const from = values.from ? (zonedWallTimeToUtc(values.from, timeZone) ?? undefined) : undefined;
  const to = values.to ? (zonedWallTimeToUtc(addCalendarDays(values.to, 1), timeZone) ?? undefined) : undefined;
  const [knownCustomer] = values.customer ? await getCustomerOptions(db, ctx, [values.customer]) : [];
  const customerOnly = knownCustomer && !values.type && !values.personnel && !values.from && !values.to;
  const filters = {
    ...(knownCustomer ? { customerId: knownCustomer.id } : {}),
    ...(values.type ? { type: values.type } : {}),
    ...(values.personnel ? { personnelId: values.personnel } : {}),
    ...(from ? { from: from.toISOString() } : {}),
    ...(to ? { to: to.toISOString() } : {}),
  };
  const page = customerOnly
    ? null
    : await findInteractions(db, ctx, { ...filters, from, to, limit: 50 });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('activity')}
        actions={
          // With one customer chosen, their timeline below carries the same button.
          can(ctx.role, 'interactions', 'create') &&
          !customerOnly && (
            <NewInteractionButton
              slug={slug}
              timeZone={timeZone}
              personnelOptions={personnelOptions}
              selfPersonnelId={ctx.personnelId}
              defaultCustomers={knownCustomer ? [knownCustomer] : []}
            />
          )
        }
      >
        <Text size="sm" c="dimmed">
          {t('activityIntro')}
        </Text>
      </PageHeader>
      <ActivityFilters slug={slug} values={values} personnelOptions={personnelOptions} knownCustomer={knownCustomer ?? null} />
      {customerOnly ? (
        <CustomerTimeline ctx={ctx} slug={slug} customerId={knownCustomer.id} />
      ) : (
        <InteractionList
          key={`${JSON.stringify(filters)}|${page!.data.map((i) => `${i.id}:${i.version}`).join(',')}`}
          slug={slug}
          timeZone={timeZone}
          initial={page!}
          filters={filters}
          personnelOptions={personnelOptions}
          selfPersonnelId={ctx.personnelId}
          customerHref={`/${slug}/customers/`}
          emptyText={t('emptyText')}
        />
      )}
    </Stack>
  );
}
