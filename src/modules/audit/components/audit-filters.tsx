'use client';
import { Group, Select } from '@mantine/core';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../schemas';

export function AuditFilters() {
  const t = useTranslations('audit');
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    next.delete('cursor');
    if (value) next.set(name, value);
    else next.delete(name);
    router.push(`${pathname}?${next}`);
  };
  return (
    <Group gap="sm">
      <Select
        placeholder={t('allEntities')}
        aria-label={t('entity')}
        clearable
        value={params.get('entityType')}
        data={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`entities.${e}`) }))}
        onChange={(v) => set('entityType', v)}
        w={200}
      />
      <Select
        placeholder={t('allActions')}
        aria-label={t('action')}
        clearable
        value={params.get('action')}
        data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`actions.${a}`) }))}
        onChange={(v) => set('action', v)}
        w={200}
      />
    </Group>
  );
}
