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
 * of the business). An import whose worker stopped says so, and from which row it will go on.
 */
export function ImportProgress({ waiting, done, total }: { waiting: 'worker' | 'resume' | null; done: number; total: number }) {
  const t = useTranslations('imports');
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [router]);
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Stack gap="xs" data-testid="import-progress">
      <Progress value={percent} size="xl" animated={waiting === null} striped aria-label={t('progressTitle')} />
      <Text size="sm" c="dimmed" data-testid="import-progress-text">
        {waiting === 'worker'
          ? t('queuedText')
          : waiting === 'resume'
            ? `${t('resumeText', { row: done + 1, total })} · ${percent}%`
            : `${t('progress', { done, total })} · ${percent}%`}
      </Text>
    </Stack>
  );
}
