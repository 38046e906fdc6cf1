'use client';
import {
  Anchor,
  Badge,
  Group,
  Paper,
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
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ListBody, ListClearFilters, ListDayRange, ListEmpty, ListMultiFilter, ListPager, ListSearch, ListSort } from '@/components/list/list-controls';
import { useListUrl } from '@/components/list/use-list-url';
import { isTaskSearch, taskListParams, type TaskListState } from '../list-params';
import { TASK_CATEGORIES, TASK_PRIORITIES, TASK_SORTS, type TaskCategory, type TaskPriority } from '../schemas';
import { PRIORITY_COLORS, useDueFormat, type TaskCardData } from './task-card';

const CATEGORY_COLORS: Record<TaskCategory, string> = { todo: 'gray', in_progress: 'blue', done: 'teal' };

/**
 * Search, filters and order of the task lists, kept in the URL. With none of them set, "my
 * tasks" shows its groups (`children`); otherwise the server's keyset page of matching tasks.
 */
export function TaskBrowser({
  slug,
  state,
  tasks,
  nextCursor,
  people,
  project,
  timeZone,
  children,
}: {
  slug: string;
  state: TaskListState;
  tasks: TaskCardData[];
  nextCursor: string | null;
  people: { id: string; name: string }[];
  /** The project the list is limited to, for its label. */
  project: { id: string; name: string } | null;
  timeZone: string;
  children?: ReactNode;
}) {
  const t = useTranslations('tasks');
  const tp = useTranslations('projects');
  const tc = useTranslations('common');
  const { pending, change, page } = useListUrl(state, taskListParams);
  const searching = isTaskSearch(state);
  const filtered = Boolean(state.search || state.categories?.length || state.priorities?.length || state.dueFrom || state.dueTo);

  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <ListSearch value={state.search ?? ''} onSearch={(search) => change({ search: search || undefined })} placeholder={t('list.searchPlaceholder')} testId="task-search" />
        <ListSort sorts={TASK_SORTS.map((s) => ({ value: s, label: t(`list.sorts.${s}`) }))} sort={state.sort} dir={state.dir} onChange={(sort, dir) => change({ sort, dir })} />
      </Group>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <ListMultiFilter
          label={t('fields.category')}
          anyLabel={t('list.statusPlaceholder')}
          data={TASK_CATEGORIES.map((c) => ({ value: c, label: tp(`categories.${c}`) }))}
          value={state.categories}
          onChange={(v) => change({ categories: v as TaskCategory[] | undefined })}
          testId="task-filter-status"
        />
        <ListMultiFilter
          label={t('fields.priority')}
          anyLabel={t('list.priorityPlaceholder')}
          data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) }))}
          value={state.priorities}
          onChange={(v) => change({ priorities: v as TaskPriority[] | undefined })}
          testId="task-filter-priority"
        />
        <Select
          label={t('list.assignee')}
          data={[{ value: 'me', label: tc('me') }, { value: 'any', label: tc('anyone') }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
          value={state.assignee}
          onChange={(v) => change({ assignee: v ?? 'me' })}
          allowDeselect={false}
          searchable
          w={{ base: '100%', xs: 180 }}
          data-testid="task-filter-assignee"
          comboboxProps={{ withinPortal: true }}
        />
        <ListDayRange
          fromLabel={t('list.dueFrom')}
          toLabel={t('list.dueTo')}
          from={state.dueFrom}
          to={state.dueTo}
          onChange={({ from, to }) => change({ dueFrom: from, dueTo: to })}
          testId="task-filter-due"
        />
        {filtered && (
          <ListClearFilters onClear={() => change({ search: undefined, categories: undefined, priorities: undefined, dueFrom: undefined, dueTo: undefined })} testId="task-filters-clear" />
        )}
      </Group>
      {project && (
        <Group gap="xs">
          <Badge variant="light" size="lg" rightSection={
            <Anchor component="button" type="button" aria-label={t('list.projectClear')} onClick={() => change({ projectId: undefined })} c="inherit" lh={0}>
              <IconX size={12} />
            </Anchor>
          } data-testid="task-filter-project">
            {t('list.project', { name: project.name })}
          </Badge>
        </Group>
      )}

      <ListBody pending={pending}>
        {!searching ? (
          children
        ) : tasks.length === 0 ? (
          <ListEmpty title={t('list.noMatch')} text={t('list.noMatchText')} testId="task-empty" />
        ) : (
          <TaskResults slug={slug} tasks={tasks} timeZone={timeZone} />
        )}
      </ListBody>
      {searching && (
        <ListPager
          pending={pending}
          onFirst={state.cursor ? () => page(undefined) : undefined}
          onNext={nextCursor ? () => page(nextCursor) : undefined}
        />
      )}
    </Stack>
  );
}

function TaskResults({ slug, tasks, timeZone }: { slug: string; tasks: TaskCardData[]; timeZone: string }) {
  const t = useTranslations('tasks');
  const tp = useTranslations('projects');
  const formatDue = useDueFormat(timeZone);
  return (
    <Paper withBorder radius="md">
      <TableScrollContainer minWidth={720}>
        <Table striped highlightOnHover stickyHeader aria-label={t('list.table')} data-testid="task-table">
          <TableThead>
            <TableTr>
              <TableTh>{t('fields.title')}</TableTh>
              <TableTh>{t('fields.project')}</TableTh>
              <TableTh>{t('fields.customer')}</TableTh>
              <TableTh>{t('fields.category')}</TableTh>
              <TableTh>{t('fields.priority')}</TableTh>
              <TableTh>{t('fields.dueAt')}</TableTh>
              <TableTh>{t('fields.assignees')}</TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {tasks.map((task) => (
              <TableTr key={task.id} data-testid="task-row">
                <TableTd>
                  <Anchor component={Link} href={`/${slug}/tasks/${task.id}`} size="sm" fw={500}>
                    {task.title}
                  </Anchor>
                </TableTd>
                <TableTd>
                  {task.project && (
                    <Anchor component={Link} href={`/${slug}/projects/${task.project.id}`} size="sm" c="dimmed">
                      {task.project.name}
                    </Anchor>
                  )}
                </TableTd>
                <TableTd>
                  <Text size="sm" c="dimmed">
                    {task.customer?.name}
                  </Text>
                </TableTd>
                <TableTd>
                  <Badge variant="light" color={CATEGORY_COLORS[task.category]}>
                    {tp(`categories.${task.category}`)}
                  </Badge>
                </TableTd>
                <TableTd>
                  <Badge variant="light" color={PRIORITY_COLORS[task.priority]}>
                    {t(`priorities.${task.priority}`)}
                  </Badge>
                </TableTd>
                <TableTd>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {task.dueAt ? formatDue(task.dueAt) : ''}
                  </Text>
                </TableTd>
                <TableTd>
                  <Text size="sm">{task.assignees.map((a) => a.name).join(', ')}</Text>
                </TableTd>
              </TableTr>
            ))}
          </TableTbody>
        </Table>
      </TableScrollContainer>
    </Paper>
  );
}
