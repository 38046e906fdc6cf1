'use client';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { deleteImportAction } from '../actions';

export function ImportDeleteButton({ slug, id }: { slug: string; id: string }) {
  const t = useTranslations('imports');
  const tc = useTranslations('common');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      color="red"
      variant="light"
      leftSection={<IconTrash size={16} />}
      loading={busy}
      onClick={async () => {
        const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('deleteConfirm'), confirm: tc('delete'), cancel: tc('cancel') });
        if (!ok) return;
        setBusy(true);
        const result = await deleteImportAction(slug, { id });
        setBusy(false);
        notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
        if (result.ok) {
          router.replace(`/${slug}/customers/import`);
          router.refresh();
        }
      }}
    >
      {tc('delete')}
    </Button>
  );
}
