'use client';
import { Button, FileInput, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ActionResultLike } from './use-action-form';

/**
 * A CSV file picker with its send button: the file goes to a Server Action as form data, the
 * action's field error for `file` shows on the picker, and `onResult` decides the toast and what
 * comes next. A failure to reach the server at all is a toast of its own.
 */
export function CsvUpload<T>({
  labels,
  send,
  onResult,
  testIds,
}: {
  labels: { choose: string; placeholder: string; submit: string };
  send: (data: FormData) => Promise<ActionResultLike<T>>;
  onResult: (result: ActionResultLike<T>) => void;
  testIds: { file: string; submit?: string };
}) {
  const te = useTranslations('errors');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const data = new FormData();
      data.set('file', file);
      const result = await send(data);
      if (!result.ok) setError(result.fields?.file ?? result.message);
      onResult(result);
    } catch {
      notifications.show({ color: 'red', message: te('INTERNAL') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <FileInput
        label={labels.choose}
        placeholder={labels.placeholder}
        accept=".csv,text/csv,text/plain"
        leftSection={<IconFileTypeCsv size={16} />}
        value={file}
        onChange={(f) => {
          setFile(f);
          setError(null);
        }}
        error={error}
        clearable
        style={{ flex: '1 1 260px', maxWidth: 480 }}
        data-testid={testIds.file}
      />
      <Button leftSection={<IconUpload size={16} />} onClick={submit} loading={busy} disabled={!file} data-testid={testIds.submit}>
        {labels.submit}
      </Button>
    </Group>
  );
}
