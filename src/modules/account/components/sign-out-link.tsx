'use client';
import { Anchor } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { authClient } from '@/lib/auth-client';

export function SignOutLink() {
  const t = useTranslations('auth');
  const router = useRouter();
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      c="dimmed"
      onClick={async () => {
        await authClient.signOut();
        router.replace('/');
        router.refresh();
      }}
    >
      {t('signOut')}
    </Anchor>
  );
}
