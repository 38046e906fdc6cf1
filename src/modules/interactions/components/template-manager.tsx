'use client';
import { ActionIcon, Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { useActionForm } from '@/components/forms/use-action-form';
import { createTemplateAction, deleteTemplateAction, updateTemplateAction } from '../actions';
import { TEMPLATE_FIELDS } from '../render';
import { MESSAGE_CHANNELS, type MessageChannel } from '../schemas';

export type TemplateRow = { id: string; channel: MessageChannel; name: string; subject: string | null; body: string; version: number };

/** The business's message templates: list, create and edit in a dialog, delete after a confirmation. */
export function TemplateManager({ slug, templates, canWrite }: { slug: string; templates: TemplateRow[]; canWrite: boolean }) {
  const t = useTranslations('interactions.templates');
  const ti = useTranslations('interactions');
  const tc = useTranslations('common');
  const router = useRouter();
  const [editing, setEditing] = useState<TemplateRow | 'new' | null>(null);

  async function remove(row: TemplateRow) {
    const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('deleteConfirm'), confirm: tc('delete'), cancel: tc('cancel') });
    if (!ok) return;
    const result = await deleteTemplateAction(slug, { id: row.id });
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" maw={560}>
          {t('intro')}
        </Text>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('new')}
          </Button>
        )}
      </Group>
      {templates.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack align="center" gap={4} py="md">
            <ThemeIcon size={40} variant="light" radius="xl">
              <IconTemplate size={22} />
            </ThemeIcon>
            <Text fw={600}>{t('emptyTitle')}</Text>
            <Text size="sm" c="dimmed" ta="center" maw={420}>
              {t('emptyText')}
            </Text>
          </Stack>
        </Card>
      ) : (
        <Stack gap="xs">
          {templates.map((row) => (
            <Card key={row.id} withBorder padding="sm" data-testid="template-row">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6}>
                    <Badge size="xs" variant="outline" color="gray" style={{ overflow: 'visible' }}>
                      {ti(`outbox.channels.${row.channel}`)}
                    </Badge>
                    <Text fw={600} size="sm">
                      {row.name}
                    </Text>
                  </Group>
                  {row.subject && (
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {row.subject}
                    </Text>
                  )}
                  <Text size="sm" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {row.body}
                  </Text>
                </Stack>
                {canWrite && (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" color="gray" aria-label={tc('edit')} onClick={() => setEditing(row)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={tc('delete')} onClick={() => remove(row)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('new') : t('edit')} size="lg">
        {editing && (
          <TemplateForm
            slug={slug}
            initial={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              router.refresh();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function TemplateForm({ slug, initial, onDone }: { slug: string; initial: TemplateRow | null; onDone: () => void }) {
  const t = useTranslations('interactions.templates');
  const ti = useTranslations('interactions');
  const tc = useTranslations('common');
  const { form, onSubmit, submitting } = useActionForm<{ channel: MessageChannel; name: string; subject: string; body: string }, unknown>({
    initialValues: { channel: initial?.channel ?? 'email', name: initial?.name ?? '', subject: initial?.subject ?? '', body: initial?.body ?? '' },
    action: (v) => (initial ? updateTemplateAction(slug, { ...v, id: initial.id, version: initial.version }) : createTemplateAction(slug, v)),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('channel')}
          data={MESSAGE_CHANNELS.map((c) => ({ value: c, label: ti(`outbox.channels.${c}`) }))}
          {...form.getInputProps('channel')}
        />
        <TextInput label={t('name')} required maxLength={120} {...form.getInputProps('name')} />
        {form.values.channel === 'email' && <TextInput label={t('subject')} maxLength={300} {...form.getInputProps('subject')} />}
        <Textarea label={t('body')} required autosize minRows={5} maxRows={14} {...form.getInputProps('body')} />
        <Text size="xs" c="dimmed">
          {t('fieldsHelp')}: {TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(' ')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {tc('cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {tc('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
