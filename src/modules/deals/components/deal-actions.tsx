'use client';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { deleteDealAction } from '../actions';

/** Edit and delete (after a confirmation) on a deal's page. */
export function DealActions({ slug, id, title, canEdit, canDelete }: { slug: string; id: string; title: string; canEdit: boolean; canDelete: boolean }) {
  const t = useTranslations('deals');
  const tc = useTranslations('common');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Group gap="xs">
      {canEdit && (
        <Button component={Link} href={`/${slug}/deals/${id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>
          {tc('edit')}
        </Button>
      )}
      {canDelete && (
        <Button
          color="red"
          variant="light"
          loading={busy}
          leftSection={<IconTrash size={16} />}
          onClick={async () => {
            const ok = await confirmDelete({ title: t('deleteTitle'), body: t('deleteBody', { title }), confirm: tc('delete'), cancel: tc('cancel') });
            if (!ok) return;
            setBusy(true);
            const result = await deleteDealAction(slug, { id });
            setBusy(false);
            notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
            if (result.ok) {
              router.push(`/${slug}/deals`);
              router.refresh();
            }
          }}
        >
          {tc('delete')}
        </Button>
      )}
    </Group>
  );
}
