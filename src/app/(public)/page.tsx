import { Card, Container, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconChecklist,
  IconLanguage,
  IconLayoutKanban,
  IconLock,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { ButtonLink } from '@/components/links';
import { getTranslations } from 'next-intl/server';
import { getSessionUser } from '@/server/auth/session';

const FEATURES = [
  { key: 'Customers', icon: IconUsers },
  { key: 'Sales', icon: IconLayoutKanban },
  { key: 'Projects', icon: IconChecklist },
  { key: 'Team', icon: IconUsersGroup },
  { key: 'Privacy', icon: IconLock },
  { key: 'Language', icon: IconLanguage },
] as const;

export default async function LandingPage() {
  const t = await getTranslations('landing');
  const user = await getSessionUser();
  return (
    <Container size="lg" py={{ base: 'xl', sm: 64 }}>
      <Stack gap="xl">
        <Stack gap="md" maw={720}>
          <Title order={1} fz={{ base: 32, sm: 44 }} lh={1.15}>
            {t('title')}
          </Title>
          <Text size="lg" c="dimmed">
            {t('lead')}
          </Text>
          <Group>
            {user ? (
              <ButtonLink href="/dashboard" size="md">
                {t('goToApp')}
              </ButtonLink>
            ) : (
              <>
                <ButtonLink href="/sign-up" size="md">
                  {t('start')}
                </ButtonLink>
                <ButtonLink href="/sign-in" size="md" variant="default">
                  {t('signIn')}
                </ButtonLink>
              </>
            )}
          </Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          {FEATURES.map(({ key, icon: Icon }) => (
            <Card key={key} withBorder padding="lg">
              <ThemeIcon variant="light" size={36} mb="sm">
                <Icon size={20} />
              </ThemeIcon>
              <Text fw={600} mb={4}>
                {t(`feature${key}Title`)}
              </Text>
              <Text size="sm" c="dimmed">
                {t(`feature${key}Text`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('footer')}
        </Text>
      </Stack>
    </Container>
  );
}
