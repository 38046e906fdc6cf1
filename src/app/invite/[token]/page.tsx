import { Alert, Stack, Text } from '@mantine/core';
import { ButtonLink } from '@/components/links';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { getSessionUser } from '@/server/auth/session';
import { previewInvitation } from '@/modules/personnel';
import { AcceptInvitationButton } from '@/modules/personnel/ui';
import { AuthCard } from '@/modules/account/ui';
import { PlainShell } from '@/components/plain-shell';

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('invite');
  const ta = await getTranslations('auth');
  const preview = await previewInvitation(getDb(), token);
  const user = await getSessionUser();
  const here = `/invite/${token}`;
  return (
    <PlainShell size={520}>
      <AuthCard title={t('title')}>
        {!preview ? (
          <Alert color="red" role="alert">
            {t('invalid')}
          </Alert>
        ) : (
          <Stack gap="md">
            <Text>{t('text', { person: preview.personName, business: preview.businessName })}</Text>
            {user ? (
              <AcceptInvitationButton token={token} label={t('accept', { business: preview.businessName })} />
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  {t('signInToAccept', { email: preview.email })}
                </Text>
                <ButtonLink href={`/sign-up?next=${encodeURIComponent(here)}&email=${encodeURIComponent(preview.email)}`}>
                  {ta('signUp')}
                </ButtonLink>
                <ButtonLink variant="default" href={`/sign-in?next=${encodeURIComponent(here)}`}>
                  {ta('signIn')}
                </ButtonLink>
              </>
            )}
          </Stack>
        )}
      </AuthCard>
    </PlainShell>
  );
}
