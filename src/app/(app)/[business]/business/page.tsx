import { Avatar, Card, Grid, GridCol, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBuildingStore, IconPencil } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can, canDeleteBusiness } from '@/lib/permissions';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getBusiness, getBusinessOwners } from '@/modules/businesses';
import { DeleteBusiness } from '@/modules/businesses/ui';
import { countCustomers } from '@/modules/customers';
import { countPersonnel } from '@/modules/personnel';
import { countOpenDeals } from '@/modules/deals';
import { countProjects } from '@/modules/projects';

export async function generateMetadata({ params }: { params: Promise<{ business: string }> }): Promise<Metadata> {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  return { title: (await getBusiness(getDb(), ctx)).name };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{children}</Text>
    </div>
  );
}

/** The business's own page: who it is, how to reach it, who owns it and how much it holds. */
export default async function BusinessPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const db = getDb();
  // Each count comes from its own module, in the reader's scope; a count the role may not see is left out.
  const [business, owners, customers, people, openDeals, projects] = await Promise.all([
    getBusiness(db, ctx),
    getBusinessOwners(db, ctx),
    countCustomers(db, ctx),
    countPersonnel(db, ctx),
    can(ctx.role, 'deals', 'read') ? countOpenDeals(db, ctx) : null,
    can(ctx.role, 'projects', 'read') ? countProjects(db, ctx) : null,
  ]);
  const t = await getTranslations('businesses');
  const tc = await getTranslations('common');
  const base = `/${slug}`;
  const counts = [
    { key: 'customers', label: t('page.customers'), value: customers, href: `${base}/customers` },
    { key: 'personnel', label: t('page.personnel'), value: people.active, href: `${base}/personnel` },
    ...(openDeals === null ? [] : [{ key: 'deals', label: t('page.openDeals'), value: openDeals, href: `${base}/deals` }]),
    ...(projects === null ? [] : [{ key: 'projects', label: t('page.projects'), value: projects, href: `${base}/projects` }]),
  ];
  const contact = [
    { label: t('phone'), value: business.phone && (parsePhoneNumberFromString(business.phone)?.formatInternational() ?? business.phone) },
    { label: t('email'), value: business.email },
    { label: t('address'), value: business.address },
    { label: t('sector'), value: business.sector },
    { label: t('taxOffice'), value: business.taxOffice },
    { label: t('taxNumber'), value: business.taxNumber },
    { label: t('currency'), value: business.currency },
    { label: t('timeZone'), value: business.timeZone },
  ];
  return (
    <Stack gap="lg" maw={960} data-testid="business-page">
      <PageHeader
        title={
          <Group gap="sm" wrap="nowrap" component="span">
            <Avatar src={business.logoPath ? `${base}/logo?v=${business.version}` : null} alt="" radius="md" size={40}>
              <IconBuildingStore size={22} />
            </Avatar>
            <span data-testid="business-name">{business.name}</span>
          </Group>
        }
        actions={
          can(ctx.role, 'business', 'update') ? (
            <ButtonLink href={`${base}/business/edit`} leftSection={<IconPencil size={16} />} variant="default" data-testid="business-edit">
              {tc('edit')}
            </ButtonLink>
          ) : undefined
        }
      />
      <SimpleGrid cols={{ base: 2, sm: counts.length }} spacing="sm">
        {counts.map((c) => (
          <Card key={c.key} withBorder padding="md" data-testid={`business-count-${c.key}`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {c.label}
            </Text>
            <AnchorLink href={c.href} fw={650} fz={{ base: 22, sm: 26 }} underline="never" c="inherit">
              {c.value}
            </AnchorLink>
          </Card>
        ))}
      </SimpleGrid>
      <Grid gap="md">
        <GridCol span={{ base: 12, md: 8 }}>
          <Card withBorder padding="lg" h="100%">
            <Text fw={600} mb="sm">
              {t('page.contact')}
            </Text>
            {!business.phone && !business.email && !business.address && (
              <Text size="sm" c="dimmed" mb="sm">
                {t('page.noContact')}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {contact.map((f) => (
                <Field key={f.label} label={f.label}>
                  {f.value || tc('none')}
                </Field>
              ))}
            </SimpleGrid>
          </Card>
        </GridCol>
        <GridCol span={{ base: 12, md: 4 }}>
          <Card withBorder padding="lg" h="100%">
            <Text fw={600} mb="sm">
              {t('page.owner')}
            </Text>
            <Stack gap="sm" data-testid="business-owner">
              {owners.length === 0 && (
                <Text size="sm" c="dimmed">
                  {tc('none')}
                </Text>
              )}
              {owners.map((o) => (
                <div key={o.personnelId}>
                  <AnchorLink href={`${base}/personnel/${o.personnelId}`} fw={600}>
                    {o.name}
                  </AnchorLink>
                  {o.email && (
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {o.email}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          </Card>
        </GridCol>
      </Grid>
      {canDeleteBusiness(ctx.role) && <DeleteBusiness slug={slug} name={business.name} />}
    </Stack>
  );
}
