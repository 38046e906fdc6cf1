'use client';
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { createProjectAction, updateProjectAction } from '../actions';
import { PROJECT_STATUSES, createProjectSchema, type ProjectStatus } from '../schemas';
import { CustomerSelect, customerOptionsSearch, type SelectOption as Option } from '@/components/forms/customer-select';
import { DateField } from '@/components/forms/date-field';

export type ProjectFormValues = {
  name: string;
  description: string;
  customerId: string;
  status: ProjectStatus;
  startDate: string;
  endDate: string;
  ownerId: string;
  memberIds: string[];
  /** The deal this project is for ('' for none); only on the edit form. */
  dealId?: string;
};

export function ProjectForm({
  slug,
  people,
  initialCustomer,
  initialValues,
  edit,
  deals,
}: {
  slug: string;
  people: Option[];
  /** Deals the project can be linked to; absent where deals may not be read. */
  deals?: Option[];
  initialCustomer: Option | null;
  initialValues: ProjectFormValues;
  edit?: { id: string; version: number };
}) {
  const t = useTranslations('projects');
  const tc = useTranslations('common');
  const router = useRouter();
  const { form, onSubmit, submitting } = useActionForm<ProjectFormValues, unknown>({
    initialValues,
    schema: createProjectSchema,
    action: ({ dealId, ...values }) =>
      edit
        ? updateProjectAction(slug, { ...values, ...(deals ? { dealId: dealId || null } : {}), id: edit.id, version: edit.version })
        : createProjectAction(slug, { ...values, ...(deals && dealId ? { dealId } : {}) }),
    onSuccess: (data) => {
      router.push(`/${slug}/projects/${edit?.id ?? (data as { id: string }).id}`);
      router.refresh();
    },
  });
  return (
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm">
          <TextInput label={t('fields.name')} placeholder={t('fields.namePlaceholder')} required autoFocus={!edit} autoComplete="off" data-testid="project-name" {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <CustomerSelect
              search={customerOptionsSearch(slug)}
              label={t('fields.customer')}
              placeholder={t('fields.customerPlaceholder')}
              nothingFound={t('fields.customerNothing')}
              initial={initialCustomer}
              {...form.getInputProps('customerId')}
              onChange={(v) => form.setFieldValue('customerId', v ?? '')}
              testId="project-customer"
            />
            <Select label={t('fields.status')} data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} allowDeselect={false} {...form.getInputProps('status')} />
            <DateField label={t('fields.startDate')} {...form.getInputProps('startDate')} onChange={(v) => form.setFieldValue('startDate', v)} />
            <DateField label={t('fields.endDate')} {...form.getInputProps('endDate')} onChange={(v) => form.setFieldValue('endDate', v)} />
            <Select
              label={t('fields.owner')}
              placeholder={t('fields.nobody')}
              data={people}
              searchable
              clearable
              {...form.getInputProps('ownerId')}
              onChange={(v) => form.setFieldValue('ownerId', v ?? '')}
            />
            <MultiSelect label={t('fields.members')} data={people} searchable clearable {...form.getInputProps('memberIds')} />
          </SimpleGrid>
          {deals && (
            <Select
              label={t('fields.deal')}
              description={t('fields.dealHint')}
              data={deals}
              searchable
              clearable
              nothingFoundMessage={tc('none')}
              data-testid="project-deal-select"
              {...form.getInputProps('dealId')}
              onChange={(v) => form.setFieldValue('dealId', v ?? '')}
            />
          )}
          <Textarea label={t('fields.description')} autosize minRows={3} maxRows={10} {...form.getInputProps('description')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => router.back()}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={submitting} data-testid="project-submit">
              {edit ? tc('save') : tc('create')}
            </Button>
          </Group>
        </Stack>
      </form>
  );
}
