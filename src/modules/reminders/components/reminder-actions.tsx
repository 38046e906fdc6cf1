'use client';
import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil, IconTrash } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { deleteReminderAction, markReminderDoneAction } from '../actions';

/** Marks a reminder done from a list row (icon) or its page (button), then shows the result. */
export function MarkDoneButton({ slug, id, version, compact = false }: { slug: string; id: string; version: number; compact?: boolean }) {
  const t = useTranslations('reminders');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await markReminderDoneAction(slug, { id, version });
    setBusy(false);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
  };
  if (compact) {
    return (
      <Tooltip label={t('markDone')}>
        <ActionIcon variant="light" color="teal" loading={busy} onClick={run} aria-label={t('markDone')} data-testid="reminder-done">
          <IconCheck size={16} />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Button color="teal" leftSection={<IconCheck size={16} />} loading={busy} onClick={run} data-testid="reminder-done">
      {t('markDone')}
    </Button>
  );
}

/** The buttons of a reminder's page: done, edit and (after a confirmation) delete. */
export function ReminderDetailActions({
  slug,
  id,
  title,
  version,
  canDone,
  canEdit,
  canDelete,
}: {
  slug: string;
  id: string;
  title: string;
  version: number;
  canDone: boolean;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const t = useTranslations('reminders');
  const tc = useTranslations('common');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <>
      {canDone && <MarkDoneButton slug={slug} id={id} version={version} />}
      {canEdit && (
        <Button component={Link} href={`/${slug}/reminders/${id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>
          {tc('edit')}
        </Button>
      )}
      {canDelete && (
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} />}
          loading={busy}
          onClick={async () => {
            const ok = await confirmDelete({
              title: tc('confirmDeleteTitle'),
              body: t('deleteConfirm', { title }),
              confirm: tc('delete'),
              cancel: tc('cancel'),
            });
            if (!ok) return;
            setBusy(true);
            const result = await deleteReminderAction(slug, { id });
            setBusy(false);
            notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
            if (result.ok) {
              router.replace(`/${slug}/reminders`);
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
