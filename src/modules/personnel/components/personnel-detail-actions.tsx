'use client';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail, IconPencil, IconTrash } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { deletePersonnelAction, invitePersonnelAction } from '../actions';

export function PersonnelDetailActions({
  slug,
  id,
  name,
  canEdit,
  canDelete,
  canInvite,
}: {
  slug: string;
  id: string;
  name: string;
  canEdit: boolean;
  canDelete: boolean;
  canInvite: boolean;
}) {
  const t = useTranslations('personnel');
  const tc = useTranslations('common');
  const router = useRouter();
  const [busy, setBusy] = useState<'delete' | 'invite' | null>(null);

  return (
    <>
      {canInvite && (
        <Button
          variant="default"
          leftSection={<IconMail size={16} />}
          loading={busy === 'invite'}
          onClick={async () => {
            setBusy('invite');
            const result = await invitePersonnelAction(slug, { id });
            setBusy(null);
            notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
            if (result.ok) router.refresh();
          }}
        >
          {t('resendInvite')}
        </Button>
      )}
      {canEdit && (
        <Button component={Link} href={`/${slug}/personnel/${id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>
          {tc('edit')}
        </Button>
      )}
      {canDelete && (
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} />}
          loading={busy === 'delete'}
          onClick={async () => {
            const ok = await confirmDelete({
              title: tc('confirmDeleteTitle'),
              body: t('deleteConfirm', { name }),
              confirm: tc('delete'),
              cancel: tc('cancel'),
            });
            if (!ok) return;
            setBusy('delete');
            const result = await deletePersonnelAction(slug, { id });
            setBusy(null);
            notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
            if (result.ok) {
              router.replace(`/${slug}/personnel`);
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
