'use client';
import { ActionIcon, Box, Button, Group, Loader, MultiSelect, Paper, Select, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowBarToLeft, IconChevronRight, IconFilterOff, IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { DateField } from '@/components/forms/date-field';

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

/** A filter over a short list of known values, several at once. */
export function ListMultiFilter({
  label,
  anyLabel,
  data,
  value,
  onChange,
  testId,
}: {
  label: string;
  /** Shown while nothing is chosen. */
  anyLabel: string;
  data: { value: string; label: string }[];
  value: readonly string[] | undefined;
  onChange: (value: string[] | undefined) => void;
  testId: string;
}) {
  return (
    <MultiSelect
      label={label}
      placeholder={value?.length ? undefined : anyLabel}
      data={data}
      value={[...(value ?? [])]}
      onChange={(v) => onChange(v.length ? v : undefined)}
      clearable
      w={{ base: '100%', xs: 220 }}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** A range of calendar days, both ends optional and included. */
export function ListDayRange({
  fromLabel,
  toLabel,
  from,
  to,
  onChange,
  testId,
}: {
  fromLabel: string;
  toLabel: string;
  from: string | undefined;
  to: string | undefined;
  onChange: (range: { from?: string; to?: string }) => void;
  testId: string;
}) {
  return (
    <>
      <DateField label={fromLabel} value={from} maxDate={to} onChange={(v) => onChange({ from: v || undefined, to })} w={{ base: '48%', xs: 170 }} data-testid={`${testId}-from`} />
      <DateField label={toLabel} value={to} minDate={from} onChange={(v) => onChange({ from, to: v || undefined })} w={{ base: '48%', xs: 170 }} data-testid={`${testId}-to`} />
    </>
  );
}

export function ListClearFilters({ onClear, testId }: { onClear: () => void; testId: string }) {
  const tc = useTranslations('common');
  return (
    <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={onClear} data-testid={testId} style={{ alignSelf: 'flex-end' }}>
      {tc('clearFilters')}
    </Button>
  );
}

/** The rows of a list, dimmed while the next ones load. */
export function ListBody({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <Box style={{ opacity: pending ? 0.55 : 1, transition: 'opacity 120ms' }} aria-busy={pending}>
      {children}
    </Box>
  );
}

/** What a list shows when nothing is in it, and what to do about that. */
export function ListEmpty({ title, text, testId, children }: { title: string; text: string; testId: string; children?: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="xl" ta="center" data-testid={testId}>
      <Title order={4}>{title}</Title>
      <Text c="dimmed" mt={4}>
        {text}
      </Text>
      {children}
    </Paper>
  );
}
