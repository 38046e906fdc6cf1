'use client';
import { ActionIcon, Badge, Button, Card, ColorSwatch, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { createTagAction, deleteTagAction, updateTagAction } from '../actions';
import { TAG_COLORS } from '../schemas';

type Tag = { id: string; name: string; color: string; version: number; customerCount: number };

function ColorSelect({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  return (
    <Select
      aria-label={label}
      w={130}
      data={TAG_COLORS.map((c) => ({ value: c, label: c }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      leftSection={<ColorSwatch color={`var(--mantine-color-${value}-filled)`} size={14} />}
      renderOption={({ option }) => (
        <Group gap={8}>
          <ColorSwatch color={`var(--mantine-color-${option.value}-filled)`} size={14} />
          {option.label}
        </Group>
      )}
    />
  );
}

/** The business's tags: add, rename, recolour and delete. */
export function TagManager({ slug, tags, can }: { slug: string; tags: Tag[]; can: { create: boolean; update: boolean; delete: boolean } }) {
  const t = useTranslations('customers');
  const tc = useTranslations('common');
  const router = useRouter();
  const [name, setName] = useState('');
  const [color, setColor] = useState('blue');
  const [editing, setEditing] = useState<{ id: string; name: string; color: string } | null>(null);
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
    <Stack gap="md">
      {can.create && (
        <Card withBorder padding="md">
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              if (await run(() => createTagAction(slug, { name, color }))) setName('');
            }}
          >
            <Group gap="xs" align="flex-end">
              <TextInput label={t('tags.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: '1 1 200px' }} data-testid="tag-name" />
              <ColorSelect value={color} onChange={setColor} label={t('tags.color')} />
              <Button type="submit" leftSection={<IconPlus size={16} />} disabled={!name.trim()} loading={busy}>
                {t('tags.new')}
              </Button>
            </Group>
          </form>
        </Card>
      )}
      {tags.length === 0 ? (
        <Card withBorder padding="xl">
          <Text c="dimmed" ta="center">
            {t('tags.empty')}
          </Text>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          {tags.map((tag, i) => (
            <Group
              key={tag.id}
              justify="space-between"
              px="md"
              py="sm"
              wrap="nowrap"
              style={{ borderTop: i === 0 ? undefined : '1px solid var(--mantine-color-default-border)' }}
            >
              {editing?.id === tag.id ? (
                <Group gap="xs" wrap="wrap" style={{ flex: 1 }}>
                  <TextInput aria-label={t('tags.name')} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} style={{ flex: '1 1 160px' }} />
                  <ColorSelect value={editing.color} onChange={(c) => setEditing({ ...editing, color: c })} label={t('tags.color')} />
                  <ActionIcon
                    aria-label={tc('save')}
                    loading={busy}
                    onClick={async () => {
                      if (await run(() => updateTagAction(slug, { id: tag.id, version: tag.version, name: editing.name, color: editing.color }))) setEditing(null);
                    }}
                  >
                    <IconCheck size={16} />
                  </ActionIcon>
                  <ActionIcon variant="default" aria-label={tc('cancel')} onClick={() => setEditing(null)}>
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              ) : (
                <>
                  <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Badge color={tag.color} variant="light">
                      {tag.name}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {t('tags.customers', { count: tag.customerCount })}
                    </Text>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    {can.update && (
                      <ActionIcon variant="subtle" aria-label={tc('edit')} onClick={() => setEditing({ id: tag.id, name: tag.name, color: tag.color })}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    )}
                    {can.delete && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={tc('delete')}
                        onClick={async () => {
                          const ok = await confirmDelete({
                            title: tc('confirmDeleteTitle'),
                            body: t('tags.deleteConfirm', { name: tag.name, count: tag.customerCount }),
                            confirm: tc('delete'),
                            cancel: tc('cancel'),
                          });
                          if (ok) await run(() => deleteTagAction(slug, { id: tag.id }));
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                </>
              )}
            </Group>
          ))}
        </Card>
      )}
    </Stack>
  );
}
