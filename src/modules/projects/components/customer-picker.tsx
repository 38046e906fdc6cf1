'use client';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState, type ReactNode } from 'react';

export type Option = { value: string; label: string };

/**
 * A searchable customer select that asks the server as the user types (the customer search of
 * the reminder form: folded Turkish, ILIKE on the trigram index).
 */
export function CustomerPicker({
  slug,
  label,
  placeholder,
  nothingFound,
  initial,
  value,
  onChange,
  error,
  testId,
}: {
  slug: string;
  label: string;
  placeholder: string;
  nothingFound: string;
  initial: Option | null;
  value?: string;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [selected, setSelected] = useState<Option | null>(initial);
  const [results, setResults] = useState<{ query: string | null; options: Option[] }>({ query: null, options: initial ? [initial] : [] });
  const wanted = selected && debounced === selected.label ? null : debounced;
  const loading = wanted !== null && results.query !== wanted;

  useEffect(() => {
    if (wanted === null) return;
    const controller = new AbortController();
    fetch(`/${slug}/reminders/customer-options?${new URLSearchParams({ q: wanted })}`, { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : { data: [] }))
      .then((body: { data: { id: string; name: string }[] }) => setResults({ query: wanted, options: body.data.map((c) => ({ value: c.id, label: c.name })) }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [slug, wanted]);

  const options = results.options;
  const data = useMemo(() => (selected && !options.some((o) => o.value === selected.value) ? [selected, ...options] : options), [options, selected]);
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={data}
      value={value || null}
      onChange={(v, option) => {
        setSelected(v && option ? { value: v, label: option.label } : null);
        onChange(v);
      }}
      searchable
      clearable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={loading ? undefined : nothingFound}
      rightSection={loading ? <Loader size={14} /> : undefined}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
