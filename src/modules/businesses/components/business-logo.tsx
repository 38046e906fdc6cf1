'use client';
import { Avatar, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { setBusinessLogoAction } from '../actions';

export function BusinessLogo({ slug, name, logoUrl, editable }: { slug: string; name: string; logoUrl: string | null; editable: boolean }) {
  const t = useTranslations('businesses');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(formData: FormData) {
    setBusy(true);
    setError(null);
    const result = await setBusinessLogoAction(slug, formData).catch(() => null);
    setBusy(false);
    if (!result) return;
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
    else setError(result.fields?.logo ?? null);
  }

  return (
    <Group gap="md" align="center" wrap="nowrap">
      <Avatar src={logoUrl} alt={name} size={64} radius="md" color="teal">
        <IconPhoto size={28} />
      </Avatar>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('logo')}
        </Text>
        {editable && (
          <Group gap="xs">
            <FileButton
              accept="image/png,image/jpeg,image/webp"
              onChange={(file) => {
                if (!file) return;
                const data = new FormData();
                data.set('logo', file);
                void send(data);
              }}
            >
              {(props) => (
                <Button {...props} size="xs" variant="default" loading={busy} leftSection={<IconUpload size={14} />}>
                  {t('logoUpload')}
                </Button>
              )}
            </FileButton>
            {logoUrl && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => {
                  const data = new FormData();
                  data.set('remove', '1');
                  void send(data);
                }}
              >
                {t('logoRemove')}
              </Button>
            )}
          </Group>
        )}
        <Text size="xs" c={error ? 'red' : 'dimmed'} role={error ? 'alert' : undefined}>
          {error ?? t('logoHint')}
        </Text>
      </Stack>
    </Group>
  );
}
