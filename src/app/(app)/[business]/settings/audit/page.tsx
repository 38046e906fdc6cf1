import {
  Badge,
  Card,
  Group,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
} from '@mantine/core';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { findAuditEntries } from '@/modules/audit';
import { AuditFilters } from '@/modules/audit/ui';
import { findAuditSchema } from '@/modules/audit/client';
import { ButtonLink } from '@/components/links';
import { formatDateTime } from '@/lib/format-date';

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'auditLog', 'read')) notFound();
  const filters = findAuditSchema.parse(await searchParams);
  const page = await findAuditEntries(getDb(), ctx, filters);
  const t = await getTranslations('audit');
  const locale = await getLocale();
  const next = new URLSearchParams(
    Object.entries({ ...filters, cursor: page.nextCursor ?? undefined }).filter((e): e is [string, string] => !!e[1]),
  );
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('lead')}
      </Text>
      <Suspense>
        <AuditFilters />
      </Suspense>
      <Card withBorder padding={0}>
        <TableScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" horizontalSpacing="md">
            <TableThead>
              <TableTr>
                <TableTh>{t('when')}</TableTh>
                <TableTh>{t('who')}</TableTh>
                <TableTh>{t('action')}</TableTh>
                <TableTh>{t('entity')}</TableTh>
                <TableTh>{t('fields')}</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {page.data.length === 0 && (
                <TableTr>
                  <TableTd colSpan={5}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('empty')}
                    </Text>
                  </TableTd>
                </TableTr>
              )}
              {page.data.map((e) => (
                <TableTr key={e.id}>
                  <TableTd style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.createdAt, locale, ctx.timeZone, { time: 'medium' })}</TableTd>
                  <TableTd>
                    {e.actorName ?? t('deletedUser')}
                    {e.apiKeyName && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t('viaKey', { name: e.apiKeyName })})
                      </Text>
                    )}
                  </TableTd>
                  <TableTd>
                    <Badge variant="light" color={e.action === 'delete' ? 'red' : e.action === 'create' ? 'teal' : 'blue'}>
                      {t.has(`actions.${e.action}`) ? t(`actions.${e.action}`) : e.action}
                    </Badge>
                  </TableTd>
                  <TableTd>
                    <Text size="sm">{t.has(`entities.${e.entityType}`) ? t(`entities.${e.entityType}`) : e.entityType}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {e.entityId}
                    </Text>
                  </TableTd>
                  <TableTd>
                    <Text size="sm">{e.changedFields?.join(', ') || '—'}</Text>
                  </TableTd>
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        </TableScrollContainer>
      </Card>
      {page.nextCursor && (
        <Group justify="center">
          <ButtonLink variant="default" href={`/${slug}/settings/audit?${next}`}>
            {t('older')}
          </ButtonLink>
        </Group>
      )}
    </Stack>
  );
}
