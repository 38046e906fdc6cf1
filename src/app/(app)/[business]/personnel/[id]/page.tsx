import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { AnchorLink } from '@/components/links';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { getPersonnel } from '@/modules/personnel';
import { PersonnelDetailActions } from '@/modules/personnel/ui';
import { personnelButtons } from '@/modules/personnel/client';
import { PageHeader } from '@/components/page-header';
import { formatDate, formatDateTime } from '@/lib/format-date';

export default async function PersonnelDetailPage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const person = await getPersonnel(getDb(), ctx, id).catch((err) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const t = await getTranslations('personnel');
  const tr = await getTranslations('roles');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const buttons = personnelButtons(ctx.role, person);
  const fields = [
    { label: t('email'), value: person.email },
    { label: t('phone'), value: person.phone },
    { label: t('jobTitle'), value: person.title },
    { label: t('department'), value: person.department },
    { label: t('createdAt'), value: formatDateTime(person.createdAt, locale, ctx.timeZone) },
    { label: t('updatedAt'), value: formatDateTime(person.updatedAt, locale, ctx.timeZone) },
  ];

  return (
    <Stack gap="lg" maw={860}>
      <AnchorLink href={`/${slug}/personnel`} size="sm">
        ← {t('title')}
      </AnchorLink>
      <PageHeader
        title={person.name}
        actions={<PersonnelDetailActions slug={slug} id={person.id} name={person.name} {...buttons} />}
      >
        <Group gap={6}>
          <Badge variant="light">{tr(person.role)}</Badge>
          {!person.active && <Badge color="gray">{t('inactive')}</Badge>}
          <Badge color={person.hasLogin ? 'teal' : 'gray'} variant="dot">
            {person.hasLogin ? t('hasLogin') : t('noLogin')}
          </Badge>
          {person.invitedAt && !person.hasLogin && (
            <Text size="xs" c="dimmed">
              {t('invitedAt', { date: formatDate(person.invitedAt, locale, ctx.timeZone) })}
            </Text>
          )}
        </Group>
      </PageHeader>
      <Card withBorder padding="lg">
        <Text fw={600} mb="sm">
          {t('details')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {fields.map((f) => (
            <div key={f.label}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {f.label}
              </Text>
              <Text>{f.value ?? tc('none')}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
