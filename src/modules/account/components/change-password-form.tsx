'use client';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { authClient, authErrorKey } from '@/lib/auth-client';

/** Changing the password ends every other session of the user at once. */
export function ChangePasswordForm() {
  const t = useTranslations('auth');
  const tv = useTranslations('validation');
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : tv('required')),
      newPassword: (v) => (v.length >= 8 ? null : t('passwordTooShort')),
      confirm: (v, values) => (v === values.newPassword ? null : tv('passwordMismatch')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ currentPassword, newPassword }) => {
        setBusy(true);
        const { error } = await authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions: true });
        setBusy(false);
        if (error) {
          const key = authErrorKey(error);
          if (key === 'wrongPassword' || key === 'invalidCredentials') form.setFieldError('currentPassword', t('wrongPassword'));
          else if (key === 'passwordTooCommon' || key === 'passwordTooShort') form.setFieldError('newPassword', t(key));
          notifications.show({ color: 'red', message: t(key === 'invalidCredentials' ? 'wrongPassword' : key) });
          return;
        }
        form.reset();
        notifications.show({ color: 'teal', message: t('passwordChanged') });
      })}
    >
      <Stack gap="sm">
        <PasswordInput label={t('currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <PasswordInput label={t('newPassword')} description={t('passwordHint')} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
        <PasswordInput label={t('confirmPassword')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
