'use client';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Drawer,
  Group,
  Indicator,
  Loader,
  Menu,
  Select,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue, useLocalStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAddressBook,
  IconBuilding,
  IconColumns3,
  IconDownload,
  IconFilter,
  IconPlus,
  IconSearch,
  IconSortAscending,
  IconSortDescending,
  IconTrash,
  IconUser,
} from '@tabler/icons-react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { formatMoney } from '@/lib/money';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import { assignCustomerOwnerAction, createSegmentAction, deleteCustomersAction, deleteSegmentAction, tagCustomersAction, updateSegmentAction } from '../actions';
import { CUSTOMER_SORTS, type CustomerFilter, type CustomerSort } from '../schemas';
import { activeFilterCount, CustomerFilterFields } from './customer-filters';
import { rowsUrl, type ListPage, type ListQuery, type ListRow, type Option, type SegmentOption, type TagOption } from './types';
import { useDateSettings } from '@/components/use-date-settings';
import { formatDate } from '@/lib/format-date';

const PAGE = 100;
const ROW_HEIGHT = 44;
const STATUS_COLOR = { lead: 'blue', active: 'teal', inactive: 'gray', lost: 'red' } as const;
const DEFAULT_COLUMNS: VisibilityState = {
  kind: false,
  company: true,
  jobTitle: false,
  email: true,
  phone: true,
  city: false,
  source: false,
  status: true,
  owner: true,
  tags: true,
  lifetimeValue: true,
  lastPurchase: false,
  lastInteraction: true,
  created: false,
};

/** A Turkish number in E.164 as people read it (+90 532 123 45 67); others as stored. */
function phoneText(e164: string): string {
  const m = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+90 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : e164;
}

export type ListPermissions = {
  create: boolean;
  update: boolean;
  delete: boolean;
  manageSegments: boolean;
  manageTags: boolean;
  /** Whether the role may read purchases: otherwise no lifetime value or last purchase column, sort or filter. */
  readPurchases: boolean;
};

