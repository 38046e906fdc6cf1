'use client';
import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { CustomerSelect } from '@/components/forms/customer-select';
import { dealCustomerSearch } from './deal-form';
import { DateField } from '@/components/forms/date-field';

type Option = { value: string; label: string };

/** Pipeline, view and filters of the sales page, kept in the URL. */
export function DealFilters({
  slug,
  pipelines,
  owners,
  tags,
  customer,
}: {
  slug: string;
  pipelines: Option[];
  owners: Option[];
  tags: Option[];
  /** The customer the board is filtered by, so its name shows before any search. */
  customer: Option | null;
}) {
  const t = useTranslations('deals');
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.push(`${pathname}?${next.toString()}`);
  };
  const hasFilters = ['ownerId', 'tagId', 'customerId', 'closeFrom', 'closeTo'].some((k) => params.get(k));
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      {pipelines.length > 1 && <Select label={t('pipeline')} data={pipelines} value={params.get('pipeline') ?? pipelines[0]?.value ?? null} allowDeselect={false} onChange={(v) => set({ pipeline: v })} w={180} />}
      <SegmentedControl
        data={[
          { value: 'board', label: t('board') },
          { value: 'list', label: t('list') },
        ]}
        value={params.get('view') === 'list' ? 'list' : 'board'}
        onChange={(v) => set({ view: v === 'list' ? 'list' : null })}
        aria-label={t('board')}
      />
      <Select label={t('filters.owner')} data={owners} value={params.get('ownerId')} clearable searchable onChange={(v) => set({ ownerId: v })} w={170} />
      <CustomerSelect
        search={dealCustomerSearch(slug)}
        label={t('filters.customer')}
        nothingFound={t('fields.customerNothing')}
        initial={customer}
        value={params.get('customerId')}
        onChange={(v) => set({ customerId: v })}
        testId="deal-filter-customer"
        w={190}
      />
      {tags.length > 0 && <Select label={t('filters.tag')} data={tags} value={params.get('tagId')} clearable searchable onChange={(v) => set({ tagId: v })} w={150} />}
      <DateField label={t('filters.closeFrom')} value={params.get('closeFrom')} onChange={(v) => set({ closeFrom: v || null })} w={160} data-testid="deal-filter-close-from" />
      <DateField label={t('filters.closeTo')} value={params.get('closeTo')} onChange={(v) => set({ closeTo: v || null })} w={160} data-testid="deal-filter-close-to" />
      {hasFilters && (
        <Button
          variant="subtle"
          onClick={() => {
            set({ ownerId: null, tagId: null, customerId: null, closeFrom: null, closeTo: null });
          }}
        >
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
