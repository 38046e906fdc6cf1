'use client';
import {
  Anchor,
  Badge,
  Box,
  Group,
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
  UnstyledButton,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconLayoutGrid, IconList } from '@tabler/icons-react';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { CustomerSelect, customerOptionsSearch, type SelectOption } from '@/components/forms/customer-select';
import { ListBody, ListClearFilters, ListDayRange, ListEmpty, ListMultiFilter, ListPager, ListSearch, ListSort } from '@/components/list/list-controls';
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
}: {
  slug: string;
  state: ProjectListState;
  items: ProjectListItem[];
  nextCursor: string | null;
  owners: { id: string; name: string }[];
  /** The customer the list is filtered by, for the picker's label. */
  customer: SelectOption | null;
}) {
  const t = useTranslations('projects');
  const { pending, change, page } = useListUrl(state, projectListParams);
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
      <Group gap="xs" align="flex-start" wrap="wrap">
        <ListMultiFilter
          label={t('fields.status')}
          anyLabel={t('list.statusPlaceholder')}
          data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          value={state.statuses}
          onChange={(v) => change({ statuses: v as ProjectStatus[] | undefined })}
          testId="project-filter-status"
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
        <ListDayRange
          fromLabel={t('list.dueFrom')}
          toLabel={t('list.dueTo')}
          from={state.dueFrom}
          to={state.dueTo}
          onChange={({ from, to }) => change({ dueFrom: from, dueTo: to })}
          testId="project-filter-due"
        />
        {filtered && (
          <ListClearFilters
            onClear={() => change({ search: undefined, statuses: undefined, customerId: undefined, ownerId: undefined, dueFrom: undefined, dueTo: undefined })}
            testId="project-filters-clear"
          />
        )}
      </Group>

      <ListBody pending={pending}>
        {items.length === 0 ? (
          filtered || state.cursor ? (
            <ListEmpty title={t('list.noMatch')} text={t('list.noMatchText')} testId="project-empty" />
          ) : (
            <ListEmpty title={t('empty')} text={t('emptyText')} testId="project-empty" />
          )
        ) : state.view === 'list' ? (
          <ProjectTable slug={slug} items={items} sort={state.sort} dir={state.dir} onSort={(sort, dir) => change({ sort, dir })} />
        ) : (
          <ProjectList slug={slug} items={items} />
        )}
      </ListBody>
      <ListPager
        pending={pending}
        onFirst={state.cursor ? () => page(undefined) : undefined}
        onNext={nextCursor ? () => page(nextCursor) : undefined}
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
