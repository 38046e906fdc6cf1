'use client';
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { createBusinessAction, updateBusinessAction } from '../actions';
import { createBusinessSchema, CURRENCIES, updateBusinessSchema } from '../schemas';
import { timeZones } from './time-zones';

export type BusinessFormValues = {
  name: string;
  sector: string;
  phone: string;
  email: string;
  address: string;
  taxNumber: string;
  taxOffice: string;
  currency: string;
  timeZone: string;
  wonDealActivatesCustomer: boolean;
};

const EMPTY: BusinessFormValues = {
  name: '',
  sector: '',
  phone: '',
  email: '',
  address: '',
  taxNumber: '',
  taxOffice: '',
  currency: 'TRY',
  timeZone: 'Europe/Istanbul',
  wonDealActivatesCustomer: true,
};

/** Creates a business, or edits one when `edit` is given; read-only when `readOnly`. */
export function BusinessForm({
  edit,
  readOnly = false,
  canCancel = false,
}: {
  edit?: { slug: string; version: number; values: BusinessFormValues };
  readOnly?: boolean;
  /** A new business can be cancelled only when the user has another one to go back to. */
  canCancel?: boolean;
}) {
  const t = useTranslations('businesses');
  const tc = useTranslations('common');
  const router = useRouter();
  const { form, onSubmit, submitting } = useActionForm<BusinessFormValues, unknown>({
    initialValues: edit?.values ?? EMPTY,
    schema: edit ? updateBusinessSchema.omit({ version: true }) : createBusinessSchema,
    action: (values) =>
      edit ? updateBusinessAction(edit.slug, { ...values, version: edit.version }) : createBusinessAction(values),
    onSuccess: (data) => {
      if (!edit && data && typeof data === 'object' && 'slug' in data) router.push(`/${data.slug}`);
      else router.refresh();
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <TextInput label={t('name')} required autoFocus={!edit} {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('sector')} {...form.getInputProps('sector')} />
            <TextInput label={t('phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('taxNumber')} inputMode="numeric" {...form.getInputProps('taxNumber')} />
            <TextInput label={t('taxOffice')} {...form.getInputProps('taxOffice')} />
            <Select
              label={t('currency')}
              data={[...CURRENCIES]}
              allowDeselect={false}
              {...form.getInputProps('currency')}
            />
          </SimpleGrid>
          <Textarea label={t('address')} autosize minRows={2} {...form.getInputProps('address')} />
          <Select label={t('timeZone')} data={timeZones()} searchable allowDeselect={false} {...form.getInputProps('timeZone')} />
          <Checkbox label={t('wonDealActivatesCustomer')} data-testid="won-deal-activates-customer" {...form.getInputProps('wonDealActivatesCustomer', { type: 'checkbox' })} />
          {!readOnly && (
            <Group justify="flex-end">
              {!edit && canCancel && (
                <Button variant="default" onClick={() => router.back()}>
                  {tc('cancel')}
                </Button>
              )}
              <Button type="submit" loading={submitting}>
                {edit ? tc('save') : tc('create')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
