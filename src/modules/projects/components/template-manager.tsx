'use client';
import { ActionIcon, Badge, Button, Card, Group, Modal, NumberInput, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { createProjectTemplateAction, deleteProjectTemplateAction, updateProjectTemplateAction } from '../actions';

type TemplateTask = { title: string; offsetDays: number };
type Template = { id: string; name: string; tasks: TemplateTask[]; version: number };

/** Project templates: a name and tasks due a number of days after the project is made. */
export function TemplateManager({ slug, templates, canEdit }: { slug: string; templates: Template[]; canEdit: boolean }) {
  const t = useTranslations('projects.templates');
  const tc = useTranslations('common');
  const router = useRouter();
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('intro')}
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="template-new">
            {t('new')}
          </Button>
        )}
      </Group>
      {templates.length === 0 && (
        <Card withBorder radius="md" p="xl">
          <Text c="dimmed" ta="center">
            {t('empty')}
          </Text>
        </Card>
      )}
      {templates.map((template) => (
        <Card key={template.id} withBorder radius="md" p="md" data-testid="template-card">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Text fw={600}>{template.name}</Text>
                <Badge variant="light" size="sm">
                  {t('taskCount', { count: template.tasks.length })}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed" lineClamp={2}>
                {template.tasks.map((task) => `${task.title} (+${task.offsetDays})`).join(' · ')}
              </Text>
            </Stack>
            {canEdit && (
              <Group gap={4} wrap="nowrap">
                <Tooltip label={tc('edit')}>
                  <ActionIcon variant="default" aria-label={tc('edit')} onClick={() => setEditing(template)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={tc('delete')}>
                  <ActionIcon
                    variant="light"
                    color="red"
                    aria-label={tc('delete')}
                    onClick={async () => {
                      const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('deleteConfirm', { name: template.name }), confirm: tc('delete'), cancel: tc('cancel') });
                      if (!ok) return;
                      const result = await deleteProjectTemplateAction(slug, { id: template.id });
                      notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
                      if (result.ok) router.refresh();
                    }}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            )}
          </Group>
        </Card>
      ))}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('new') : tc('edit')} size="lg" centered>
        {editing !== null && (
          <TemplateForm
            key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
            slug={slug}
            template={editing === 'new' ? null : editing}
            onSaved={() => {
              setEditing(null);
              router.refresh();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function TemplateForm({ slug, template, onSaved }: { slug: string; template: Template | null; onSaved: () => void }) {
  const t = useTranslations('projects.templates');
  const tc = useTranslations('common');
  const [name, setName] = useState(template?.name ?? '');
  const [tasks, setTasks] = useState<TemplateTask[]>(template?.tasks ?? [{ title: '', offsetDays: 0 }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const input = { name, tasks: tasks.filter((task) => task.title.trim() !== '') };
    const result = template ? await updateProjectTemplateAction(slug, { ...input, id: template.id, version: template.version }) : await createProjectTemplateAction(slug, input);
    setBusy(false);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) onSaved();
    else setErrors(result.fields ?? {});
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <TextInput label={t('name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus data-testid="template-name" />
        <Text fw={500} size="sm">
          {t('tasks')}
        </Text>
        {tasks.map((task, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={i === 0 ? t('taskTitle') : undefined}
              aria-label={t('taskTitle')}
              value={task.title}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTasks((list) => list.map((x, j) => (j === i ? { ...x, title: value } : x)));
              }}
              error={errors[`tasks.${i}.title`]}
              style={{ flex: 1 }}
              data-testid="template-task-title"
            />
            <NumberInput
              label={i === 0 ? t('offsetDays') : undefined}
              aria-label={t('offsetDays')}
              value={task.offsetDays}
              min={0}
              max={3650}
              w={120}
              onChange={(v) => setTasks((list) => list.map((x, j) => (j === i ? { ...x, offsetDays: typeof v === 'number' ? v : 0 } : x)))}
            />
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('removeTask')} onClick={() => setTasks((list) => list.filter((_, j) => j !== i))}>
              <IconX size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setTasks((list) => [...list, { title: '', offsetDays: list.at(-1)?.offsetDays ?? 0 }])} w="fit-content">
          {t('addTask')}
        </Button>
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="template-submit">
            {template ? tc('save') : tc('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
