'use client';
import { Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { saveNotificationPreferencesAction } from '../actions';

/** The user's notification channels; saving also records the language their e-mails use. */
export function NotificationPreferencesForm({ initial }: { initial: { inApp: boolean; email: boolean } }) {
  const t = useTranslations('notifications.preferences');
  const tc = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const { form, onSubmit, submitting } = useActionForm<{ inApp: boolean; email: boolean }, null>({
    initialValues: initial,
    action: (values) => saveNotificationPreferencesAction({ ...values, locale }),
    onSuccess: () => router.refresh(),
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('hint')}
        </Text>
        <Switch label={t('inApp')} {...form.getInputProps('inApp', { type: 'checkbox' })} data-testid="pref-in-app" />
        <Switch label={t('email')} description={t('emailHint')} {...form.getInputProps('email', { type: 'checkbox' })} data-testid="pref-email" />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            {tc('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
