'use client';
import { MantineProvider, mergeThemeOverrides, Modal, Notification, PasswordInput } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import { StreamedOrphans } from './streamed-orphans';
import { theme } from './theme';

export function Providers({ children }: { children: ReactNode }) {
  const t = useTranslations('common');
  // Mantine's built-in buttons carry English labels (or none) for screen readers; give them ours.
  const localizedTheme = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          PasswordInput: PasswordInput.extend({
            defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('togglePassword') } },
          }),
          Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('close') } } }),
          Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('close') } } }),
        },
      }),
    [t],
  );
  return (
    <MantineProvider theme={localizedTheme} defaultColorScheme="auto">
      <ModalsProvider>
        <Notifications position="top-right" />
        <StreamedOrphans />
        {children}
      </ModalsProvider>
    </MantineProvider>
  );
}
