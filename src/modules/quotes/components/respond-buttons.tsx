'use client';
import { Button, Group } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';

type Labels = { accept: string; reject: string; acceptConfirm: string; rejectConfirm: string; confirm: string; cancel: string };

/**
 * Accept and decline, each after a confirmation. A plain form POST (no script needed to send it),
 * so the answer reaches the server the same way from any browser.
 */
export function RespondButtons({ token, labels }: { token: string; labels: Labels }) {
  const form = useRef<HTMLFormElement>(null);
  const [decision, setDecision] = useState<'accepted' | 'rejected'>('accepted');
  const [busy, setBusy] = useState(false);
  const ask = (d: 'accepted' | 'rejected') =>
    modals.openConfirmModal({
      title: d === 'accepted' ? labels.accept : labels.reject,
      children: d === 'accepted' ? labels.acceptConfirm : labels.rejectConfirm,
      labels: { confirm: labels.confirm, cancel: labels.cancel },
      confirmProps: { color: d === 'accepted' ? 'teal' : 'red', 'data-testid': 'confirm-respond' } as never,
      onConfirm: () => {
        setDecision(d);
        setBusy(true);
        // After the state update, so the hidden field carries this decision.
        setTimeout(() => form.current?.requestSubmit(), 0);
      },
    });
  return (
    <form ref={form} method="post" action={`/q/${encodeURIComponent(token)}/respond`}>
      <input type="hidden" name="decision" value={decision} />
      <Group gap="sm" grow preventGrowOverflow={false}>
        <Button type="button" color="teal" size="md" leftSection={<IconCheck size={18} />} loading={busy && decision === 'accepted'} disabled={busy} onClick={() => ask('accepted')} data-testid="quote-accept">
          {labels.accept}
        </Button>
        <Button type="button" color="red" variant="light" size="md" leftSection={<IconX size={18} />} loading={busy && decision === 'rejected'} disabled={busy} onClick={() => ask('rejected')} data-testid="quote-reject">
          {labels.reject}
        </Button>
      </Group>
    </form>
  );
}
