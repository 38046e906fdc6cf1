'use client';
import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPencil, IconSend, IconTrash } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { deleteQuoteAction, sendQuoteAction } from '../actions';

type Props = {
  slug: string;
  id: string;
  numberText: string;
  status: string;
  customerEmail: string | null;
  canUpdate: boolean;
  canDelete: boolean;
  /** Icons in a table row; labelled buttons on the quote's page. */
  compact?: boolean;
  /** Where to go after deleting (the quote's own page no longer exists). */
  afterDelete?: string;
};

function confirmSend(title: string, body: string, confirm: string, cancel: string): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      children: body,
      labels: { confirm, cancel },
      confirmProps: { 'data-testid': 'confirm-send' } as never,
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}

/** PDF, edit (drafts), send (with a confirmation naming the address) and delete (confirmed). */
export function QuoteActions({ slug, id, numberText, status, customerEmail, canUpdate, canDelete, compact = false, afterDelete }: Props) {
  const t = useTranslations('quotes');
  const tc = useTranslations('common');
  const router = useRouter();
  const [busy, setBusy] = useState<'send' | 'delete' | null>(null);
  // A quote whose e-mail is held or failed is sent again, with a new e-mail.
  const canSend = canUpdate && ['draft', 'queued', 'held', 'sent', 'failed', 'expired'].includes(status);
  const size = compact ? 'sm' : 'md';

  const send = async () => {
    if (!customerEmail) {
      notifications.show({ color: 'red', message: t('noCustomerEmail') });
      return;
    }
    const ok = await confirmSend(t(status === 'draft' ? 'send' : 'resend'), t('sendConfirm', { number: numberText, email: customerEmail }), t('send'), tc('cancel'));
    if (!ok) return;
    setBusy('send');
    const result = await sendQuoteAction(slug, { id });
    setBusy(null);
    // Held: nothing went out, and the toast says so in the outbox's colour for it.
    notifications.show({ color: result.ok ? (result.data.status === 'held' ? 'yellow' : 'teal') : 'red', message: result.message });
    if (result.ok) router.refresh();
  };
  const remove = async () => {
    const ok = await confirmDelete({ title: tc('confirmDeleteTitle'), body: t('deleteConfirm', { number: numberText }), confirm: tc('delete'), cancel: tc('cancel') });
    if (!ok) return;
    setBusy('delete');
    const result = await deleteQuoteAction(slug, { id });
    setBusy(null);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) {
      if (afterDelete) router.push(afterDelete);
      else router.refresh();
    }
  };

  const pdfHref = `/${slug}/quotes/${id}/pdf`;
  if (compact) {
    return (
      <Group gap={4} wrap="nowrap" justify="flex-end">
        <Tooltip label={t('downloadPdf')}>
          <ActionIcon component="a" href={pdfHref} variant="subtle" size={size} aria-label={t('downloadPdf')} data-testid="quote-pdf">
            <IconDownload size={16} />
          </ActionIcon>
        </Tooltip>
        {canUpdate && status === 'draft' && (
          <Tooltip label={t('edit')}>
            <ActionIcon component={Link} href={`/${slug}/quotes/${id}`} variant="subtle" size={size} aria-label={t('edit')}>
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        )}
        {canSend && (
          <Tooltip label={t(status === 'draft' ? 'send' : 'resend')}>
            <ActionIcon variant="subtle" size={size} loading={busy === 'send'} onClick={send} aria-label={t(status === 'draft' ? 'send' : 'resend')} data-testid="quote-send">
              <IconSend size={16} />
            </ActionIcon>
          </Tooltip>
        )}
        {canDelete && (
          <Tooltip label={t('delete')}>
            <ActionIcon variant="subtle" color="red" size={size} loading={busy === 'delete'} onClick={remove} aria-label={t('delete')} data-testid="quote-delete">
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    );
  }
  return (
    <Group gap="xs" wrap="wrap">
      <Button component="a" href={pdfHref} variant="default" leftSection={<IconDownload size={16} />} data-testid="quote-pdf">
        {t('downloadPdf')}
      </Button>
      {canSend && (
        <Button leftSection={<IconSend size={16} />} loading={busy === 'send'} onClick={send} data-testid="quote-send">
          {t(status === 'draft' ? 'send' : 'resend')}
        </Button>
      )}
      {canDelete && (
        <Button color="red" variant="light" leftSection={<IconTrash size={16} />} loading={busy === 'delete'} onClick={remove} data-testid="quote-delete">
          {t('delete')}
        </Button>
      )}
    </Group>
  );
}
