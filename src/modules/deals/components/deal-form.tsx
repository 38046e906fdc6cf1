'use client';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { CustomerSelect, type CustomerSearch } from '@/components/forms/customer-select';
import { useActionForm } from '@/components/forms/use-action-form';
import { createDealAction, searchDealCustomersAction, updateDealAction } from '../actions';
import { minorDigits, readMoney } from '@/lib/money';
import { DateField } from '@/components/forms/date-field';

type Option = { value: string; label: string };

export type DealFormValues = {
  title: string;
  customerId: string;
  /** The amount as the user writes it ("12.500,50"): read as text, never as a float. */
  value: string;
  currency: string;
  expectedCloseDate: string;
  ownerId: string;
  stageId: string;
  probability: number | string;
  source: string;
  /** The project the deal is for ('' for none): winning the deal records the win on it. */
  projectId: string;
};

export function DealForm({
  slug,
  owners,
  stages,
  initialCustomer,
  initialValues,
  edit,
  projects,
}: {
  slug: string;
  owners: Option[];
  /** Projects the deal can be linked to; absent for people who may not read projects. */
  projects?: Option[];
  /** Stages to choose from (new deals only), labelled with their pipeline. */
  stages?: (Option & { pipelineId: string })[];
  initialCustomer?: Option | null;
  initialValues: DealFormValues;
  edit?: { id: string; version: number };
}) {
  const t = useTranslations('deals');
  const tc = useTranslations('common');
  const tv = useTranslations('validation');
  const locale = useLocale();
  const router = useRouter();
  const { form, onSubmit, submitting } = useActionForm<DealFormValues, unknown>({
    initialValues,
    action: async (values) => {
      const reading = readMoney(values.value, values.currency, locale);
      const amount = reading.ok ? reading.minor : null;
      if ((!reading.ok && reading.error !== 'empty') || (amount !== null && amount < 0)) {
        // A minus sign is a rule broken, not an unreadable number: say the rule.
        const message =
          amount !== null ? tv('tooSmallLimit', { limit: 0 })
          : !reading.ok && reading.error === 'tooManyDecimals' ? tv('moneyDecimals', { digits: minorDigits(values.currency) })
          : tv('money');
        form.setFieldError('value', message);
        return { ok: false, code: 'VALIDATION', message };
      }
      const input = {
        title: values.title,
        customerId: values.customerId || null,
        value: amount === null ? null : { amountMinor: amount, currency: values.currency },
        expectedCloseDate: values.expectedCloseDate || null,
        ownerId: values.ownerId || null,
        probability: values.probability === '' ? null : Number(values.probability),
        source: values.source,
        ...(projects ? { projectId: values.projectId || null } : {}),
      };
      if (edit) return updateDealAction(slug, { ...input, id: edit.id, version: edit.version });
      const stage = stages?.find((s) => s.value === values.stageId);
      return createDealAction(slug, { ...input, stageId: values.stageId || null, pipelineId: stage?.pipelineId ?? null });
    },
    onSuccess: (data) => {
      router.push(`/${slug}/deals/${edit?.id ?? (data as { id: string }).id}`);
      router.refresh();
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput label={t('fields.title')} placeholder={t('fields.titlePlaceholder')} required autoFocus={!edit} autoComplete="off" data-testid="deal-title" {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <CustomerSelect
            search={dealCustomerSearch(slug)}
            label={t('fields.customer')}
            placeholder={t('fields.customerPlaceholder')}
            nothingFound={t('fields.customerNothing')}
            initial={initialCustomer ?? null}
            value={form.values.customerId}
            error={form.errors.customerId}
            onChange={(v) => form.setFieldValue('customerId', v ?? '')}
            testId="deal-customer"
          />
          {stages && (
            <Select label={t('fields.stage')} data={stages} allowDeselect={false} data-testid="deal-stage" {...form.getInputProps('stageId')} />
          )}
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput label={t('fields.value')} placeholder={t('fields.valueHint')} inputMode="decimal" style={{ flex: 1 }} data-testid="deal-value" {...form.getInputProps('value')} />
            <TextInput label={t('fields.currency')} w={80} maxLength={3} {...form.getInputProps('currency')} onChange={(e) => form.setFieldValue('currency', e.currentTarget.value.toUpperCase())} />
          </Group>
          <DateField label={t('fields.expectedCloseDate')} {...form.getInputProps('expectedCloseDate')} onChange={(v) => form.setFieldValue('expectedCloseDate', v)} />
          <Select
            label={t('fields.owner')}
            data={owners}
            searchable
            clearable
            nothingFoundMessage={tc('none')}
            {...form.getInputProps('ownerId')}
            onChange={(v) => form.setFieldValue('ownerId', v ?? '')}
          />
          <NumberInput label={t('fields.probability')} description={t('fields.probabilityEmpty')} min={0} max={100} allowDecimal={false} {...form.getInputProps('probability')} />
          <TextInput label={t('fields.source')} {...form.getInputProps('source')} />
          {projects && (
            <Select
              label={t('fields.project')}
              description={t('fields.projectHint')}
              data={projects}
              searchable
              clearable
              nothingFoundMessage={tc('none')}
              data-testid="deal-project"
              {...form.getInputProps('projectId')}
              onChange={(v) => form.setFieldValue('projectId', v ?? '')}
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => router.back()}>
            {tc('cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="deal-submit">
            {edit ? tc('save') : tc('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The customers a deal may be for: the deals module's own search, which applies its read rules. */
export function dealCustomerSearch(slug: string): CustomerSearch {
  return async (search) => {
    const result = await searchDealCustomersAction(slug, { search });
    return result.ok ? (result.data as { id: string; name: string }[]).map((c) => ({ value: c.id, label: c.name })) : [];
  };
}
