'use client';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { deleteProjectAction } from '../actions';

export function ProjectActions({ slug, id, name, canEdit, canDelete }: { slug: string; id: string; name: string; canEdit: boolean; canDelete: boolean }) {
  const t = useTranslations('projects');
  const tc = useTranslations('common');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <>
      {canEdit && (
        <Button component={Link} href={`/${slug}/projects/${id}/edit`} variant="default" size="sm" leftSection={<IconPencil size={16} />}>
          {tc('edit')}
        </Button>
      )}
      {canDelete && (
        <Button
          color="red"
          variant="light"
          size="sm"
          leftSection={<IconTrash size={16} />}
          loading={busy}
          data-testid="project-delete"
          onClick={async () => {
            const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('deleteConfirm', { name }), confirm: tc('delete'), cancel: tc('cancel') });
            if (!ok) return;
            setBusy(true);
            const result = await deleteProjectAction(slug, { id });
            setBusy(false);
            notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
            if (result.ok) {
              router.replace(`/${slug}/projects`);
              router.refresh();
            }
          }}
        >
          {tc('delete')}
        </Button>
      )}
    </>
  );
}
