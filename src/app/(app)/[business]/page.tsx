import { Card, List, ListItem, SimpleGrid, Stack, Text } from '@mantine/core';
import { AnchorLink } from '@/components/links';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { findNextSteps, getBusiness } from '@/modules/businesses';
import { countPersonnel } from '@/modules/personnel';
import { PageHeader } from '@/components/page-header';

export default async function BusinessDashboard({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { user, ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const [business, counts, steps] = await Promise.all([getBusiness(db, ctx), countPersonnel(db, ctx), findNextSteps(db, ctx)]);
  const t = await getTranslations('dashboard');
  const tr = await getTranslations('roles');
  const stats = [
    { label: t('personnelCount'), value: counts.total },
    { label: t('activeCount'), value: counts.active },
    { label: t('withLogin'), value: counts.withLogin },
    { label: t('yourRole'), value: tr(ctx.role) },
  ];
  return (
    <Stack gap="lg">
      <PageHeader title={t('welcome', { name: user.name })}>
        <Text c="dimmed">{t('lead', { business: business.name })}</Text>
      </PageHeader>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        {stats.map((s) => (
          <Card key={s.label} withBorder padding="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {s.label}
            </Text>
            <Text fz={26} fw={650}>
              {s.value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {/* What the business has not done yet; a step goes away once done, the card with the last one. */}
      {steps.length > 0 && (
        <Card withBorder padding="lg" data-testid="next-steps">
          <Text fw={600} mb="xs">
            {t('nextSteps')}
          </Text>
          <List spacing={6} size="sm">
            {steps.map((step) => (
              <ListItem key={step.key} data-step={step.key}>
                <AnchorLink href={`/${slug}${step.path}`}>{t(`steps.${step.key}`)}</AnchorLink>
              </ListItem>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  );
}
