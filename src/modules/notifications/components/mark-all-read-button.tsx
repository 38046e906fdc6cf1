'use client';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { markNotificationsReadAction } from '../actions';

export function MarkAllReadButton({ slug }: { slug: string }) {
  const t = useTranslations('notifications');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      leftSection={<IconChecks size={16} />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        const result = await markNotificationsReadAction(slug, { all: true });
        setBusy(false);
        notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
        if (result.ok) router.refresh();
      }}
    >
      {t('markAllRead')}
    </Button>
  );
}
