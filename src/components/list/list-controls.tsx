'use client';
import { ActionIcon, Button, Group, Loader, Select, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowBarToLeft, IconChevronRight, IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

/** A search box that reports what was typed once the typing pauses. */
export function ListSearch({ value, onSearch, placeholder, testId }: { value: string; onSearch: (value: string) => void; placeholder: string; testId?: string }) {
  const tc = useTranslations('common');
  const [text, setText] = useState(value);
  // The search of the URL changed from outside (filters cleared, back button): show it.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value.trim() !== text.trim()) setText(value);
  }
  const [debounced] = useDebouncedValue(text, 300);
  const reported = useRef(value);
  useEffect(() => {
    const next = debounced.trim();
    if (next === reported.current.trim() || next === value.trim()) {
      reported.current = next;
      return;
    }
    reported.current = next;
    onSearch(next);
  }, [debounced, onSearch, value]);
  return (
    <TextInput
      aria-label={tc('search')}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && text.trim() !== value.trim()) {
          reported.current = text.trim();
          onSearch(text.trim());
        }
      }}
      style={{ flex: '1 1 220px', minWidth: 180 }}
      data-testid={testId}
    />
  );
}

/** The order of a list: a choice of orders and a button that turns the direction around. */
export function ListSort<S extends string>({
  sorts,
  sort,
  dir,
  onChange,
}: {
  sorts: { value: S; label: string }[];
  sort: S;
  dir: 'asc' | 'desc';
  onChange: (sort: S, dir: 'asc' | 'desc') => void;
}) {
  const tc = useTranslations('common');
  const dirLabel = dir === 'asc' ? tc('ascending') : tc('descending');
  return (
    <Group gap={4} wrap="nowrap">
      <Select
        aria-label={tc('sortBy')}
        data={sorts}
        value={sort}
        onChange={(v) => v && onChange(v as S, dir)}
        allowDeselect={false}
        w={170}
        data-testid="list-sort"
      />
      <Tooltip label={dirLabel}>
        <ActionIcon variant="default" size="lg" aria-label={dirLabel} onClick={() => onChange(sort, dir === 'asc' ? 'desc' : 'asc')} data-testid="list-sort-dir">
          {dir === 'asc' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** Keyset paging: back to the first page, or on to the next; pages have no numbers. */
export function ListPager({ onFirst, onNext, pending }: { onFirst?: () => void; onNext?: () => void; pending: boolean }) {
  const tc = useTranslations('common');
  if (!onFirst && !onNext) return null;
  return (
    <Group justify="center" gap="xs" mt="sm">
      {pending && <Loader size="xs" aria-label={tc('loading')} />}
      {onFirst && (
        <Button variant="default" size="xs" leftSection={<IconArrowBarToLeft size={14} />} onClick={onFirst} data-testid="list-first-page">
          {tc('firstPage')}
        </Button>
      )}
      {onNext && (
        <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} onClick={onNext} data-testid="list-next-page">
          {tc('nextPage')}
        </Button>
      )}
    </Group>
  );
}
