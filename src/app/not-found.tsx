import { Button, Container, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';
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
        <Button component={Link} href="/dashboard" mt="sm">
          {t('goToDashboard')}
        </Button>
      </Stack>
    </Container>
  );
}
