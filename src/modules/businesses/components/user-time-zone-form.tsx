'use client';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { setUserTimeZoneAction } from '../actions';
import { timeZones } from './time-zones';

/** The user's own time zone, over every business's; empty keeps each business's zone. */
export function UserTimeZoneForm({ initial }: { initial: string | null }) {
  const t = useTranslations('businesses.userTimeZone');
  const tc = useTranslations('common');
  const router = useRouter();
  const { form, onSubmit, submitting } = useActionForm<{ timeZone: string }, null>({
    initialValues: { timeZone: initial ?? '' },
    action: (values) => setUserTimeZoneAction(values),
    onSuccess: () => router.refresh(),
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('hint')}
        </Text>
        <Select
          label={t('label')}
          placeholder={t('placeholder')}
          data={timeZones()}
          searchable
          clearable
          {...form.getInputProps('timeZone')}
          value={form.values.timeZone || null}
          onChange={(v) => form.setFieldValue('timeZone', v ?? '')}
          data-testid="user-time-zone"
        />
        <Group justify="flex-end">
          {/* Mantine's clear button is hidden from assistive technology: this one is not. */}
          {form.values.timeZone && (
            <Button variant="subtle" onClick={() => form.setFieldValue('timeZone', '')}>
              {t('clear')}
            </Button>
          )}
          <Button type="submit" loading={submitting} data-testid="user-time-zone-save">
            {tc('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
