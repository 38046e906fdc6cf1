'use client';
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconArrowLeft, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { createTaskStatusAction, deleteTaskStatusAction, reorderTaskStatusesAction, updateTaskStatusAction } from '../actions';
import { TASK_STATUS_CATEGORIES, type TaskStatusCategory } from '../schemas';

type Status = { id: string; name: string; category: TaskStatusCategory; wipLimit: number | null; version: number; taskCount: number };

/** The columns of a project's board: rename, recategorise, limit, reorder, add and delete. */
export function StatusManager({ slug, projectId, statuses }: { slug: string; projectId: string; statuses: Status[] }) {
  const t = useTranslations('projects');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const show = (result: { ok: boolean; message: string }) => {
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
  };
  const reorder = async (index: number, delta: number) => {
    const ids = statuses.map((s) => s.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved!);
    setBusy(true);
    show(await reorderTaskStatusesAction(slug, { projectId, ids }));
    setBusy(false);
  };
  return (
    <Stack gap="sm">
      <Title order={4}>{t('columns.title')}</Title>
      {statuses.map((status, index) => (
        <StatusRow
          key={`${status.id}:${status.version}`}
          slug={slug}
          status={status}
          first={index === 0}
          last={index === statuses.length - 1}
          busy={busy}
          onMove={(delta) => reorder(index, delta)}
          onDone={show}
        />
      ))}
      <AddStatus slug={slug} projectId={projectId} onDone={show} />
    </Stack>
  );
}

function useCategoryOptions() {
  const t = useTranslations('projects');
  return TASK_STATUS_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }));
}

function StatusRow({
  slug,
  status,
  first,
  last,
  busy,
  onMove,
  onDone,
}: {
  slug: string;
  status: Status;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (delta: number) => void;
  onDone: (result: { ok: boolean; message: string }) => void;
}) {
  const t = useTranslations('projects');
  const tc = useTranslations('common');
  const categories = useCategoryOptions();
  const [name, setName] = useState(status.name);
  const [category, setCategory] = useState<TaskStatusCategory>(status.category);
  const [wipLimit, setWipLimit] = useState<number | ''>(status.wipLimit ?? '');
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="status-row">
      <TextInput label={t('columns.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: '1 1 160px' }} />
      <Select label={t('columns.category')} data={categories} value={category} allowDeselect={false} onChange={(v) => v && setCategory(v as TaskStatusCategory)} w={150} />
      <NumberInput label={t('columns.wipLimit')} value={wipLimit} min={1} max={1000} onChange={(v) => setWipLimit(typeof v === 'number' ? v : '')} w={110} />
      <Text size="xs" c="dimmed" pb={10}>
        {t('columns.tasks', { count: status.taskCount })}
      </Text>
      <Group gap={4} pb={4}>
        <Tooltip label={tc('save')}>
          <ActionIcon
            variant="light"
            aria-label={tc('save')}
            onClick={async () => onDone(await updateTaskStatusAction(slug, { id: status.id, version: status.version, name, category, wipLimit: wipLimit === '' ? null : wipLimit }))}
          >
            <IconDeviceFloppy size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('columns.moveUp')}>
          <ActionIcon variant="default" aria-label={t('columns.moveUp')} disabled={first || busy} onClick={() => onMove(-1)}>
            <IconArrowLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('columns.moveDown')}>
          <ActionIcon variant="default" aria-label={t('columns.moveDown')} disabled={last || busy} onClick={() => onMove(1)}>
            <IconArrowRight size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('columns.delete')}>
          <ActionIcon
            variant="light"
            color="red"
            aria-label={t('columns.delete')}
            onClick={async () => {
              const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('columns.deleteConfirm', { name: status.name }), confirm: tc('delete'), cancel: tc('cancel') });
              if (ok) onDone(await deleteTaskStatusAction(slug, { id: status.id }));
            }}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}

function AddStatus({ slug, projectId, onDone }: { slug: string; projectId: string; onDone: (result: { ok: boolean; message: string }) => void }) {
  const t = useTranslations('projects');
  const categories = useCategoryOptions();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<TaskStatusCategory>('in_progress');
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput label={t('columns.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: '1 1 160px' }} />
      <Select label={t('columns.category')} data={categories} value={category} allowDeselect={false} onChange={(v) => v && setCategory(v as TaskStatusCategory)} w={150} />
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={async () => {
          const result = await createTaskStatusAction(slug, { projectId, name, category });
          onDone(result);
          if (result.ok) setName('');
        }}
      >
        {t('columns.add')}
      </Button>
    </Group>
  );
}
