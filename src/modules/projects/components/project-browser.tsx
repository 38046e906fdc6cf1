'use client';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  MultiSelect,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconFilterOff, IconLayoutGrid, IconList } from '@tabler/icons-react';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { CustomerSelect, customerOptionsSearch, type SelectOption } from '@/components/forms/customer-select';
import { DateField } from '@/components/forms/date-field';
import { ListPager, ListSearch, ListSort } from '@/components/list/list-controls';
import { useListUrl } from '@/components/list/use-list-url';
import { formatCalendarDay } from '@/lib/format-date';
import { hasProjectFilters, projectListParams, type ProjectListState } from '../list-params';
import { PROJECT_SORTS, PROJECT_STATUSES, type ProjectSort, type ProjectStatus, type ProjectView } from '../schemas';
import { ProjectList, STATUS_COLORS, type ProjectListItem } from './project-list';

/**
 * The projects page: search, filters, order and view in the URL; the server reads the page of
 * projects for them (keyset: "next page" carries the last row's cursor).
 */
export function ProjectBrowser({
  slug,
  state,
  items,
  nextCursor,
  owners,
  customer,
  emptyAction,
}: {
  slug: string;
  state: ProjectListState;
  items: ProjectListItem[];
  nextCursor: string | null;
  owners: { id: string; name: string }[];
  /** The customer the list is filtered by, for the picker's label. */
  customer: SelectOption | null;
  emptyAction?: React.ReactNode;
}) {
  const t = useTranslations('projects');
  const tc = useTranslations('common');
  const { pending, go } = useListUrl();
  // Any change but paging starts again from the first page.
  const change = useCallback((patch: Partial<ProjectListState>) => go(projectListParams({ ...state, cursor: undefined, ...patch })), [go, state]);
  const filtered = hasProjectFilters(state);

  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <ListSearch value={state.search ?? ''} onSearch={(search) => change({ search: search || undefined })} placeholder={t('list.searchPlaceholder')} testId="project-search" />
        <ListSort
          sorts={PROJECT_SORTS.map((s) => ({ value: s, label: t(`list.sorts.${s}`) }))}
          sort={state.sort}
          dir={state.dir}
          onChange={(sort, dir) => change({ sort, dir })}
        />
        <SegmentedControl
          aria-label={t('list.view')}
          value={state.view}
          onChange={(v) => change({ view: v as ProjectView, cursor: state.cursor })}
          data={[
            { value: 'cards', label: <Group gap={4} wrap="nowrap"><IconLayoutGrid size={14} />{t('views.cards')}</Group> },
            { value: 'list', label: <Group gap={4} wrap="nowrap"><IconList size={14} />{t('views.list')}</Group> },
          ]}
          data-testid="project-view"
        />
      </Group>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <MultiSelect
          label={t('fields.status')}
          placeholder={state.statuses?.length ? undefined : t('list.statusPlaceholder')}
          data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          value={state.statuses ?? []}
          onChange={(v) => change({ statuses: v.length ? (v as ProjectStatus[]) : undefined })}
          clearable
          w={{ base: '100%', xs: 240 }}
          data-testid="project-filter-status"
          comboboxProps={{ withinPortal: true }}
        />
        <Box w={{ base: '100%', xs: 220 }}>
          <CustomerSelect
            search={customerOptionsSearch(slug)}
            label={t('fields.customer')}
            placeholder={t('list.customerPlaceholder')}
            nothingFound={t('fields.customerNothing')}
            initial={customer}
            value={state.customerId ?? null}
            onChange={(v) => change({ customerId: v ?? undefined })}
            testId="project-filter-customer"
          />
        </Box>
        <Select
          label={t('fields.owner')}
          placeholder={t('list.ownerPlaceholder')}
          data={owners.map((o) => ({ value: o.id, label: o.name }))}
          value={state.ownerId ?? null}
          onChange={(v) => change({ ownerId: v ?? undefined })}
          searchable
          clearable
          w={{ base: '100%', xs: 180 }}
          data-testid="project-filter-owner"
          comboboxProps={{ withinPortal: true }}
        />
        <DateField
          label={t('list.dueFrom')}
          value={state.dueFrom}
          maxDate={state.dueTo}
          onChange={(v) => change({ dueFrom: v || undefined })}
          w={{ base: '48%', xs: 170 }}
          data-testid="project-filter-due-from"
        />
        <DateField
          label={t('list.dueTo')}
          value={state.dueTo}
          minDate={state.dueFrom}
          onChange={(v) => change({ dueTo: v || undefined })}
          w={{ base: '48%', xs: 170 }}
          data-testid="project-filter-due-to"
        />
        {filtered && (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} />}
            onClick={() => change({ search: undefined, statuses: undefined, customerId: undefined, ownerId: undefined, dueFrom: undefined, dueTo: undefined })}
            data-testid="project-filters-clear"
          >
            {tc('clearFilters')}
          </Button>
        )}
      </Group>

      <Box style={{ opacity: pending ? 0.55 : 1, transition: 'opacity 120ms' }} aria-busy={pending}>
        {items.length === 0 ? (
          <Paper withBorder radius="lg" p="xl" ta="center" data-testid="project-empty">
            <Title order={4}>{filtered || state.cursor ? t('list.noMatch') : t('empty')}</Title>
            <Text c="dimmed" mt={4}>
              {filtered || state.cursor ? t('list.noMatchText') : t('emptyText')}
            </Text>
            {!filtered && !state.cursor && emptyAction}
          </Paper>
        ) : state.view === 'list' ? (
          <ProjectTable slug={slug} items={items} sort={state.sort} dir={state.dir} onSort={(sort, dir) => change({ sort, dir })} />
        ) : (
          <ProjectList slug={slug} items={items} />
        )}
      </Box>
      <ListPager
        pending={pending}
        onFirst={state.cursor ? () => change({}) : undefined}
        onNext={nextCursor ? () => go(projectListParams({ ...state, cursor: nextCursor })) : undefined}
      />
    </Stack>
  );
}

