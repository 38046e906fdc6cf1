import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import { AuthCard, ForgotPasswordForm } from '@/modules/account/ui';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('forgotTitle') };
}

export default async function Page() {
  const t = await getTranslations('auth');
  return (
    <AuthCard title={t('forgotTitle')} lead={t('forgotLead')}>
      <Suspense>
        <ForgotPasswordForm />
      </Suspense>
    </AuthCard>
  );
}
