'use client';
import { Progress, Stack, Text } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

/** How often a running import's page asks the server for its progress. */
const POLL_MS = 1000;

/**
 * The live progress of a running import. Each batch commits its rows with the import's counters;
 * the page re-renders from the server every second until the import is done (polling, not the
 * event stream: a batch a few hundred milliseconds long would otherwise refresh every open page
 * of the business).
 */
export function ImportProgress({ status, done, total }: { status: 'queued' | 'running'; done: number; total: number }) {
  const t = useTranslations('imports');
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [router]);
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Stack gap="xs" data-testid="import-progress">
      <Progress value={percent} size="xl" animated striped aria-label={t('progressTitle')} />
      <Text size="sm" c="dimmed">
        {status === 'queued' ? t('queuedText') : `${t('progress', { done, total })} · ${percent}%`}
      </Text>
    </Stack>
  );
}
