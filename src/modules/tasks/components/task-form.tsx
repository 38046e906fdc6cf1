'use client';
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { CustomerSelect, customerOptionsSearch, type SelectOption as Option } from '@/components/forms/customer-select';
import { createTaskAction, updateTaskAction } from '../actions';
import { TASK_PRIORITIES, createTaskSchema, type TaskPriority } from '../schemas';
import { DateTimeField } from '@/components/forms/date-field';
import { TASK_REMINDER_PRESETS, reminderFromChoice } from '../reminder';

export type TaskFormValues = {
  title: string;
  description: string;
  projectId: string;
  statusId: string;
  customerId: string;
  assigneeIds: string[];
  /** Wall-clock time in the business's zone, "YYYY-MM-DD HH:mm", or empty. */
  dueAt: string;
  priority: TaskPriority;
  /** The reminder choice: "none" or the minutes before the due time, as text. */
  reminder: string;
};

/** A project to choose, with the customer its new tasks are for. */
export type TaskProjectOption = Option & { customer: Option | null };

/**
 * Creates or edits a task. Like the reminder form, the picker edits a wall-clock time that the
 * server reads in the business's zone. The project is chosen when the task is made.
 */
export function TaskForm({
  slug,
  timeZone,
  people,
  projects,
  initialCustomer,
  initialValues,
  edit,
  stay = false,
}: {
  slug: string;
  timeZone: string;
  people: Option[];
  projects: TaskProjectOption[];
  initialCustomer: Option | null;
  initialValues: TaskFormValues;
  edit?: { id: string; version: number };
  /** Stay on the page after saving (the task's own page) instead of going to the task. */
  stay?: boolean;
}) {
  const t = useTranslations('tasks');
  const tc = useTranslations('common');
  const router = useRouter();
  // The customer picker shows the customer a chosen project brings along.
  const [customerOption, setCustomerOption] = useState(initialCustomer);
  const reminderMinutes = [
    ...new Set<number>([...TASK_REMINDER_PRESETS, ...(initialValues.reminder === 'none' ? [] : [Number(initialValues.reminder)])]),
  ].sort((a, b) => a - b);
  const { form, onSubmit, submitting } = useActionForm<TaskFormValues, unknown>({
    initialValues,
    schema: createTaskSchema,
    action: (values) => {
      const fields = {
        title: values.title,
        description: values.description,
        customerId: values.customerId || null,
        assigneeIds: values.assigneeIds,
        dueAt: values.dueAt || null,
        priority: values.priority,
        reminderMinutes: reminderFromChoice(values.reminder),
      };
      return edit
        ? updateTaskAction(slug, { ...fields, id: edit.id, version: edit.version })
        : createTaskAction(slug, { ...fields, projectId: values.projectId || null, statusId: values.statusId || null });
    },
    onSuccess: (data) => {
      if (!stay) router.push(`/${slug}/tasks/${edit?.id ?? (data as { id: string }).id}`);
      router.refresh();
    },
  });
  return (
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm">
          <TextInput label={t('fields.title')} placeholder={t('fields.titlePlaceholder')} required autoFocus={!edit} autoComplete="off" data-testid="task-title" {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {!edit && (
              <Select
                label={t('fields.project')}
                placeholder={t('fields.projectPlaceholder')}
                data={projects}
                searchable
                clearable
                {...form.getInputProps('projectId')}
                onChange={(v) => {
                  form.setFieldValue('projectId', v ?? '');
                  form.setFieldValue('statusId', '');
                  // A task in a project is for the project's customer, unless one was chosen.
                  const customer = projects.find((p) => p.value === v)?.customer;
                  if (customer && !form.values.customerId) {
                    setCustomerOption(customer);
                    form.setFieldValue('customerId', customer.value);
                  }
                }}
              />
            )}
            <MultiSelect label={t('fields.assignees')} placeholder={t('fields.assigneesPlaceholder')} data={people} searchable clearable data-testid="task-assignees" {...form.getInputProps('assigneeIds')} />
            <DateTimeField
              label={t('fields.dueAt')}
              description={t('fields.dueAtHint', { timeZone })}
              clearable
              {...form.getInputProps('dueAt')}
              onChange={(value) => form.setFieldValue('dueAt', value)}
            />
            <Select
              label={t('fields.reminder')}
              description={t('fields.reminderHint')}
              data={[{ value: 'none', label: t('reminders.none') }, ...reminderMinutes.map((m) => ({ value: String(m), label: t('reminders.minutes', { minutes: m }) }))]}
              allowDeselect={false}
              data-testid="task-reminder"
              {...form.getInputProps('reminder')}
            />
            <Select label={t('fields.priority')} data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) }))} allowDeselect={false} {...form.getInputProps('priority')} />
            <CustomerSelect
              search={customerOptionsSearch(slug)}
              label={t('fields.customer')}
              placeholder={t('fields.customer')}
              nothingFound={tc('none')}
              key={customerOption?.value ?? 'none'}
              initial={customerOption}
              {...form.getInputProps('customerId')}
              onChange={(v) => form.setFieldValue('customerId', v ?? '')}
            />
          </SimpleGrid>
          <Textarea label={t('fields.description')} autosize minRows={3} maxRows={12} {...form.getInputProps('description')} />
          <Group justify="flex-end">
            {!stay && (
              <Button variant="default" onClick={() => router.back()}>
                {tc('cancel')}
              </Button>
            )}
            <Button type="submit" loading={submitting} data-testid="task-submit">
              {edit ? tc('save') : tc('create')}
            </Button>
          </Group>
        </Stack>
      </form>
  );
}
