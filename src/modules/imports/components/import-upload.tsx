'use client';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { CsvUpload } from '@/components/forms/csv-upload';
import { uploadImportAction } from '../actions';

/** Step 1: the file goes up; the server detects encoding and separator and guesses the mapping. */
export function ImportUpload({ slug }: { slug: string }) {
  const t = useTranslations('imports');
  const router = useRouter();
  return (
    <CsvUpload
      labels={{ choose: t('chooseFile'), placeholder: t('choosePlaceholder'), submit: t('upload') }}
      send={(data) => uploadImportAction(slug, data)}
      onResult={(result) => {
        notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
        if (result.ok) router.push(`/${slug}/customers/import/${result.data.id}`);
      }}
      testIds={{ file: 'import-file' }}
    />
  );
}
