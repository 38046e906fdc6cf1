import { Paper, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '@/components/links';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/server/auth/session';
import { PlainShell } from '@/components/plain-shell';
import { ChangePasswordForm, SignOutLink } from '@/modules/account/ui';
import { getDb } from '@/server/db/client';
import { getNotificationPreferences } from '@/modules/notifications';
import { NotificationPreferencesForm } from '@/modules/notifications/ui';
import { getUserTaskReminderMinutes, getUserTimeZone } from '@/modules/businesses';
import { TaskReminderForm, UserTimeZoneForm } from '@/modules/businesses/ui';

export default async function AccountPage() {
  const user = await requireUser('/account');
  const t = await getTranslations('auth');
  const te = await getTranslations('errors');
  const tn = await getTranslations('notifications.preferences');
  const tz = await getTranslations('businesses.userTimeZone');
  const tr = await getTranslations('businesses.taskReminder');
  const [preferences, timeZone, taskReminder] = await Promise.all([
    getNotificationPreferences(getDb(), user.id),
    getUserTimeZone(getDb(), user.id),
    getUserTaskReminderMinutes(getDb(), user.id),
  ]);
  return (
    <PlainShell>
      <Stack gap="lg">
        <Stack gap={2}>
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            {t('accountTitle')}
          </Title>
          <Text c="dimmed">
            {user.name} · {user.email}
          </Text>
        </Stack>
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
          <Stack gap="md">
            <Title order={3}>{t('changePassword')}</Title>
            <ChangePasswordForm />
          </Stack>
        </Paper>
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
          <Stack gap="md">
            <Title order={3}>{tn('title')}</Title>
            <NotificationPreferencesForm initial={{ inApp: preferences.inApp, email: preferences.email }} />
          </Stack>
        </Paper>
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
          <Stack gap="md">
            <Title order={3}>{tz('title')}</Title>
            <UserTimeZoneForm initial={timeZone} />
          </Stack>
        </Paper>
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="lg">
          <Stack gap="md">
            <Title order={3}>{tr('title')}</Title>
            <TaskReminderForm initial={taskReminder} />
          </Stack>
        </Paper>
        <AnchorLink href="/dashboard">
          {te('goToDashboard')}
        </AnchorLink>
        <SignOutLink />
      </Stack>
    </PlainShell>
  );
}
