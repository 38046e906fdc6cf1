'use client';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { TASK_REMINDER_PRESETS, reminderChoice, reminderFromChoice } from '@/modules/tasks/client';
import { setUserTaskReminderAction } from '../actions';

/** The reminder a new task of this user gets unless its form says otherwise. */
export function TaskReminderForm({ initial }: { initial: number | null }) {
  const t = useTranslations('businesses.taskReminder');
  const tt = useTranslations('tasks.reminders');
  const tc = useTranslations('common');
  const router = useRouter();
  // A lead set through the API that the presets lack stays choosable.
  const minutes = [...new Set<number>([...TASK_REMINDER_PRESETS, ...(initial === null ? [] : [initial])])].sort((a, b) => a - b);
  const { form, onSubmit, submitting } = useActionForm<{ choice: string }, null>({
    initialValues: { choice: reminderChoice(initial) },
    action: (values) => setUserTaskReminderAction({ minutes: reminderFromChoice(values.choice) }),
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
          data={[{ value: 'none', label: tt('none') }, ...minutes.map((v) => ({ value: String(v), label: tt('minutes', { minutes: v }) }))]}
          allowDeselect={false}
          {...form.getInputProps('choice')}
          data-testid="task-reminder-default"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting} data-testid="task-reminder-default-save">
            {tc('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
