'use client';
import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <Container size={520} py={80}>
      <Stack align="flex-start" gap="sm">
        <Title order={1}>{t('errorTitle')}</Title>
        <Text c="dimmed">{t('INTERNAL')}</Text>
        <Button onClick={reset}>{t('retry')}</Button>
      </Stack>
    </Container>
  );
}
