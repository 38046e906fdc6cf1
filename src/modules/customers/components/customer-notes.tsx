'use client';
import { ActionIcon, Badge, Button, Card, Group, Stack, Switch, Text, Textarea, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPin, IconPinnedOff, IconTrash } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { createCustomerNoteAction, deleteCustomerNoteAction, updateCustomerNoteAction } from '../actions';
import { useDateSettings } from '@/components/use-date-settings';
import { formatDateTime } from '@/lib/format-date';

export type NoteView = {
  id: string;
  body: string;
  pinned: boolean;
  authorName: string | null;
  version: number;
  createdAt: string;
  /** Whether this user may edit / delete it (own notes for some roles). */
  canEdit: boolean;
  canDelete: boolean;
};

/** A customer's notes: pinned ones on top, written, edited and deleted in place. */
export function CustomerNotes({ slug, customerId, notes, canCreate }: { slug: string; customerId: string; notes: NoteView[]; canCreate: boolean }) {
  const t = useTranslations('customers');
  const tc = useTranslations('common');
  const { locale, timeZone } = useDateSettings();
  const router = useRouter();
  const [body, setBody] = useState('');
  const [pinned, setPinned] = useState(false);
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(fn: () => Promise<{ ok: boolean; message: string }>): Promise<boolean> {
    setBusy(true);
    try {
      const result = await fn();
      notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
      if (result.ok) router.refresh();
      return result.ok;
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg">
      <Text fw={600} mb="sm">
        {t('notes.title')}
      </Text>
      <Stack gap="sm">
        {canCreate && (
          <Stack gap={6}>
            <Textarea
              placeholder={t('notes.placeholder')}
              aria-label={t('notes.placeholder')}
              autosize
              minRows={2}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              data-testid="note-body"
            />
            <Group justify="space-between">
              <Switch size="xs" label={t('notes.pin')} checked={pinned} onChange={(e) => setPinned(e.currentTarget.checked)} />
              <Button
                size="xs"
                disabled={!body.trim()}
                loading={busy}
                onClick={async () => {
                  if (await run(() => createCustomerNoteAction(slug, { customerId, body, pinned }))) {
                    setBody('');
                    setPinned(false);
                  }
                }}
              >
                {t('notes.add')}
              </Button>
            </Group>
          </Stack>
        )}
        {notes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('notes.empty')}
          </Text>
        )}
        {notes.map((note) => (
          <Card key={note.id} withBorder padding="sm" bg={note.pinned ? 'var(--mantine-color-yellow-light)' : undefined} data-testid="note">
            {editing?.id === note.id ? (
              <Stack gap={6}>
                <Textarea autosize minRows={2} value={editing.body} onChange={(e) => setEditing({ id: note.id, body: e.currentTarget.value })} aria-label={t('notes.title')} />
                <Group justify="flex-end" gap="xs">
                  <Button size="xs" variant="default" onClick={() => setEditing(null)}>
                    {tc('cancel')}
                  </Button>
                  <Button
                    size="xs"
                    loading={busy}
                    disabled={!editing.body.trim()}
                    onClick={async () => {
                      if (await run(() => updateCustomerNoteAction(slug, { id: note.id, version: note.version, body: editing.body, pinned: note.pinned }))) setEditing(null);
                    }}
                  >
                    {tc('save')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {note.body}
                  </Text>
                  <Group gap={2} wrap="nowrap">
                    {note.canEdit && (
                      <Tooltip label={note.pinned ? t('notes.unpin') : t('notes.pin')}>
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          aria-label={note.pinned ? t('notes.unpin') : t('notes.pin')}
                          onClick={() => run(() => updateCustomerNoteAction(slug, { id: note.id, version: note.version, body: note.body, pinned: !note.pinned }))}
                        >
                          {note.pinned ? <IconPinnedOff size={14} /> : <IconPin size={14} />}
                        </ActionIcon>
                      </Tooltip>
                    )}
                    {note.canEdit && (
                      <ActionIcon variant="subtle" size="sm" aria-label={tc('edit')} onClick={() => setEditing({ id: note.id, body: note.body })}>
                        <IconPencil size={14} />
                      </ActionIcon>
                    )}
                    {note.canDelete && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={tc('delete')}
                        onClick={async () => {
                          const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('notes.deleteConfirm'), confirm: tc('delete'), cancel: tc('cancel') });
                          if (ok) await run(() => deleteCustomerNoteAction(slug, { id: note.id }));
                        }}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    )}
                  </Group>
                </Group>
                <Group gap={6}>
                  {note.pinned && (
                    <Badge size="xs" color="yellow" variant="light">
                      {t('notes.pinned')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {t('notes.by', { name: note.authorName ?? '—', date: formatDateTime(new Date(note.createdAt), locale, timeZone) })}
                  </Text>
                </Group>
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
    </Card>
  );
}
