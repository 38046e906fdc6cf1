'use client';
import { ActionIcon, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { addChecklistItemAction, removeChecklistItemAction, toggleChecklistItemAction } from '../actions';

type Item = { id: string; text: string; done: boolean };

/** The steps of a task: add, check and remove; each change is saved at once. */
export function TaskChecklist({ slug, taskId, items, canEdit }: { slug: string; taskId: string; items: Item[]; canEdit: boolean }) {
  const t = useTranslations('tasks.checklist');
  const router = useRouter();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const after = (result: { ok: boolean; message: string }, quiet = false) => {
    if (!result.ok || !quiet) notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
  };
  return (
    <Stack gap={6}>
      {items.map((item) => (
        <Group key={item.id} justify="space-between" wrap="nowrap" data-testid="checklist-item">
          <Checkbox
            label={item.text}
            defaultChecked={item.done}
            disabled={!canEdit}
            onChange={async (e) => after(await toggleChecklistItemAction(slug, { id: item.id, done: e.currentTarget.checked }), true)}
          />
          {canEdit && (
            <ActionIcon variant="subtle" color="gray" aria-label={t('remove')} onClick={async () => after(await removeChecklistItemAction(slug, { id: item.id }))}>
              <IconX size={14} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {canEdit && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            const result = await addChecklistItemAction(slug, { taskId, text });
            setBusy(false);
            after(result);
            if (result.ok) setText('');
          }}
        >
          <Group gap="xs" wrap="nowrap">
            <TextInput placeholder={t('placeholder')} aria-label={t('add')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} data-testid="checklist-text" />
            <Button type="submit" variant="light" leftSection={<IconPlus size={14} />} loading={busy} disabled={text.trim() === ''}>
              {t('add')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
