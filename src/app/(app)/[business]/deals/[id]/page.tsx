import { Badge, Group, Paper, SimpleGrid, Stack, Text, Timeline, TimelineItem, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AnchorLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { can, scopeOf } from '@/lib/permissions';
import { findInteractions } from '@/modules/interactions';
import { findDealEvents, getDeal, stageNames } from '@/modules/deals';
import { DealActions } from '@/modules/deals/ui';
import { formatMoney } from '@/lib/money';
import { DealQuotes } from '@/modules/quotes/ui';
import { DealContracts } from '@/modules/contracts/ui';
import { formatInstant, MessageDelivery } from '@/modules/interactions/ui';
import { formatCalendarDay } from '@/lib/format-date';

export async function generateMetadata({ params }: { params: Promise<{ business: string; id: string }> }): Promise<Metadata> {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const deal = await getDeal(getDb(), ctx, id).catch(() => null);
  return { title: deal?.title ?? (await getTranslations('deals'))('title') };
}

type Entry = { key: string; at: Date; title: string; body?: string | null; message?: React.ComponentProps<typeof MessageDelivery>['message'] | null };

export default async function DealPage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'deals', 'read')) notFound();
  const db = getDb();
  const deal = await getDeal(db, ctx, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const timeZone = ctx.timeZone;
  const [t, ti, locale, events, interactions] = await Promise.all([
    getTranslations('deals'),
    getTranslations('interactions'),
    getLocale(),
    findDealEvents(db, ctx, deal.id),
    deal.customer && can(ctx.role, 'interactions', 'read') ? findInteractions(db, ctx, { customerId: deal.customer.id, limit: 50 }).then((p) => p.data) : Promise.resolve([]),
  ]);
  const stageIds = events.map((e) => e.meta?.toStageId).filter((v): v is string => typeof v === 'string');
  const stages = await stageNames(db, ctx, stageIds);
  const allowed = (action: 'update' | 'delete') => {
    const scope = scopeOf(ctx.role, 'deals', action);
    return scope === 'all' || (scope === 'own' && deal.mine);
  };
  // Instants in the business's time zone, as the customer's timeline shows them (never the server's UTC).
  const dateTime = { format: (at: Date) => formatInstant(at, locale, timeZone) };
  const date = (text: string) => formatCalendarDay(text, locale);
  const someone = t('detail.someone');
  const entries: Entry[] = [
    ...events.map((e) => {
      const actor = e.actorName ?? someone;
      const toStage = typeof e.meta?.toStageId === 'string' ? e.meta.toStageId : null;
      const title = toStage
        ? t('detail.event.move', { actor, stage: stages.get(toStage) ?? '—' })
        : e.action === 'update'
          ? t('detail.event.update', { actor, fields: (e.changedFields ?? []).join(', ') })
          : e.action === 'delete'
            ? t('detail.event.delete', { actor })
            : t('detail.event.create', { actor });
      return { key: `e${e.id}`, at: e.at, title };
    }),
    ...interactions.map((i) => ({ key: `i${i.id}`, at: i.occurredAt, title: `${ti.has(`types.${i.type}` as never) ? ti(`types.${i.type}` as never) : i.type}${i.subject ? ` · ${i.subject}` : ''}`, body: i.body, message: i.message })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const probability = deal.probability ?? deal.stage.probability;
  const field = (label: string, value: React.ReactNode) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value || '—'}
      </Text>
    </Stack>
  );

  return (
    <Stack gap="md" maw={1000}>
      <PageHeader title={deal.title} actions={<DealActions slug={slug} id={deal.id} title={deal.title} canEdit={allowed('update')} canDelete={allowed('delete')} />}>
        <Group gap="xs">
          <Badge variant="light" color={deal.stage.kind === 'won' ? 'teal' : deal.stage.kind === 'lost' ? 'red' : 'blue'} data-testid="deal-stage-badge">
            {deal.stage.name}
          </Badge>
          <Text size="sm" c="dimmed">
            {deal.pipeline.name}
          </Text>
        </Group>
      </PageHeader>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="sm">
          {t('detail.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {field(t('fields.customer'), deal.customer ? <AnchorLink href={`/${slug}/customers/${deal.customer.id}`}>{deal.customer.name}</AnchorLink> : null)}
          {field(t('fields.value'), formatMoney(deal.valueMinor, deal.currency, locale, { hideZeroFraction: true }))}
          {field(t('fields.probability'), `${probability}%`)}
          {field(t('fields.expectedCloseDate'), deal.expectedCloseDate ? date(deal.expectedCloseDate) : null)}
          {field(t('fields.owner'), deal.owner?.name)}
          {field(t('fields.source'), deal.source)}
          {field(t('fields.project'), deal.project ? <AnchorLink href={`/${slug}/projects/${deal.project.id}`} data-testid="deal-project-link">{deal.project.name}</AnchorLink> : null)}
          {deal.wonAt && field(t('fields.wonAt'), <span data-testid="deal-won-at">{dateTime.format(deal.wonAt)}</span>)}
          {deal.lostAt && field(t('fields.lostAt'), dateTime.format(deal.lostAt))}
          {deal.lostReason && field(t('fields.lostReason'), deal.lostReason)}
          {field(t('fields.createdAt'), dateTime.format(deal.createdAt))}
        </SimpleGrid>
      </Paper>
      <DealQuotes ctx={ctx} slug={slug} dealId={deal.id} />
      <DealContracts ctx={ctx} slug={slug} dealId={deal.id} />
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="sm">
          {t('detail.timeline')}
        </Title>
        {entries.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('detail.timelineEmpty')}
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2}>
            {entries.map((e) => (
              <TimelineItem key={e.key} title={e.title} data-testid="deal-timeline-entry">
                {e.message && <MessageDelivery slug={slug} message={e.message} />}
                <Text size="xs" c="dimmed">
                  <time dateTime={e.at.toISOString()}>{dateTime.format(e.at)}</time>
                </Text>
                {e.body && (
                  <Text size="sm" lineClamp={3}>
                    {e.body}
                  </Text>
                )}
              </TimelineItem>
            ))}
          </Timeline>
        )}
      </Paper>
    </Stack>
  );
}
