'use client';
import { Select } from '@mantine/core';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { INTERACTION_TYPES } from '../schemas';

/** The search parameter of the customer page that narrows its timeline to one type. */
export const TIMELINE_TYPE_PARAM = 'timeline';

/** Narrows a customer's timeline to one type (kept in the URL, so live refreshes and reloads keep it). */
export function TimelineTypeFilter({ value }: { value: string | null }) {
  const t = useTranslations('interactions');
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <Select
      aria-label={t('type')}
      placeholder={t('allTypes')}
      data={INTERACTION_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
      value={value}
      onChange={(v) => {
        const next = new URLSearchParams(params);
        if (v) next.set(TIMELINE_TYPE_PARAM, v);
        else next.delete(TIMELINE_TYPE_PARAM);
        router.replace(next.size ? `${pathname}?${next}` : pathname, { scroll: false });
      }}
      clearable
      size="xs"
      w={140}
      data-testid="timeline-type"
    />
  );
}
