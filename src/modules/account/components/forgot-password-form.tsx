'use client';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { authClient, authErrorKey } from '@/lib/auth-client';

export function ForgotPasswordForm() {
  const t = useTranslations('auth');
  const tv = useTranslations('validation');
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : tv('email')) },
  });
  if (state === 'sent') {
    return (
      <Alert color="teal" role="status">
        {t('resetSent')}
      </Alert>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ email }) => {
        setState('busy');
        setError(null);
        const { error: err } = await authClient.requestPasswordReset({ email: email.trim(), redirectTo: '/reset-password' });
        if (err) {
          setState('idle');
          setError(t(authErrorKey(err)));
          return;
        }
        setState('sent');
      })}
    >
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput label={t('email')} type="email" autoComplete="email" required autoFocus {...form.getInputProps('email')} />
        <Button type="submit" loading={state === 'busy'} fullWidth>
          {t('sendResetLink')}
        </Button>
        <Anchor component={Link} href="/sign-in" size="sm" ta="center">
          {t('signIn')}
        </Anchor>
      </Stack>
    </form>
  );
}
