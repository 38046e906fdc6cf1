'use client';
import { Button, FileInput, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { uploadImportAction } from '../actions';

/** Step 1: the file goes up; the server detects encoding and separator and guesses the mapping. */
export function ImportUpload({ slug }: { slug: string }) {
  const t = useTranslations('imports');
  const te = useTranslations('errors');
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const data = new FormData();
      data.set('file', file);
      const result = await uploadImportAction(slug, data);
      notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
      if (result.ok) router.push(`/${slug}/customers/import/${result.data.id}`);
      else setError(result.fields?.file ?? result.message);
    } catch {
      notifications.show({ color: 'red', message: te('INTERNAL') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          label={t('chooseFile')}
          placeholder={t('choosePlaceholder')}
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
          data-testid="import-file"
        />
        <Button leftSection={<IconUpload size={16} />} onClick={upload} loading={busy} disabled={!file}>
          {t('upload')}
        </Button>
      </Group>
    </Stack>
  );
}
