import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { AuthCard } from '@/modules/account/components/auth-card';
import { SignUpForm } from '@/modules/account/components/sign-up-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signUpTitle') };
}

export default async function Page() {
  const t = await getTranslations('auth');
  return (
    <AuthCard title={t('signUpTitle')}>
      <Suspense>
        <SignUpForm />
      </Suspense>
    </AuthCard>
  );
}
