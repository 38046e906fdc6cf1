import type { Metadata } from 'next';
import { Suspense } from 'react';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getSessionUser } from '@/server/auth/session';
import { safeNextPath } from '@/lib/safe-redirect';
import { AuthCard, SignInForm } from '@/modules/account/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  // Someone already signed in goes on to where they were headed.
  if (await getSessionUser()) redirect(safeNextPath((await searchParams).next));
  const t = await getTranslations('auth');
  return (
    <AuthCard title={t('signInTitle')}>
      <Suspense>
        <SignInForm />
      </Suspense>
    </AuthCard>
  );
}
