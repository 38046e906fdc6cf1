import { Container, Stack, Text, Title } from '@mantine/core';
import { ButtonLink } from '@/components/links';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <Container size={520} py={80}>
      <Stack align="flex-start" gap="sm">
        <Text c="dimmed" fw={700}>
          404
        </Text>
        <Title order={1}>{t('notFoundTitle')}</Title>
        <Text c="dimmed">{t('notFoundText')}</Text>
        <ButtonLink href="/dashboard" mt="sm">
          {t('goToDashboard')}
        </ButtonLink>
      </Stack>
    </Container>
  );
}
