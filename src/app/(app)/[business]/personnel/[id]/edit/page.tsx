import { Paper, Stack } from '@mantine/core';
import { AnchorLink } from '@/components/links';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { isAppError } from '@/lib/errors';
import { getPersonnel } from '@/modules/personnel';
import { PersonnelForm } from '@/modules/personnel/ui';
import { personnelButtons } from '@/modules/personnel/client';
import { PageHeader } from '@/components/page-header';

export default async function EditPersonnelPage({ params }: { params: Promise<{ business: string; id: string }> }) {
  const { business: slug, id } = await params;
  const { ctx } = await requireBusinessPage(slug);
  const person = await getPersonnel(getDb(), ctx, id).catch((err) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  if (!personnelButtons(ctx.role, person).canEdit) notFound();
  const t = await getTranslations('personnel');
  return (
    <Stack gap="lg" maw={760}>
      <AnchorLink href={`/${slug}/personnel/${id}`} size="sm">
        ← {person.name}
      </AnchorLink>
      <PageHeader title={t('editTitle', { name: person.name })} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
        <PersonnelForm
          // Remount on a newer version so the form never edits stale values.
          key={person.version}
          slug={slug}
          actorRole={ctx.role}
          edit={{
            id: person.id,
            version: person.version,
            isSelf: person.isSelf,
            values: {
              name: person.name,
              email: person.email ?? '',
              phone: person.phone ?? '',
              title: person.title ?? '',
              department: person.department ?? '',
              role: person.role,
              active: person.active,
            },
          }}
        />
      </Paper>
    </Stack>
  );
}
