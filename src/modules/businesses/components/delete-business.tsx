'use client';
import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { deleteBusinessAction } from '../actions';

/** The owner deletes the business after typing its name, the guard against a slip. */
export function DeleteBusiness({ slug, name }: { slug: string; name: string }) {
  const t = useTranslations('businesses');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  return (
    <Card withBorder padding="lg" style={{ borderColor: 'var(--mantine-color-red-6)' }}>
      <Stack gap="sm">
        <Title order={3} c="red">
          {t('dangerZone')}
        </Title>
        <Text fw={600}>{t('deleteTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('deleteText')}
        </Text>
        <TextInput
          label={t('deleteConfirmLabel', { name })}
          value={typed}
          error={error}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
        />
        <Button
          color="red"
          disabled={typed.trim() !== name.trim()}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            const result = await deleteBusinessAction(slug, { confirmName: typed });
            setBusy(false);
            if (!result.ok) {
              setError(result.fields?.confirmName ?? null);
              notifications.show({ color: 'red', message: result.message });
              return;
            }
            notifications.show({ color: 'teal', message: result.message });
            router.replace('/dashboard');
            router.refresh();
          }}
        >
          {t('deleteButton')}
        </Button>
      </Stack>
    </Card>
  );
}