const SORTABLE: Partial<Record<string, ProjectSort>> = { name: 'name', end: 'due' };

/** The list view: one row a project; the name and end-date headers sort. */
function ProjectTable({
  slug,
  items,
  sort,
  dir,
  onSort,
}: {
  slug: string;
  items: ProjectListItem[];
  sort: ProjectSort;
  dir: 'asc' | 'desc';
  onSort: (sort: ProjectSort, dir: 'asc' | 'desc') => void;
}) {
  const t = useTranslations('projects');
  const locale = useLocale();
  const header = (column: string, label: string) => {
    const key = SORTABLE[column];
    if (!key) return <TableTh key={column}>{label}</TableTh>;
    const active = sort === key;
    return (
      <TableTh key={column} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton onClick={() => onSort(key, active && dir === 'asc' ? 'desc' : 'asc')} fw={700} fz="sm" data-testid={`project-sort-${column}`}>
          <Group gap={4} wrap="nowrap">
            {label}
            {active && (dir === 'asc' ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />)}
          </Group>
        </UnstyledButton>
      </TableTh>
    );
  };
  return (
    <Paper withBorder radius="md">
      <TableScrollContainer minWidth={720}>
        <Table striped highlightOnHover stickyHeader aria-label={t('list.table')} data-testid="project-table">
          <TableThead>
            <TableTr>
              {header('name', t('fields.name'))}
              {header('customer', t('fields.customer'))}
              {header('status', t('fields.status'))}
              {header('owner', t('fields.owner'))}
              {header('end', t('fields.endDate'))}
              {header('progress', t('fields.progress'))}
            </TableTr>
          </TableThead>
          <TableTbody>
            {items.map((p) => (
              <TableTr key={p.id} data-testid="project-row">
                <TableTd>
                  <Anchor component={Link} href={`/${slug}/projects/${p.id}`} fw={600} size="sm">
                    {p.name}
                  </Anchor>
                </TableTd>
                <TableTd>
                  {p.customer ? (
                    <Anchor component={Link} href={`/${slug}/customers/${p.customer.id}`} size="sm" c="dimmed">
                      {p.customer.name}
                    </Anchor>
                  ) : null}
                </TableTd>
                <TableTd>
                  <Badge variant="light" color={STATUS_COLORS[p.status]}>
                    {t(`statuses.${p.status}`)}
                  </Badge>
                </TableTd>
                <TableTd>
                  <Text size="sm">{p.owner?.name}</Text>
                </TableTd>
                <TableTd>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {p.endDate ? formatCalendarDay(p.endDate, locale) : ''}
                  </Text>
                </TableTd>
                <TableTd>
                  <Group gap="xs" wrap="nowrap" miw={120}>
                    <Progress value={p.progress.percent} color={p.progress.percent === 100 ? 'teal' : 'blue'} style={{ flex: 1 }} aria-label={t('fields.progress')} />
                    <Text size="xs" fw={600} w={36} ta="right">
                      {p.progress.percent}%
                    </Text>
                  </Group>
                </TableTd>
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </TableScrollContainer>
    </Paper>
  );
}
