'use client';
import { Button, Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { useActionForm } from '@/components/forms/use-action-form';
import { utcToZonedWallTime, zonedWallTimeToUtc } from '@/lib/dates';
import { createInteractionAction, updateInteractionAction } from '../actions';
import { CALL_OUTCOMES, INTERACTION_TYPES, type InteractionDirection, type InteractionType } from '../schemas';
import { CustomerPicker, type CustomerChoice } from './customer-picker';
import { DateTimeField } from '@/components/forms/date-field';

export type EditableInteraction = {
  id: string;
  version: number;
  type: InteractionType;
  direction: InteractionDirection | null;
  occurredAt: Date;
  durationMinutes: number | null;
  subject: string | null;
  body: string | null;
  outcome: string | null;
  customers: { id: string; name: string }[];
  personnel: { id: string; name: string }[];
};

type Values = {
  type: InteractionType;
  direction: string;
  occurredAt: string;
  durationMinutes: number | string;
  subject: string;
  body: string;
  outcome: string | null;
  customerIds: string[];
  personnelIds: string[];
};

/**
 * Creates or edits an interaction. The date field shows the business's wall time (its time zone,
 * not the browser's) and is turned into an instant before it is sent.
 */
export function InteractionForm({
  slug,
  timeZone,
  personnelOptions,
  selfPersonnelId,
  initial,
  defaultCustomers = [],
  onDone,
}: {
  slug: string;
  timeZone: string;
  personnelOptions: { id: string; name: string }[];
  selfPersonnelId: string;
  initial?: EditableInteraction;
  defaultCustomers?: CustomerChoice[];
  onDone: () => void;
}) {
  const t = useTranslations('interactions');
  const tc = useTranslations('common');
  const tv = useTranslations('validation');
  const { form, onSubmit, submitting } = useActionForm<Values, unknown>({
    initialValues: {
      type: initial?.type ?? 'call',
      direction: initial ? (initial.direction ?? 'none') : 'outbound',
      occurredAt: utcToZonedWallTime(initial?.occurredAt ?? new Date(), timeZone),
      durationMinutes: initial?.durationMinutes ?? '',
      subject: initial?.subject ?? '',
      body: initial?.body ?? '',
      outcome: initial?.outcome ?? null,
      customerIds: initial ? initial.customers.map((c) => c.id) : defaultCustomers.map((c) => c.id),
      personnelIds: initial ? initial.personnel.map((p) => p.id) : [selfPersonnelId],
    },
    action: async (values) => {
      const at = zonedWallTimeToUtc(values.occurredAt, timeZone);
      if (!at) return { ok: false, code: 'VALIDATION', message: tv('invalid'), fields: { occurredAt: tv('invalid') } };
      const payload = {
        type: values.type,
        direction: values.direction === 'none' ? null : values.direction,
        occurredAt: at.toISOString(),
        durationMinutes: values.durationMinutes === '' ? null : Number(values.durationMinutes),
        subject: values.subject,
        body: values.body,
        outcome: values.outcome,
        customerIds: values.customerIds,
        personnelIds: values.personnelIds,
      };
      return initial
        ? updateInteractionAction(slug, { ...payload, id: initial.id, version: initial.version })
        : createInteractionAction(slug, payload);
    },
    onSuccess: onDone,
  });

  // A new interaction starts as an outgoing call; a note has no direction, so choosing "note" clears
  // the default one (and another type brings it back), unless the user has picked a direction.
  const directionChosen = useRef(Boolean(initial));
  const onTypeChange = (value: string) => {
    const type = value as InteractionType;
    if (!directionChosen.current) form.setFieldValue('direction', type === 'note' ? 'none' : 'outbound');
    form.setFieldValue('type', type);
  };

  const outcomeData = [
    ...CALL_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) })),
    ...(initial?.outcome && !(CALL_OUTCOMES as readonly string[]).includes(initial.outcome) ? [{ value: initial.outcome, label: initial.outcome }] : []),
  ];
  const known: CustomerChoice[] = [
    ...defaultCustomers,
    ...(initial?.customers ?? []).map((c) => ({ id: c.id, name: c.name, email: null, phone: null })),
  ];

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SegmentedControl
          fullWidth
          aria-label={t('type')}
          data={INTERACTION_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
          {...form.getInputProps('type')}
          onChange={onTypeChange}
        />
        <CustomerPicker
          slug={slug}
          multiple
          label={t('customers')}
          known={known}
          value={form.values.customerIds}
          onChange={(ids) => form.setFieldValue('customerIds', ids)}
          error={form.errors.customerIds}
          data-testid="interaction-customers"
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateTimeField
            label={t('occurredAt')}
            description={t('occurredAtHint', { zone: timeZone })}
            required
            {...form.getInputProps('occurredAt')}
            onChange={(value) => form.setFieldValue('occurredAt', value)}
          />
          <Select
            label={t('direction')}
            data={[
              { value: 'outbound', label: t('directions.outbound') },
              { value: 'inbound', label: t('directions.inbound') },
              { value: 'none', label: t('directions.none') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('direction')}
            onChange={(value) => {
              directionChosen.current = true;
              form.setFieldValue('direction', value ?? 'none');
            }}
          />
          <Select label={t('outcome')} data={outcomeData} clearable {...form.getInputProps('outcome')} />
          <NumberInput label={t('duration')} min={0} max={1440} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
        </SimpleGrid>
        <TextInput label={t('subject')} maxLength={300} {...form.getInputProps('subject')} />
        <Textarea label={t('body')} autosize minRows={3} maxRows={10} {...form.getInputProps('body')} />
        <MultiSelect
          label={t('personnel')}
          data={personnelOptions.map((p) => ({ value: p.id, label: p.name }))}
          searchable
          {...form.getInputProps('personnelIds')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} type="button">
            {tc('cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {tc('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
