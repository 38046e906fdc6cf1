import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/modules/account/components/auth-card';
import { SignInForm } from '@/modules/account/components/sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

export default async function Page() {
  const t = await getTranslations('auth');
  return (
    <AuthCard title={t('signInTitle')}>
      <Suspense>
        <SignInForm />
      </Suspense>
    </AuthCard>
  );
}
