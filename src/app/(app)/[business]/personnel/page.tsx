import { Badge, Button, Card, Group, Stack, Table, TableScrollContainer, TableTbody, TableTd, TableTh, TableThead, TableTr, Text, TextInput, ThemeIcon } from '@mantine/core';
import { IconPlus, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { AnchorLink, ButtonLink } from '@/components/links';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { findPersonnel, type PersonnelRecord } from '@/modules/personnel';
import { PageHeader } from '@/components/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('personnel'))('title') };
}

export default async function PersonnelListPage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string }>;
  searchParams: Promise<{ q?: string; cursor?: string }>;
}) {
  const { business: slug } = await params;
  const { q, cursor } = await searchParams;
  const { ctx } = await requireBusinessPage(slug);
  const search = q?.trim().slice(0, 100) || undefined;
  const page = await findPersonnel(getDb(), ctx, { search, cursor: cursor?.slice(0, 400), limit: 50 }).catch(() =>
    findPersonnel(getDb(), ctx, { search, limit: 50 }),
  );
  const t = await getTranslations('personnel');
  const tr = await getTranslations('roles');
  const tc = await getTranslations('common');
  const roleBadge = (role: PersonnelRecord['role']) => (
    <Badge variant="light" color={role === 'owner' ? 'teal' : 'gray'}>
      {tr(role)}
    </Badge>
  );
  const statusBadges = (p: PersonnelRecord) => (
    <>
      {!p.active && (
        <Badge color="gray" variant="outline">
          {t('inactive')}
        </Badge>
      )}
      <Badge color={p.hasLogin ? 'teal' : 'gray'} variant="dot">
        {p.hasLogin ? t('hasLogin') : t('noLogin')}
      </Badge>
    </>
  );
  const canCreate = can(ctx.role, 'personnel', 'create');
  const base = `/${slug}/personnel`;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        actions={
          canCreate && (
            <ButtonLink href={`${base}/new`} leftSection={<IconPlus size={16} />}>
              {t('new')}
            </ButtonLink>
          )
        }
      />
      <form action={base} method="get" role="search">
        <Group gap="xs" wrap="nowrap">
          <TextInput
            name="q"
            defaultValue={search}
            placeholder={t('searchPlaceholder')}
            aria-label={tc('search')}
            leftSection={<IconSearch size={16} />}
            style={{ flex: 1, maxWidth: 420 }}
          />
          <Button type="submit" variant="default">
            {tc('search')}
          </Button>
        </Group>
      </form>
      {page.data.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="center" gap="xs" py="lg">
            <ThemeIcon size={44} variant="light" radius="xl">
              <IconUsersGroup size={24} />
            </ThemeIcon>
            <Text fw={600}>{search ? t('noResults', { search }) : t('emptyTitle')}</Text>
            {!search && (
              <Text size="sm" c="dimmed" ta="center" maw={420}>
                {t('emptyText')}
              </Text>
            )}
            {!search && canCreate && (
              <ButtonLink href={`${base}/new`} mt="sm" leftSection={<IconPlus size={16} />}>
                {t('new')}
              </ButtonLink>
            )}
          </Stack>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          <TableScrollContainer minWidth={360}>
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" stickyHeader>
              <TableThead>
                <TableTr>
                  <TableTh>{t('name')}</TableTh>
                  <TableTh visibleFrom="sm">{t('jobTitle')}</TableTh>
                  <TableTh visibleFrom="sm">{t('role')}</TableTh>
                  <TableTh visibleFrom="md">{t('email')}</TableTh>
                  <TableTh visibleFrom="sm">{t('status')}</TableTh>
                </TableTr>
              </TableThead>
              <TableTbody>
                {page.data.map((p) => (
                  <TableTr key={p.id}>
                    <TableTd>
                      <AnchorLink href={`${base}/${p.id}`} fw={600}>
                        {p.name}
                      </AnchorLink>
                      {p.isSelf && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({t('you')})
                        </Text>
                      )}
                      {/* On a phone the role and status go under the name instead of in columns too narrow for them. */}
                      <Group gap={4} mt={6} hiddenFrom="sm">
                        {roleBadge(p.role)}
                        {statusBadges(p)}
                      </Group>
                    </TableTd>
                    <TableTd visibleFrom="sm">{p.title ?? tc('none')}</TableTd>
                    <TableTd visibleFrom="sm">{roleBadge(p.role)}</TableTd>
                    <TableTd visibleFrom="md">{p.email ?? tc('none')}</TableTd>
                    <TableTd visibleFrom="sm">
                      <Group gap={4}>{statusBadges(p)}</Group>
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
          <ButtonLink
            variant="default"
            href={`${base}?${new URLSearchParams({ ...(search ? { q: search } : {}), cursor: page.nextCursor })}`}
          >
            →
          </ButtonLink>
        </Group>
      )}
    </Stack>
  );
}
