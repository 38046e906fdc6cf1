'use client';
import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { authClient, authErrorKey } from '@/lib/auth-client';

export function ResetPasswordForm() {
  const t = useTranslations('auth');
  const tv = useTranslations('validation');
  const router = useRouter();
  const params = useSearchParams();
  const token = params.get('token');
  const [error, setError] = useState<string | null>(params.get('error') ? t('resetInvalid') : null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => (v.length >= 8 ? null : t('passwordTooShort')),
      confirm: (v, values) => (v === values.password ? null : tv('passwordMismatch')),
    },
  });
  if (!token) {
    return (
      <Stack>
        <Alert color="red" role="alert">
          {error ?? t('resetInvalid')}
        </Alert>
        <Anchor component={Link} href="/forgot-password">
          {t('forgotTitle')}
        </Anchor>
      </Stack>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ password }) => {
        setBusy(true);
        setError(null);
        const { error: err } = await authClient.resetPassword({ newPassword: password, token });
        setBusy(false);
        if (err) {
          const key = authErrorKey(err);
          if (key === 'passwordTooCommon' || key === 'passwordTooShort') form.setFieldError('password', t(key));
          else setError(t(key));
          return;
        }
        notifications.show({ color: 'teal', message: t('resetDone') });
        router.replace('/sign-in');
      })}
    >
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <PasswordInput label={t('newPassword')} description={t('passwordHint')} autoComplete="new-password" required autoFocus {...form.getInputProps('password')} />
        <PasswordInput label={t('confirmPassword')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
        <Button type="submit" loading={busy} fullWidth>
          {t('resetTitle')}
        </Button>
      </Stack>
    </form>
  );
}
