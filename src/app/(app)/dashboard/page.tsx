import { Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireUser } from '@/server/auth/session';
import { findLandingBusinessSlug } from '@/modules/businesses';
import { BusinessForm } from '@/modules/businesses/ui';
import { PlainShell } from '@/components/plain-shell';
import { SignOutLink } from '@/modules/account/ui';

export const metadata: Metadata = { title: 'Dashboard' };

/** Opens the dashboard of the business used last, or asks for a first business. */
export default async function DashboardEntry() {
  const user = await requireUser('/dashboard');
  const slug = await findLandingBusinessSlug(getDb(), user.id);
  if (slug) redirect(`/${slug}`);
  const t = await getTranslations('dashboard');
  return (
    <PlainShell>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            {t('firstBusinessTitle')}
          </Title>
          <Text c="dimmed">{t('firstBusinessLead')}</Text>
        </Stack>
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
          <BusinessForm />
        </Paper>
        <SignOutLink />
      </Stack>
    </PlainShell>
  );
}
