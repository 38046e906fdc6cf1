'use client';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { acceptInvitationAction } from '../invitation-actions';

export function AcceptInvitationButton({ token, label }: { token: string; label: string }) {
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  return (
    <Button
      loading={busy}
      onClick={async () => {
        setBusy(true);
        const result = await acceptInvitationAction(token);
        setBusy(false);
        notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
        if (result.ok) {
          router.replace(`/${result.data.slug}`);
          router.refresh();
        }
      }}
    >
      {label}
    </Button>
  );
}
