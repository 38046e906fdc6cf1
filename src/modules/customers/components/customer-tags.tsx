'use client';
import { ActionIcon, Badge, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { tagCustomersAction } from '../actions';
import type { TagOption } from './types';

/** A customer's tags, added and removed in place. */
export function CustomerTags({
  slug,
  customerId,
  tags,
  allTags,
  canEdit,
}: {
  slug: string;
  customerId: string;
  tags: TagOption[];
  allTags: TagOption[];
  canEdit: boolean;
}) {
  const t = useTranslations('customers');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const available = allTags.filter((tag) => !tags.some((x) => x.id === tag.id));

  async function change(tagId: string, remove: boolean) {
    setBusy(true);
    const result = await tagCustomersAction(slug, { customerIds: [customerId], tagId, remove });
    setBusy(false);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
  }

  return (
    <Group gap={6} data-testid="customer-tags">
      {tags.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('profile.noTags')}
        </Text>
      )}
      {tags.map((tag) => (
        <Badge
          key={tag.id}
          color={tag.color}
          variant="light"
          rightSection={
            canEdit ? (
              <ActionIcon size={14} variant="transparent" color={tag.color} aria-label={t('profile.removeTag', { name: tag.name })} disabled={busy} onClick={() => change(tag.id, true)}>
                <IconX size={12} />
              </ActionIcon>
            ) : undefined
          }
        >
          {tag.name}
        </Badge>
      ))}
      {canEdit && available.length > 0 && (
        <Select
          size="xs"
          w={160}
          placeholder={t('profile.addTag')}
          aria-label={t('profile.addTag')}
          data={available.map((tag) => ({ value: tag.id, label: tag.name }))}
          value={null}
          onChange={(v) => v && change(v, false)}
          searchable
          disabled={busy}
          data-testid="add-tag"
        />
      )}
    </Group>
  );
}
