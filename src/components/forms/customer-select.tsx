'use client';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** A choice of a Mantine Select. */
export type SelectOption = { value: string; label: string };

/** Customers whose name, e-mail or phone match `query`, as select options. */
export type CustomerSearch = (query: string) => Promise<SelectOption[]>;

/**
 * The customer search that most forms use: the folded-Turkish search behind
 * `/<business>/reminders/customer-options` (so "sirket" finds "Şirket"), which checks the
 * session and the business itself.
 */
export function customerOptionsSearch(slug: string): CustomerSearch {
  return async (query) => {
    const response = await fetch(`/${slug}/reminders/customer-options?${new URLSearchParams({ q: query })}`);
    if (!response.ok) return [];
    const body = (await response.json()) as { data: { id: string; name: string }[] };
    return body.data.map((c) => ({ value: c.id, label: c.name }));
  };
}

/**
 * A searchable customer select that asks the server as the user types: a business's customer
 * list may be far too long to send to the browser. The chosen customer stays an option while
 * other results come and go, and typing its name back into the box is not a new search.
 */
export function CustomerSelect({
  search,
  label,
  placeholder,
  nothingFound,
  initial,
  value,
  onChange,
  error,
  testId,
  w,
}: {
  search: CustomerSearch;
  label: string;
  placeholder?: string;
  nothingFound: string;
  initial: SelectOption | null;
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  testId?: string;
  w?: number;
}) {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 200);
  const [selected, setSelected] = useState<SelectOption | null>(initial);
  const [results, setResults] = useState<{ query: string | null; options: SelectOption[] }>({ query: null, options: initial ? [initial] : [] });
  const wanted = selected && debounced === selected.label ? null : debounced;
  const loading = wanted !== null && results.query !== wanted;

  // Callers may pass a new function on every render; only a new query is a new search.
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  }, [search]);

  useEffect(() => {
    if (wanted === null) return;
    let live = true;
    searchRef.current(wanted)
      .then((options) => {
        if (live) setResults({ query: wanted, options });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wanted]);

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
      searchValue={text}
      onSearchChange={setText}
      nothingFoundMessage={loading ? undefined : nothingFound}
      rightSection={loading ? <Loader size={14} /> : undefined}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
      w={w}
    />
  );
}
