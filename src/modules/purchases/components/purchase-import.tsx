'use client';
import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CsvUpload } from '@/components/forms/csv-upload';
import { RowErrorsTable } from '@/components/row-errors-table';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { importPurchasesAction } from '../actions';
import type { PurchaseImportResult } from '../schemas';

/** Error rows listed on the page; the counts above them cover the whole file. */
const ERRORS_SHOWN = 200;

/** Upload a purchases CSV; the import runs in the request and answers with its report. */
export function PurchaseImport({ slug }: { slug: string }) {
  const t = useTranslations('purchases.import');
  const format = useFormatter();
  const [result, setResult] = useState<PurchaseImportResult | null>(null);

  const reason = (key: string, otherRow?: number) =>
    t.has(`reasons.${key}` as never) ? t(`reasons.${key}` as never, { row: otherRow ?? '' } as never) : t('reasons.invalid');

  const counts = result
    ? ([
        { key: 'created', value: result.created, color: 'teal' },
        { key: 'existing', value: result.existing, color: 'gray' },
        { key: 'failedOrders', value: result.failedOrders, color: 'red' },
        { key: 'importedRows', value: result.importedRows, color: 'teal' },
        { key: 'failedRows', value: result.failedRows, color: 'red' },
        { key: 'rows', value: result.rows, color: undefined },
      ] as const)
    : [];
  const shown = result?.errors.slice(0, ERRORS_SHOWN) ?? [];

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <CsvUpload
          labels={{ choose: t('chooseFile'), placeholder: t('choosePlaceholder'), submit: t('submit') }}
          send={(data) => importPurchasesAction(slug, data)}
          onResult={(answer) => {
            setResult(answer.ok ? answer.data : null);
            notifications.show({ color: !answer.ok ? 'red' : answer.data.failedRows > 0 ? 'yellow' : 'teal', message: answer.message });
          }}
          testIds={{ file: 'purchase-import-file', submit: 'purchase-import-submit' }}
        />
      </Card>

      {result && (
        <Card withBorder padding="lg" data-testid="purchase-import-report">
          <Text fw={600} mb="sm">
            {t('resultTitle')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
            {counts.map((c) => (
              <div key={c.key}>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t(c.key)}
                </Text>
                <Text fw={700} size="xl" c={c.value > 0 ? c.color : undefined} data-testid={`purchase-import-${c.key}`}>
                  {format.number(c.value)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="sm">
            {t('matchedBy', result.matchedBy)}
          </Text>

          <Text fw={600} mt="lg" mb="xs">
            {t('errorsTitle')}
          </Text>
          {result.errors.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('noErrors')}
            </Text>
          ) : (
            <>
              {result.errors.length > shown.length && (
                <Text size="sm" c="dimmed" mb="xs">
                  {t('errorsShown', { shown: shown.length, total: result.errors.length })}
                </Text>
              )}
              <RowErrorsTable
                testId="purchase-import-errors"
                labels={{ row: t('row'), field: t('column'), reason: t('reason'), value: t('value') }}
                errors={shown.map((e) => ({ row: e.row, field: t(`fields.${e.field}`), reason: reason(e.reason, e.otherRow), value: e.value ?? null }))}
              />
            </>
          )}
        </Card>
      )}
    </Stack>
  );
}
