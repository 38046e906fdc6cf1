'use client';
import { Button, Group, Select } from '@mantine/core';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { INTERACTION_TYPES } from '../schemas';
import { CustomerPicker, type CustomerChoice } from './customer-picker';
import { DateField } from '@/components/forms/date-field';

export type ActivityFilterValues = { customer?: string; type?: string; personnel?: string; from?: string; to?: string };

/** The feed's filters, kept in the URL so a filtered feed can be shared and reloaded. */
export function ActivityFilters({
  slug,
  values,
  personnelOptions,
  knownCustomer,
}: {
  slug: string;
  values: ActivityFilterValues;
  personnelOptions: { id: string; name: string }[];
  knownCustomer: CustomerChoice | null;
}) {
  const t = useTranslations('interactions');
  const router = useRouter();
  const pathname = usePathname();
  const set = (key: keyof ActivityFilterValues, value: string | null) => {
    const next = new URLSearchParams(Object.entries({ ...values, [key]: value ?? '' }).filter(([, v]) => v) as [string, string][]);
    router.push(next.size ? `${pathname}?${next}` : pathname);
  };
  const any = Object.values(values).some(Boolean);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="search">
      <div style={{ flex: '1 1 220px', minWidth: 200, maxWidth: 320 }}>
        <CustomerPicker
          slug={slug}
          label={t('customer')}
          known={knownCustomer ? [knownCustomer] : []}
          value={values.customer ?? null}
          onChange={(id) => set('customer', id)}
          data-testid="filter-customer"
        />
      </div>
      <Select
        label={t('type')}
        placeholder={t('allTypes')}
        data={INTERACTION_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
        value={values.type ?? null}
        onChange={(v) => set('type', v)}
        clearable
        w={150}
      />
      <Select
        label={t('personnel')}
        placeholder={t('allPersonnel')}
        data={personnelOptions.map((p) => ({ value: p.id, label: p.name }))}
        value={values.personnel ?? null}
        onChange={(v) => set('personnel', v)}
        clearable
        searchable
        w={180}
      />
      <DateField label={t('from')} value={values.from} onChange={(v) => set('from', v)} w={160} />
      <DateField label={t('to')} value={values.to} onChange={(v) => set('to', v)} w={160} />
      {any && (
        <Button variant="subtle" onClick={() => router.push(pathname)}>
          {t('clearFilters')}
        </Button>
      )}
    </Group>
  );
}
