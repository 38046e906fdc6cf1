'use client';
import { Group, MultiSelect, SegmentedControl, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { minorDigits, minorToInputText, readMoney } from '@/lib/money';
import { CUSTOMER_STATUSES, type CustomerFilter } from '../schemas';
import type { Option, TagOption } from './types';
import { DateField } from '@/components/forms/date-field';

const NO_OWNER = '__none__';

/** The fields of a customer filter; the list's filter drawer and the segment editor use it. */
export function CustomerFilterFields({
  value,
  onChange,
  tags,
  owners,
  purchaseFigures = true,
  currency = 'TRY',
}: {
  value: CustomerFilter;
  onChange: (next: CustomerFilter) => void;
  tags: TagOption[];
  owners: Option[];
  /** False for a role that may not read purchases: no filter by lifetime value or last purchase. */
  purchaseFigures?: boolean;
  /** The business's currency: lifetime values are in it. */
  currency?: string;
}) {
  const t = useTranslations('customers');
  const set = <K extends keyof CustomerFilter>(key: K, v: CustomerFilter[K]) => {
    const next = { ...value, [key]: v };
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[key];
    onChange(next);
  };
  const range = (label: string, from: 'createdFrom' | 'lastPurchaseFrom' | 'lastInteractionFrom', to: 'createdTo' | 'lastPurchaseTo' | 'lastInteractionTo') => (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" grow>
        <DateField aria-label={`${label}: ${t('filters.from')}`} value={value[from]} onChange={(v) => set(from, v || undefined)} />
        <DateField aria-label={`${label}: ${t('filters.to')}`} value={value[to]} onChange={(v) => set(to, v || undefined)} />
      </Group>
    </Stack>
  );
  return (
    <Stack gap="sm">
      <SegmentedControl
        fullWidth
        value={value.kind ?? 'all'}
        onChange={(v) => set('kind', v === 'all' ? undefined : (v as 'person' | 'company'))}
        data={[
          { value: 'all', label: t('filters.allKinds') },
          { value: 'person', label: t('kind.person') },
          { value: 'company', label: t('kind.company') },
        ]}
      />
      <MultiSelect
        label={t('filters.tags')}
        data={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
        value={value.tagIds ?? []}
        onChange={(v) => set('tagIds', v)}
        searchable
        clearable
      />
      <MultiSelect
        label={t('filters.statuses')}
        data={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={value.statuses ?? []}
        onChange={(v) => set('statuses', v as CustomerFilter['statuses'])}
        clearable
      />
      <MultiSelect
        label={t('filters.owners')}
        data={[{ value: NO_OWNER, label: t('filters.noOwner') }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
        value={(value.ownerIds ?? []).map((id) => id ?? NO_OWNER)}
        onChange={(v) => set('ownerIds', v.map((id) => (id === NO_OWNER ? null : id)))}
        searchable
        clearable
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TagsInput label={t('filters.cities')} placeholder={t('filters.typeAndEnter')} value={value.cities ?? []} onChange={(v) => set('cities', v)} clearable />
        <TagsInput label={t('filters.sources')} placeholder={t('filters.typeAndEnter')} value={value.sources ?? []} onChange={(v) => set('sources', v)} clearable />
      </SimpleGrid>
      {range(t('filters.createdRange'), 'createdFrom', 'createdTo')}
      {purchaseFigures && range(t('filters.lastPurchaseRange'), 'lastPurchaseFrom', 'lastPurchaseTo')}
      {range(t('filters.lastInteractionRange'), 'lastInteractionFrom', 'lastInteractionTo')}
      {purchaseFigures && (
      <SimpleGrid cols={2} spacing="sm">
        <MoneyField label={t('filters.valueMin')} currency={currency} minor={value.lifetimeValueMin} onChange={(v) => set('lifetimeValueMin', v)} />
        <MoneyField label={t('filters.valueMax')} currency={currency} minor={value.lifetimeValueMax} onChange={(v) => set('lifetimeValueMax', v)} />
      </SimpleGrid>
      )}
    </Stack>
  );
}

/**
 * An amount typed as text in the reader's locale and read by the money module ("1.234,56" in
 * Turkish), so no float is multiplied into minor units; an unreadable amount stays in the field
 * with its error and leaves the filter as it was.
 */
function MoneyField({ label, currency, minor, onChange }: { label: string; currency: string; minor: number | undefined; onChange: (minor: number | undefined) => void }) {
  const locale = useLocale();
  const tv = useTranslations('validation');
  const [text, setText] = useState(minor === undefined ? '' : minorToInputText(minor, currency, locale));
  const reading = readMoney(text, currency, locale);
  const error =
    reading.ok ? (reading.minor < 0 ? tv('tooSmallLimit', { limit: 0 }) : undefined)
    : reading.error === 'empty' ? undefined
    : reading.error === 'tooManyDecimals' ? tv('moneyDecimals', { digits: minorDigits(currency) })
    : tv('money');
  return (
    <TextInput
      label={`${label} (${currency})`}
      inputMode="decimal"
      value={text}
      error={error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const r = readMoney(next, currency, locale);
        if (r.ok && r.minor >= 0) onChange(r.minor);
        else if (!r.ok && r.error === 'empty') onChange(undefined);
      }}
    />
  );
}

/** How many filter fields are set, for the badge on the filter button. */
export function activeFilterCount(filters: CustomerFilter): number {
  return Object.entries(filters).filter(([key, v]) => key !== 'search' && v !== undefined && !(Array.isArray(v) && v.length === 0)).length;
}
