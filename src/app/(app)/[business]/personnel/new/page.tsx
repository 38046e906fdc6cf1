import { Paper, Stack } from '@mantine/core';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { PersonnelForm } from '@/modules/personnel/ui';
import { PageHeader } from '@/components/page-header';

export default async function NewPersonnelPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'personnel', 'create')) notFound();
  const t = await getTranslations('personnel');
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('newTitle')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <PersonnelForm slug={slug} actorRole={ctx.role} />
      </Paper>
    </Stack>
  );
}
