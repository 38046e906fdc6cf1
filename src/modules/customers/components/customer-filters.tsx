'use client';
import { Group, MultiSelect, NumberInput, SegmentedControl, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { CUSTOMER_STATUSES, type CustomerFilter } from '../schemas';
import type { Option, TagOption } from './types';

const NO_OWNER = '__none__';

/** The fields of a customer filter; the list's filter drawer and the segment editor use it. */
export function CustomerFilterFields({
  value,
  onChange,
  tags,
  owners,
  purchaseFigures = true,
}: {
  value: CustomerFilter;
  onChange: (next: CustomerFilter) => void;
  tags: TagOption[];
  owners: Option[];
  /** False for a role that may not read purchases: no filter by lifetime value or last purchase. */
  purchaseFigures?: boolean;
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
        <TextInput type="date" aria-label={`${label}: ${t('filters.from')}`} value={value[from] ?? ''} onChange={(e) => set(from, e.currentTarget.value || undefined)} />
        <TextInput type="date" aria-label={`${label}: ${t('filters.to')}`} value={value[to] ?? ''} onChange={(e) => set(to, e.currentTarget.value || undefined)} />
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
        <NumberInput
          label={t('filters.valueMin')}
          min={0}
          decimalScale={2}
          value={value.lifetimeValueMin === undefined ? '' : value.lifetimeValueMin / 100}
          onChange={(v) => set('lifetimeValueMin', typeof v === 'number' ? Math.round(v * 100) : undefined)}
        />
        <NumberInput
          label={t('filters.valueMax')}
          min={0}
          decimalScale={2}
          value={value.lifetimeValueMax === undefined ? '' : value.lifetimeValueMax / 100}
          onChange={(v) => set('lifetimeValueMax', typeof v === 'number' ? Math.round(v * 100) : undefined)}
        />
      </SimpleGrid>
      )}
    </Stack>
  );
}

/** How many filter fields are set, for the badge on the filter button. */
export function activeFilterCount(filters: CustomerFilter): number {
  return Object.entries(filters).filter(([key, v]) => key !== 'search' && v !== undefined && !(Array.isArray(v) && v.length === 0)).length;
}
