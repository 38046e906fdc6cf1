import { Paper, Stack, Title } from '@mantine/core';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/server/auth/session';
import { findUserBusinesses } from '@/modules/businesses';
import { BusinessForm } from '@/modules/businesses/ui';
import { PlainShell } from '@/components/plain-shell';
import { getDb } from '@/server/db/client';

export default async function NewBusinessPage() {
  const user = await requireUser('/businesses/new');
  const hasBusiness = (await findUserBusinesses(getDb(), user.id)).length > 0;
  const t = await getTranslations('businesses');
  return (
    <PlainShell>
      <Stack gap="lg">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {t('newTitle')}
        </Title>
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
          <BusinessForm canCancel={hasBusiness} />
        </Paper>
      </Stack>
    </PlainShell>
  );
}
