'use client';
import { ActionIcon, Button, Checkbox, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconRotate, IconTrash } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { deleteTaskAction, setTaskDoneAction } from '../actions';

/** Marks a task done or open again: a checkbox in lists, a button on the task's page. */
export function DoneToggle({ slug, id, title, done, variant = 'checkbox' }: { slug: string; id: string; title: string; done: boolean; variant?: 'checkbox' | 'button' }) {
  const t = useTranslations('tasks');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const run = async (value: boolean) => {
    setBusy(true);
    const result = await setTaskDoneAction(slug, { id, done: value });
    setBusy(false);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
  };
  if (variant === 'button') {
    return (
      <Button variant={done ? 'default' : 'filled'} color={done ? undefined : 'teal'} leftSection={done ? <IconRotate size={16} /> : <IconCheck size={16} />} loading={busy} onClick={() => run(!done)} data-testid="task-done">
        {done ? t('reopen') : t('markDone')}
      </Button>
    );
  }
  return (
    <Tooltip label={done ? t('reopen') : t('markDone')}>
      <Checkbox checked={done} disabled={busy} onChange={(e) => run(e.currentTarget.checked)} aria-label={`${done ? t('reopen') : t('markDone')}: ${title}`} data-testid="task-done-toggle" />
    </Tooltip>
  );
}

export function DeleteTaskButton({ slug, id, title, projectId }: { slug: string; id: string; title: string; projectId: string | null }) {
  const t = useTranslations('tasks');
  const tc = useTranslations('common');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Tooltip label={tc('delete')}>
      <ActionIcon
        variant="light"
        color="red"
        size="lg"
        loading={busy}
        aria-label={tc('delete')}
        data-testid="task-delete"
        onClick={async () => {
          const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('deleteConfirm', { title }), confirm: tc('delete'), cancel: tc('cancel') });
          if (!ok) return;
          setBusy(true);
          const result = await deleteTaskAction(slug, { id });
          setBusy(false);
          notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
          if (result.ok) {
            router.replace(projectId ? `/${slug}/projects/${projectId}` : `/${slug}/tasks`);
            router.refresh();
          }
        }}
      >
        <IconTrash size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
