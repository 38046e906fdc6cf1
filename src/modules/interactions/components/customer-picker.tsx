'use client';
import { MultiSelect, Select } from '@mantine/core';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { findCustomerOptionsAction } from '../actions';

export type CustomerChoice = { id: string; name: string; email: string | null; phone: string | null };

type Common = {
  slug: string;
  /** Customers already chosen (or likely), so their names show before any search. */
  known?: CustomerChoice[];
  label?: string;
  error?: React.ReactNode;
  'data-testid'?: string;
};

/**
 * Picks customers by searching on the server (folded Turkish, so "isik" finds "Işık"): the list
 * of a business may be far too long to send to the browser.
 */
export function CustomerPicker(
  props: Common &
    ({ multiple: true; value: string[]; onChange: (ids: string[]) => void } | { multiple?: false; value: string | null; onChange: (id: string | null) => void }),
) {
  const t = useTranslations('interactions');
  const [options, setOptions] = useState<Map<string, CustomerChoice>>(() => new Map((props.known ?? []).map((c) => [c.id, c])));
  const [found, setFound] = useState<string[] | null>(null);
  const [search, setSearch] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { slug } = props;

  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const result = await findCustomerOptionsAction(slug, { search }).catch(() => null);
      if (!result?.ok) return;
      setOptions((prev) => {
        const next = new Map(prev);
        for (const c of result.data) next.set(c.id, c);
        return next;
      });
      setFound(result.data.map((c) => c.id));
    }, 200);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [search, slug]);

  const selectedKey = props.multiple ? props.value.join(',') : (props.value ?? '');
  const data = useMemo(() => {
    const selected = selectedKey ? selectedKey.split(',') : [];
    const ids = [...new Set([...selected, ...(found ?? [])])];
    return ids.map((id) => {
      const c = options.get(id);
      const detail = c?.email ?? c?.phone;
      return { value: id, label: c ? (detail ? `${c.name} · ${detail}` : c.name) : id };
    });
  }, [selectedKey, found, options]);

  const shared = {
    label: props.label,
    placeholder: t('customersPlaceholder'),
    data,
    searchable: true,
    searchValue: search,
    onSearchChange: setSearch,
    // The server has already filtered.
    filter: ({ options: all }: { options: unknown[] }) => all as never,
    nothingFoundMessage: t('noCustomers'),
    error: props.error,
    'data-testid': props['data-testid'],
    comboboxProps: { withinPortal: true },
  };
  if (props.multiple) {
    return <MultiSelect {...shared} value={props.value} onChange={props.onChange} hidePickedOptions />;
  }
  return <Select {...shared} value={props.value} onChange={props.onChange} clearable />;
}
