'use client';
import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';

/** Asks before something is deleted; resolves true only when the user confirms. */
export function confirmDelete(opts: { title: string; body: ReactNode; confirm: string; cancel: string }): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title: opts.title,
      children: opts.body,
      labels: { confirm: opts.confirm, cancel: opts.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as never,
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}
