'use client';
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { authClient, authErrorKey } from '@/lib/auth-client';
import { safeNextPath } from '@/lib/safe-redirect';
import { SIGN_IN_LINK_MINUTES } from '@/lib/sign-in-link';

export function SignInForm() {
  const t = useTranslations('auth');
  const tv = useTranslations('validation');
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNextPath(params.get('next'));
  // A sign-in link that did not work comes back here with `?error=…` (better-auth's redirect).
  const [error, setError] = useState<string | null>(params.get('error') ? t('signInLinkInvalid') : null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<'idle' | 'busy' | 'sent'>('idle');
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : tv('email')),
      password: (v) => (v ? null : tv('required')),
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        setBusy(true);
        setError(null);
        const { error: err } = await authClient.signIn.email({ email: values.email.trim(), password: values.password });
        if (err) {
          setBusy(false);
          setError(t(authErrorKey(err)));
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
        <TextInput label={t('email')} type="email" autoComplete="email" required autoFocus {...form.getInputProps('email')} />
        <PasswordInput label={t('password')} autoComplete="current-password" required {...form.getInputProps('password')} />
        <Group justify="flex-end">
          <Anchor component={Link} href="/forgot-password" size="sm">
            {t('forgotPassword')}
          </Anchor>
        </Group>
        <Button type="submit" loading={busy} fullWidth>
          {t('signIn')}
        </Button>
        {link === 'sent' ? (
          <Alert color="teal" role="status">
            {t('signInLinkSent', { minutes: SIGN_IN_LINK_MINUTES })}
          </Alert>
        ) : (
          <Button
            variant="default"
            loading={link === 'busy'}
            fullWidth
            onClick={async () => {
              if (form.validateField('email').hasError) return;
              setLink('busy');
              setError(null);
              // Whether the account exists, the answer is the same; only an existing one gets mail.
              const { error: err } = await authClient.signIn.magicLink({
                email: form.values.email.trim(),
                callbackURL: next,
                errorCallbackURL: '/sign-in',
              });
              if (err) {
                setLink('idle');
                setError(t(err.status === 429 ? 'signInLinkTooMany' : 'failed'));
                return;
              }
              setLink('sent');
            }}
          >
            {t('signInLink')}
          </Button>
        )}
        <Text size="sm" ta="center">
          {t('noAccount')}{' '}
          <Anchor component={Link} href={`/sign-up${next !== '/dashboard' ? `?next=${encodeURIComponent(next)}` : ''}`}>
            {t('signUp')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
