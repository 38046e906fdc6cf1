'use client';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { authClient, authErrorKey } from '@/lib/auth-client';
import { safeNextPath } from '@/lib/safe-redirect';

export function SignUpForm({ defaultEmail }: { defaultEmail?: string }) {
  const t = useTranslations('auth');
  const tv = useTranslations('validation');
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { name: '', email: defaultEmail ?? params.get('email') ?? '', password: '' },
    validate: {
      name: (v) => (v.trim() ? null : tv('required')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : tv('email')),
      password: (v) => (v.length >= 8 ? null : t('passwordTooShort')),
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        setBusy(true);
        setError(null);
        const { error: err } = await authClient.signUp.email({
          name: values.name.trim(),
          email: values.email.trim(),
          password: values.password,
        });
        if (err) {
          setBusy(false);
          const key = authErrorKey(err);
          if (key === 'passwordTooCommon' || key === 'passwordTooShort') form.setFieldError('password', t(key));
          else if (key === 'emailTaken') form.setFieldError('email', t(key));
          else setError(t(key));
          return;
        }
        router.replace(next);
        router.refresh();
      })}
    >
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput label={t('name')} autoComplete="name" required autoFocus {...form.getInputProps('name')} />
        <TextInput label={t('email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <PasswordInput
          label={t('password')}
          description={t('passwordHint')}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('signUp')}
        </Button>
        <Text size="sm" ta="center">
          {t('haveAccount')}{' '}
          <Anchor component={Link} href={`/sign-in${next !== '/dashboard' ? `?next=${encodeURIComponent(next)}` : ''}`}>
            {t('signIn')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
