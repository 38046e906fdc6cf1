'use client';
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { CustomerSelect, customerOptionsSearch } from '@/components/forms/customer-select';
import { useActionForm } from '@/components/forms/use-action-form';
import { parseWallClock } from '@/lib/dates';
import { REMINDER_REPEATS, type ReminderRepeat } from '../dates';
import { createReminderAction, updateReminderAction } from '../actions';
import { createReminderSchema } from '../schemas';
import { DateTimeField } from '@/components/forms/date-field';

export type ReminderFormValues = {
  title: string;
  /** Wall-clock time in the business's zone, "YYYY-MM-DD HH:mm" (what the picker edits). */
  dueAt: string;
  customerId: string;
  assigneeId: string;
  note: string;
  repeat: ReminderRepeat;
};

type Option = { value: string; label: string };

/**
 * Creates or edits a reminder. The date picker knows no time zones: it edits a wall-clock time,
 * which the server reads in the business's zone (shown beside the field), so "09:00" means 09:00
 * where the business is, whatever the browser's zone.
 */
export function ReminderForm({
  slug,
  timeZone,
  assignees,
  initialCustomer,
  initialValues,
  edit,
  returnTo,
}: {
  slug: string;
  timeZone: string;
  assignees: Option[];
  initialCustomer?: Option | null;
  initialValues: ReminderFormValues;
  edit?: { id: string; version: number };
  /** Where to go after saving a new reminder (e.g. back to the customer's page); default: its page. */
  returnTo?: string;
}) {
  const t = useTranslations('reminders');
  const tc = useTranslations('common');
  const router = useRouter();
  const { form, onSubmit, submitting } = useActionForm<ReminderFormValues, unknown>({
    initialValues,
    schema: createReminderSchema,
    action: (values) => {
      const input = { ...values, customerId: values.customerId || null, assigneeId: values.assigneeId || null };
      return edit ? updateReminderAction(slug, { ...input, id: edit.id, version: edit.version }) : createReminderAction(slug, input);
    },
    onSuccess: (data) => {
      const id = edit?.id ?? (data as { id: string }).id;
      router.push(!edit && returnTo ? returnTo : `/${slug}/reminders/${id}`);
      router.refresh();
    },
  });

  const repeatOptions = REMINDER_REPEATS.map((r) => ({ value: r, label: t(`repeats.${r}`) }));
  const due = parseWallClock(form.values.dueAt);

  return (
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm">
          <TextInput label={t('fields.title')} placeholder={t('fields.titlePlaceholder')} required autoFocus={!edit} autoComplete="off" {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateTimeField
              label={t('fields.dueAt')}
              description={t('fields.dueAtHint', { timeZone })}
              required
              data-testid="reminder-due"
              {...form.getInputProps('dueAt')}
              onChange={(value) => form.setFieldValue('dueAt', value)}
            />
            <Select
              label={t('fields.repeat')}
              data={repeatOptions}
              allowDeselect={false}
              description={form.values.repeat === 'monthly' && due ? t('repeatsMonthlyHint', { day: due.day }) : undefined}
              {...form.getInputProps('repeat')}
            />
            <CustomerSelect
              search={customerOptionsSearch(slug)}
              label={t('fields.customer')}
              placeholder={t('fields.customerPlaceholder')}
              nothingFound={t('fields.customerNothing')}
              initial={initialCustomer ?? null}
              {...form.getInputProps('customerId')}
              onChange={(v) => form.setFieldValue('customerId', v ?? '')}
              testId="reminder-customer"
            />
            <Select
              label={t('fields.assignee')}
              placeholder={t('fields.assigneePlaceholder')}
              data={assignees}
              searchable
              clearable
              nothingFoundMessage={tc('none')}
              {...form.getInputProps('assigneeId')}
              onChange={(v) => form.setFieldValue('assigneeId', v ?? '')}
            />
          </SimpleGrid>
          <Textarea label={t('fields.note')} autosize minRows={3} maxRows={10} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => router.back()}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {edit ? tc('save') : tc('create')}
            </Button>
          </Group>
        </Stack>
      </form>
  );
}