export function CustomerList({
  slug,
  initialQuery,
  initialPage,
  renderedAt,
  tags,
  owners,
  segments,
  currency,
  can,
}: {
  slug: string;
  initialQuery: ListQuery;
  initialPage: ListPage;
  /** Changes when the server renders the page again (a live update): the list reloads. */
  renderedAt: number;
  tags: TagOption[];
  owners: Option[];
  segments: SegmentOption[];
  currency: string;
  can: ListPermissions;
}) {
  const t = useTranslations('customers');
  const tc = useTranslations('common');
  const te = useTranslations('errors');
  const { locale, timeZone } = useDateSettings();
  const router = useRouter();

  const [query, setQuery] = useState<ListQuery>(initialQuery);
  const [searchInput, setSearchInput] = useState(initialQuery.filters.search ?? '');
  const [debouncedSearch] = useDebouncedValue(searchInput, 250);
  const [rows, setRows] = useState<ListRow[]>(initialPage.data);
  const [nextCursor, setNextCursor] = useState<string | null>(initialPage.nextCursor);
  const [total, setTotal] = useState<number | null>(initialPage.total);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [draft, setDraft] = useState<CustomerFilter>(initialQuery.filters);
  const [segmentName, setSegmentName] = useState('');
  const [bulkTag, setBulkTag] = useState<string | null>(null);
  const [bulkOwner, setBulkOwner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [columnVisibility, setColumnVisibility] = useLocalStorage<VisibilityState>({
    key: 'tezgah.customers.columns',
    defaultValue: DEFAULT_COLUMNS,
  });

  // Each load has a number: an answer to an older query that arrives late is dropped.
  const requestNo = useRef(0);
  const firstRender = useRef(true);

  const load = useCallback(
    async (q: ListQuery, cursor: string | null) => {
      const no = cursor ? requestNo.current : ++requestNo.current;
      setLoading(true);
      try {
        const res = await fetch(rowsUrl(slug, 'rows', { ...q, cursor: cursor ?? undefined, limit: PAGE }), { cache: 'no-store' });
        if (!res.ok) throw new Error(String(res.status));
        const page = (await res.json()) as ListPage;
        if (no !== requestNo.current) return;
        setRows((prev) => (cursor ? [...prev, ...page.data] : page.data));
        setNextCursor(page.nextCursor);
        if (!cursor) setTotal(page.total);
      } catch {
        if (no === requestNo.current) notifications.show({ color: 'red', message: te('INTERNAL') });
      } finally {
        if (no === requestNo.current) setLoading(false);
      }
    },
    [slug, te],
  );

  // A new search, filter, segment or sort starts again from the first page.
  useEffect(() => {
    if (firstRender.current) return;
    setSelected({});
    void load(query, null);
    const params = new URLSearchParams(window.location.search);
    if (query.filters.search) params.set('q', query.filters.search);
    else params.delete('q');
    if (query.segmentId) params.set('segment', query.segmentId);
    else params.delete('segment');
    const qs = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${qs ? `?${qs}` : ''}`);
  }, [query, load]);

  useEffect(() => {
    if (firstRender.current) return;
    setQuery((q) => ({ ...q, filters: { ...q.filters, search: debouncedSearch.trim() || undefined } }));
  }, [debouncedSearch]);

  // A live update re-rendered the page on the server: reload what the list shows.
  useEffect(() => {
    if (firstRender.current) return;
    void load(query, null);
    // Only a new render time should trigger this, not a query change (handled above).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [renderedAt]);

  useEffect(() => {
    firstRender.current = false;
  }, []);

  const money = useCallback(
    (minor: number) => formatMoney(minor, currency, locale),
    [locale, currency],
  );
  const date = useCallback((iso: string | null) => (iso ? formatDate(new Date(iso), locale, timeZone) : '—'), [locale, timeZone]);

  const columns = useMemo<ColumnDef<ListRow>[]>(
    () => [
      {
        id: 'select',
        size: 44,
        enableHiding: false,
        header: ({ table }) => (
          <Checkbox
            aria-label={t('selectAll')}
            checked={table.getIsAllRowsSelected()}
            indeterminate={table.getIsSomeRowsSelected()}
            onChange={table.getToggleAllRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <Checkbox aria-label={t('selectRow', { name: row.original.name })} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
        ),
      },
      {
        id: 'name',
        size: 240,
        enableHiding: false,
        header: t('columns.name'),
        cell: ({ row }) => (
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            {row.original.kind === 'company' ? <IconBuilding size={15} style={{ flexShrink: 0 }} /> : <IconUser size={15} style={{ flexShrink: 0 }} />}
            <Anchor component={Link} href={`/${slug}/customers/${row.original.id}`} fw={600} size="sm" truncate>
              {row.original.name}
            </Anchor>
          </Group>
        ),
      },
      { id: 'kind', size: 90, header: t('columns.kind'), cell: ({ row }) => t(`kind.${row.original.kind}`) },
      {
        id: 'company',
        size: 180,
        header: t('columns.company'),
        cell: ({ row }) =>
          row.original.companyId ? (
            <Anchor component={Link} href={`/${slug}/customers/${row.original.companyId}`} size="sm" truncate>
              {row.original.companyName}
            </Anchor>
          ) : null,
      },
      { id: 'jobTitle', size: 140, header: t('columns.jobTitle'), cell: ({ row }) => row.original.jobTitle },
      { id: 'email', size: 220, header: t('columns.email'), cell: ({ row }) => row.original.email },
      { id: 'phone', size: 160, header: t('columns.phone'), cell: ({ row }) => (row.original.phone ? phoneText(row.original.phone) : null) },
      { id: 'city', size: 110, header: t('columns.city'), cell: ({ row }) => row.original.city },
      { id: 'source', size: 110, header: t('columns.source'), cell: ({ row }) => row.original.source },
      {
        id: 'status',
        size: 110,
        header: t('columns.status'),
        cell: ({ row }) => (
          <Badge variant="light" color={STATUS_COLOR[row.original.status]}>
            {t(`status.${row.original.status}`)}
          </Badge>
        ),
      },
      { id: 'owner', size: 140, header: t('columns.owner'), cell: ({ row }) => row.original.ownerName },
      {
        id: 'tags',
        size: 200,
        header: t('columns.tags'),
        cell: ({ row }) => (
          <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
            {row.original.tags.map((tag) => (
              <Badge key={tag.id} color={tag.color} variant="light" size="sm" style={{ flexShrink: 0 }}>
                {tag.name}
              </Badge>
            ))}
          </Group>
        ),
      },
      ...(can.readPurchases
        ? ([
            { id: 'lifetimeValue', size: 140, header: t('columns.lifetimeValue'), cell: ({ row }) => money(row.original.lifetimeValueMinor ?? 0) },
            { id: 'lastPurchase', size: 130, header: t('columns.lastPurchase'), cell: ({ row }) => date(row.original.lastPurchaseAt) },
          ] satisfies ColumnDef<ListRow>[])
        : []),
      { id: 'lastInteraction', size: 130, header: t('columns.lastInteraction'), cell: ({ row }) => date(row.original.lastInteractionAt) },
      { id: 'created', size: 130, header: t('columns.created'), cell: ({ row }) => date(row.original.createdAt) },
    ],
    [t, slug, money, date, can.readPurchases],
  );

  // TanStack Table hands out functions the React Compiler cannot memoise; it skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    state: { rowSelection: selected, columnVisibility },
    onRowSelectionChange: setSelected,
    onColumnVisibilityChange: setColumnVisibility,
    enableRowSelection: can.update || can.delete,
    manualSorting: true,
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length + (nextCursor ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  // Near the end of what is loaded: fetch the next keyset page.
  useEffect(() => {
    if (nextCursor && !loading && lastIndex >= tableRows.length - 10) void load(query, nextCursor);
  }, [lastIndex, nextCursor, loading, tableRows.length, load, query]);

  const selectedIds = Object.keys(selected).filter((id) => selected[id]);
  const visibleColumns = table.getVisibleLeafColumns();
  const width = visibleColumns.reduce((sum, c) => sum + c.getSize(), 0);
  const hiding = table.getAllLeafColumns().filter((c) => c.getCanHide());
  const filterCount = activeFilterCount(query.filters);
  const hasQuery = filterCount > 0 || !!query.filters.search || !!query.segmentId;
  const segment = segments.find((s) => s.id === query.segmentId);

  async function runBulk(fn: () => Promise<{ ok: boolean; message: string }>) {
    setBusy(true);
    try {
      const result = await fn();
      notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
      if (result.ok) {
        setSelected({});
        await load(query, null);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <TextInput
          value={searchInput}
          onChange={(e) => setSearchInput(e.currentTarget.value)}
          placeholder={t('searchPlaceholder')}
          aria-label={tc('search')}
          leftSection={<IconSearch size={16} />}
          style={{ flex: '1 1 260px', maxWidth: 400 }}
          data-testid="customer-search"
        />
        <Group gap="xs" wrap="nowrap" style={{ flex: '1 1 300px', maxWidth: 360 }}>
          <Select
            aria-label={t('segments.label')}
            placeholder={t('segments.all')}
            data={segments.map((s) => ({ value: s.id, label: `${s.name} (${s.count})` }))}
            value={query.segmentId ?? null}
            onChange={(v) => setQuery((q) => ({ ...q, segmentId: v ?? undefined }))}
            clearable
            style={{ flex: 1, minWidth: 0 }}
            data-testid="segment-select"
          />
          {segment && can.manageSegments && (
            <Tooltip label={t('segments.delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('segments.delete')}
                onClick={async () => {
                  const ok = await confirmDelete({
                    title: tc('confirmDeleteTitle'),
                    body: t('segments.deleteConfirm', { name: segment.name }),
                    confirm: tc('delete'),
                    cancel: tc('cancel'),
                  });
                  if (!ok) return;
                  const result = await deleteSegmentAction(slug, { id: segment.id });
                  notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
                  if (result.ok) {
                    setQuery((q) => ({ ...q, segmentId: undefined }));
                    router.refresh();
                  }
                }}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <Indicator label={filterCount} size={16} disabled={filterCount === 0}>
            <Button
              variant="default"
              leftSection={<IconFilter size={16} />}
              onClick={() => {
                // With a segment chosen and no filters of its own, the drawer starts from the segment's.
                const own = activeFilterCount(query.filters) > 0;
                setDraft(!own && segment ? segment.filters : query.filters);
                setDrawerOpen(true);
              }}
            >
              {t('filters.button')}
            </Button>
          </Indicator>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Select
            aria-label={t('sortBy')}
            data={CUSTOMER_SORTS.filter((s) => can.readPurchases || s !== 'lifetimeValue').map((s) => ({ value: s, label: t(`sorts.${s}`) }))}
            value={query.sort}
            onChange={(v) => v && setQuery((q) => ({ ...q, sort: v as CustomerSort }))}
            allowDeselect={false}
            w={150}
          />
          <Tooltip label={query.dir === 'asc' ? t('ascending') : t('descending')}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={query.dir === 'asc' ? t('ascending') : t('descending')}
              onClick={() => setQuery((q) => ({ ...q, dir: q.dir === 'asc' ? 'desc' : 'asc' }))}
            >
              {query.dir === 'asc' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
            </ActionIcon>
          </Tooltip>
          <Menu closeOnItemClick={false} position="bottom-end">
            <Menu.Target>
              <Tooltip label={t('columnsMenu')}>
                <ActionIcon variant="default" size="lg" aria-label={t('columnsMenu')}>
                  <IconColumns3 size={18} />
                </ActionIcon>
              </Tooltip>
            </Menu.Target>
            <Menu.Dropdown>
              {hiding.map((column) => (
                <Menu.Item key={column.id} onClick={column.getToggleVisibilityHandler()}>
                  <Checkbox readOnly checked={column.getIsVisible()} label={t(`columns.${column.id}` as never)} styles={{ input: { cursor: 'pointer' } }} />
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Tooltip label={t('export')}>
            <ActionIcon
              component="a"
              href={rowsUrl(slug, 'export', { filters: query.filters, segmentId: query.segmentId, sort: query.sort, dir: query.dir })}
              variant="default"
              size="lg"
              aria-label={t('export')}
            >
              <IconDownload size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>

      <Group justify="space-between" gap="xs" mih={36}>
        <Group gap="xs">
          <Text size="sm" c="dimmed" data-testid="customer-total">
            {total === null ? '' : t('total', { count: total })}
          </Text>
          {loading && <Loader size="xs" />}
          {hasQuery && (
            <Anchor
              component="button"
              size="sm"
              onClick={() => {
                setSearchInput('');
                setQuery((q) => ({ ...q, filters: {}, segmentId: undefined }));
              }}
            >
              {t('clearFilters')}
            </Anchor>
          )}
        </Group>
        {selectedIds.length > 0 && (
          <Group gap="xs" data-testid="bulk-bar">
            <Text size="sm" fw={600}>
              {t('selected', { count: selectedIds.length })}
            </Text>
            {can.update && (
              <>
                <Select size="xs" w={150} placeholder={t('bulk.chooseTag')} data={tags.map((tag) => ({ value: tag.id, label: tag.name }))} value={bulkTag} onChange={setBulkTag} searchable />
                <Button
                  size="xs"
                  variant="default"
                  disabled={!bulkTag}
                  loading={busy}
                  onClick={() => runBulk(() => tagCustomersAction(slug, { customerIds: selectedIds, tagId: bulkTag }))}
                >
                  {t('bulk.tag')}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  disabled={!bulkTag}
                  loading={busy}
                  onClick={() => runBulk(() => tagCustomersAction(slug, { customerIds: selectedIds, tagId: bulkTag, remove: true }))}
                >
                  {t('bulk.untag')}
                </Button>
                <Select
                  size="xs"
                  w={160}
                  placeholder={t('bulk.chooseOwner')}
                  data={[{ value: '', label: t('fields.noOwner') }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
                  value={bulkOwner}
                  onChange={setBulkOwner}
                  searchable
                />
                <Button
                  size="xs"
                  variant="default"
                  disabled={bulkOwner === null}
                  loading={busy}
                  onClick={() => runBulk(() => assignCustomerOwnerAction(slug, { customerIds: selectedIds, ownerId: bulkOwner || null }))}
                >
                  {t('bulk.assign')}
                </Button>
              </>
            )}
            {can.delete && (
              <Button
                size="xs"
                color="red"
                variant="light"
                leftSection={<IconTrash size={14} />}
                loading={busy}
                onClick={async () => {
                  const ok = await confirmDelete({
                    title: tc('confirmDeleteTitle'),
                    body: t('bulk.deleteConfirm', { count: selectedIds.length }),
                    confirm: tc('delete'),
                    cancel: tc('cancel'),
                  });
                  if (ok) await runBulk(() => deleteCustomersAction(slug, { ids: selectedIds }));
                }}
              >
                {t('bulk.delete')}
              </Button>
            )}
          </Group>
        )}
      </Group>

      {rows.length === 0 && !loading ? (
        <Card withBorder padding="xl">
          <Stack align="center" gap="xs" py="lg">
            <ThemeIcon size={44} variant="light" radius="xl">
              <IconAddressBook size={24} />
            </ThemeIcon>
            <Text fw={600}>{hasQuery ? t('noResults') : t('emptyTitle')}</Text>
            {!hasQuery && (
              <Text size="sm" c="dimmed" ta="center" maw={420}>
                {t('emptyText')}
              </Text>
            )}
            {!hasQuery && can.create && (
              <Button component={Link} href={`/${slug}/customers/new`} mt="sm" leftSection={<IconPlus size={16} />}>
                {t('new')}
              </Button>
            )}
          </Stack>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          <div
            ref={scrollRef}
            data-testid="customer-table"
            style={{ height: 'calc(100dvh - 260px)', minHeight: 320, overflow: 'auto', position: 'relative' }}
          >
            <table role="grid" style={{ display: 'grid', width, minWidth: '100%', borderCollapse: 'collapse', fontSize: 'var(--mantine-font-size-sm)' }}>
              <thead
                style={{
                  display: 'grid',
                  position: 'sticky',
                  top: 0,
                  zIndex: 2,
                  background: 'var(--mantine-color-body)',
                  borderBottom: '1px solid var(--mantine-color-default-border)',
                }}
              >
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id} style={{ display: 'flex', width: '100%' }}>
                    {group.headers.map((header) => (
                      <th
                        key={header.id}
                        style={{
                          display: 'flex',
                          alignItems: 'center',
                          width: header.getSize(),
                          flex: header.column.id === 'name' ? `1 0 ${header.getSize()}px` : undefined,
                          padding: '8px 10px',
                          textAlign: 'left',
                          fontWeight: 600,
                          whiteSpace: 'nowrap',
                        }}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </th>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody style={{ display: 'grid', height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const row = tableRows[item.index];
                  if (!row) {
                    return (
                      <tr key="loader" style={{ display: 'flex', position: 'absolute', transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width: '100%' }}>
                        <td style={{ padding: '10px', display: 'flex', gap: 8, alignItems: 'center' }}>
                          <Loader size="xs" />
                          <Text size="sm" c="dimmed">
                            {t('loadingMore')}
                          </Text>
                        </td>
                      </tr>
                    );
                  }
                  return (
                    <tr
                      key={row.id}
                      data-testid="customer-row"
                      style={{
                        display: 'flex',
                        position: 'absolute',
                        transform: `translateY(${item.start}px)`,
                        height: ROW_HEIGHT,
                        width: '100%',
                        borderBottom: '1px solid var(--mantine-color-default-border)',
                        background: row.getIsSelected() ? 'var(--mantine-primary-color-light)' : undefined,
                      }}
                    >
                      {row.getVisibleCells().map((cell) => (
                        <td
                          key={cell.id}
                          style={{
                            display: 'flex',
                            alignItems: 'center',
                            width: cell.column.getSize(),
                            flex: cell.column.id === 'name' ? `1 0 ${cell.column.getSize()}px` : undefined,
                            padding: '0 10px',
                            overflow: 'hidden',
                            whiteSpace: 'nowrap',
                            textOverflow: 'ellipsis',
                            minWidth: 0,
                          }}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      )}

      <Drawer opened={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('filters.title')} position="right" size="md">
        <Stack gap="md">
          <CustomerFilterFields value={draft} onChange={setDraft} tags={tags} owners={owners} purchaseFigures={can.readPurchases} currency={currency} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => setDraft({})}>
              {t('filters.reset')}
            </Button>
            <Button
              onClick={() => {
                setQuery((q) => ({ ...q, filters: { ...draft, search: q.filters.search } }));
                setDrawerOpen(false);
              }}
            >
              {t('filters.apply')}
            </Button>
          </Group>
          {can.manageSegments && (
            <Card withBorder padding="sm">
              <Stack gap="xs">
                <TextInput label={t('segments.name')} value={segmentName} onChange={(e) => setSegmentName(e.currentTarget.value)} />
                <Button
                  variant="light"
                  disabled={!segmentName.trim()}
                  onClick={async () => {
                    const { search: _search, ...filters } = draft;
                    const result = await createSegmentAction(slug, { name: segmentName, filters });
                    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
                    if (result.ok) {
                      setSegmentName('');
                      setDrawerOpen(false);
                      setQuery((q) => ({ ...q, filters: { search: q.filters.search }, segmentId: (result.data as { id: string }).id }));
                      router.refresh();
                    }
                  }}
                >
                  {t('segments.save')}
                </Button>
                {segment && (
                  <Button
                    variant="default"
                    onClick={async () => {
                      const { search: _search, ...filters } = draft;
                      const result = await updateSegmentAction(slug, { id: segment.id, version: segment.version, name: segment.name, filters });
                      notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
                      if (result.ok) {
                        setDrawerOpen(false);
                        setQuery((q) => ({ ...q, filters: { search: q.filters.search } }));
                        router.refresh();
                      }
                    }}
                  >
                    {t('segments.update', { name: segment.name })}
                  </Button>
                )}
              </Stack>
            </Card>
          )}
        </Stack>
      </Drawer>
    </Stack>
  );
}
