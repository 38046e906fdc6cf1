import { Alert, Badge, Card, Group, Stack, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text, ThemeIcon } from '@mantine/core';
import { IconInfoCircle, IconMailForward } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { findOutbox } from '@/modules/interactions';
import { formatInstant } from '@/modules/interactions/ui';
import { MESSAGE_CHANNELS, OUTBOX_STATUSES, type MessageChannel, type OutboxStatus } from '@/modules/interactions/client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('interactions'))('outbox.title') };
}

const STATUS_COLORS: Record<OutboxStatus, string> = { queued: 'blue', sent: 'teal', failed: 'red', held: 'yellow' };

export default async function OutboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string }>;
  searchParams: Promise<{ status?: string; channel?: string; cursor?: string }>;
}) {
  const { business: slug } = await params;
  const query = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const t = await getTranslations('interactions');
  const locale = await getLocale();
  const status = (OUTBOX_STATUSES as readonly string[]).includes(query.status ?? '') ? (query.status as OutboxStatus) : undefined;
  const channel = (MESSAGE_CHANNELS as readonly string[]).includes(query.channel ?? '') ? (query.channel as MessageChannel) : undefined;
  const timeZone = ctx.timeZone;
  const page = await findOutbox(db, ctx, { status, channel, cursor: query.cursor?.slice(0, 400), limit: 50 }).catch(() =>
    findOutbox(db, ctx, { status, channel, limit: 50 }),
  );
  const base = `/${slug}/outbox`;
  const link = (next: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries({ status, channel, ...next }).filter(([, v]) => v) as [string, string][]);
    return params.size ? `${base}?${params}` : base;
  };
  const hasHeld = page.data.some((m) => m.status === 'held');

  return (
    <Stack gap="md">
      <PageHeader title={t('outbox.title')}>
        <Text size="sm" c="dimmed">
          {t('outbox.intro')}
        </Text>
      </PageHeader>
      <Group gap={6} wrap="wrap" aria-label={t('outbox.status')}>
        <ButtonLink href={link({ status: undefined })} size="xs" radius="xl" variant={status ? 'default' : 'filled'}>
          {t('outbox.allStatuses')}
        </ButtonLink>
        {OUTBOX_STATUSES.map((s) => (
          <ButtonLink key={s} href={link({ status: s })} size="xs" radius="xl" variant={status === s ? 'filled' : 'default'}>
            {t(`outbox.statuses.${s}`)}
          </ButtonLink>
        ))}
        <span style={{ width: 8 }} />
        <ButtonLink href={link({ channel: undefined })} size="xs" radius="xl" variant={channel ? 'default' : 'light'}>
          {t('outbox.allChannels')}
        </ButtonLink>
        {MESSAGE_CHANNELS.map((c) => (
          <ButtonLink key={c} href={link({ channel: c })} size="xs" radius="xl" variant={channel === c ? 'light' : 'default'}>
            {t(`outbox.channels.${c}`)}
          </ButtonLink>
        ))}
      </Group>
      {hasHeld && (
        <Alert color="yellow" icon={<IconInfoCircle size={16} />}>
          {t('outbox.heldNotice')}
        </Alert>
      )}
      {page.data.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="center" gap={4} py="md">
            <ThemeIcon size={40} variant="light" radius="xl">
              <IconMailForward size={22} />
            </ThemeIcon>
            <Text fw={600}>{t('outbox.emptyTitle')}</Text>
            <Text size="sm" c="dimmed" ta="center" maw={420}>
              {t('outbox.emptyText')}
            </Text>
          </Stack>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          <TableScrollContainer minWidth={340}>
            <Table verticalSpacing="sm" horizontalSpacing="md" stickyHeader data-testid="outbox-table">
              <TableThead>
                <TableTr>
                  <TableTh>{t('outbox.recipient')}</TableTh>
                  <TableTh visibleFrom="sm">{t('outbox.created')}</TableTh>
                  <TableTh style={{ width: 1 }}>{t('outbox.status')}</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {page.data.map((m) => (
                  <TableTr key={m.id} data-testid="outbox-row">
                    <TableTd style={{ maxWidth: 420 }}>
                      <Group gap={6} wrap="nowrap">
                        <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0, overflow: 'visible' }}>
                          {t(`outbox.channels.${m.channel}`)}
                        </Badge>
                        <Text size="sm" fw={600} truncate>
                          {m.customerName ?? m.toAddress}
                        </Text>
                      </Group>
                      <Text size="xs" c="dimmed" truncate>
                        {m.toAddress}
                      </Text>
                      <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                        {m.subject ?? m.body}
                      </Text>
                      <Text size="xs" c="dimmed" hiddenFrom="sm">
                        {formatInstant(m.createdAt, locale, timeZone)}
                      </Text>
                    </TableTd>
                    <TableTd visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatInstant(m.createdAt, locale, timeZone)}</Text>
                      {m.sentByName && (
                        <Text size="xs" c="dimmed">
                          {t('by', { name: m.sentByName })}
                        </Text>
                      )}
                    </TableTd>
                    <TableTd style={{ width: 1 }}>
                      <Badge
                        color={STATUS_COLORS[m.status]}
                        variant="light"
                        styles={{ root: { overflow: 'visible', whiteSpace: 'nowrap' }, label: { overflow: 'visible' } }}
                        data-testid="outbox-status"
                      >
                        {t(`outbox.statuses.${m.status}`)}
                      </Badge>
                      {m.sentAt && m.status === 'sent' && (
                        <Text size="xs" c="dimmed" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatInstant(m.sentAt, locale, timeZone)}
                        </Text>
                      )}
                      {m.error && (
                        <Text size="xs" c="red" maw={260} style={{ overflowWrap: 'anywhere' }}>
                          {m.error}
                        </Text>
                      )}
                      {m.attempts > 1 && (
                        <Text size="xs" c="dimmed">
                          {t('outbox.attempts', { count: m.attempts })}
                        </Text>
                      )}
                    </TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
        </Card>
      )}
      {page.nextCursor && (
        <Group justify="center">
          <ButtonLink variant="default" href={link({ cursor: page.nextCursor })}>
            {t('loadMore')}
          </ButtonLink>
        </Group>
      )}
    </Stack>
  );
}
