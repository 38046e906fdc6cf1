'use client';
import { ActionIcon, Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLayoutKanban, IconList, IconPlus, IconSearch } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Board, BoardColumnHeader, type BoardColumn, type BoardHandle, type BoardMessages, type BoardMove } from '@/components/board';
import { createTaskAction, moveTaskAction } from '../actions';
import { TaskCard, useDueFormat, type TaskCardData } from './task-card';

export type BoardStatus = { id: string; name: string; category: string; wipLimit: number | null };

/**
 * A project's tasks as a board (columns = its statuses) or a table. A drop is saved at once; the
 * server refuses a move into a full column or of a task the person may not change, and the board
 * puts the card back. The last move can be undone (Ctrl+Z or the toast's button). Other tabs see
 * moves through the live stream, which re-renders the page with new props.
 */
export function TaskBoard({
  slug,
  projectId,
  statuses,
  tasks,
  timeZone,
  now,
  canMove,
  canCreate,
  initialView,
}: {
  slug: string;
  projectId: string;
  statuses: BoardStatus[];
  tasks: TaskCardData[];
  timeZone: string;
  now: number;
  canMove: boolean;
  canCreate: boolean;
  initialView: 'board' | 'list';
}) {
  const t = useTranslations('tasks');
  const tp = useTranslations('projects');
  const router = useRouter();
  const boardRef = useRef<BoardHandle>(null);
  // The board says there is a move to undo before it saves a drop, and that there is none before
  // it saves an undo: a save with nothing left to undo is the undo itself.
  const undoable = useRef(false);
  const moveToast = useRef<string | null>(null);
  const moveToastCount = useRef(0);
  const [view, setView] = useState<'board' | 'list'>(initialView);
  const [adding, setAdding] = useState<BoardStatus | null>(null);

  const columns: BoardColumn[] = useMemo(
    () => statuses.map((s) => ({ id: s.id, title: s.name, ...(s.wipLimit !== null ? { limit: s.wipLimit } : {}) })),
    [statuses],
  );
  const items = useMemo(() => {
    const byStatus: Record<string, TaskCardData[]> = Object.fromEntries(statuses.map((s) => [s.id, []]));
    for (const task of tasks) if (task.statusId && byStatus[task.statusId]) byStatus[task.statusId]!.push(task);
    return byStatus;
  }, [statuses, tasks]);

  const messages: BoardMessages = useMemo(
    () => ({
      instructions: t('board.instructions'),
      pickedUp: (card, column) => t('board.pickedUp', { card, column }),
      movedOver: (card, column, position, total) => t('board.movedOver', { card, column, position, total }),
      dropped: (card, column, position, total) => t('board.dropped', { card, column, position, total }),
      cancelled: (card) => t('board.cancelled', { card }),
      showMore: (hidden) => t('board.showMore', { hidden }),
      empty: t('board.empty'),
      limit: (limit) => t('board.limit', { limit }),
    }),
    [t],
  );

  const onMove = useCallback(
    async (move: BoardMove) => {
      const result = await moveTaskAction(slug, { id: move.id, statusId: move.toColumnId, beforeId: move.beforeId, afterId: move.afterId });
      if (!result.ok) {
        notifications.show({ color: 'red', message: result.message });
        return { ok: false };
      }
      // Each toast gets an id of its own: Mantine drops a show whose id is still on screen, and a
      // toast re-shown under the id of one that is still leaving never closes by itself.
      if (moveToast.current) notifications.hide(moveToast.current);
      const id = `task-move-${++moveToastCount.current}`;
      moveToast.current = id;
      if (!undoable.current) {
        notifications.show({ id, color: 'teal', message: t('undone') });
        return { ok: true };
      }
      notifications.show({
        id,
        color: 'teal',
        message: (
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{result.message}</Text>
            <Button
              size="compact-xs"
              variant="subtle"
              data-testid="undo-move"
              onClick={() => {
                notifications.hide(id);
                void boardRef.current?.undo();
              }}
            >
              {t('undo')}
            </Button>
          </Group>
        ),
      });
      return { ok: true };
    },
    [slug, t],
  );

  const renderCard = useCallback((task: TaskCardData, state: { dragging: boolean }) => <TaskCard slug={slug} task={task} timeZone={timeZone} now={now} dragging={state.dragging} />, [slug, timeZone, now]);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as 'board' | 'list')}
          data={[
            { value: 'board', label: <Group gap={4} wrap="nowrap"><IconLayoutKanban size={14} />{tp('views.board')}</Group> },
            { value: 'list', label: <Group gap={4} wrap="nowrap"><IconList size={14} />{tp('views.list')}</Group> },
          ]}
          data-testid="view-toggle"
        />
        <Button size="xs" variant="subtle" leftSection={<IconSearch size={14} />} component={Link} href={`/${slug}/tasks?${new URLSearchParams({ projectId, assignee: 'any' })}`} ml="auto" data-testid="project-task-search">
          {t('list.searchLink')}
        </Button>
        {canCreate && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} component={Link} href={`/${slug}/tasks/new?${new URLSearchParams({ projectId })}`}>
            {t('new')}
          </Button>
        )}
      </Group>
      {view === 'board' ? (
        <Board
          ref={boardRef}
          columns={columns}
          items={items}
          renderCard={renderCard}
          getCardLabel={(task) => task.title}
          onMove={onMove}
          messages={messages}
          disabled={!canMove}
          onUndoAvailable={(available) => {
            undoable.current = available;
          }}
          renderColumnHeader={(column, loaded) => (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <div style={{ flex: 1, minWidth: 0 }}>
                <BoardColumnHeader title={column.title} count={loaded} limit={column.limit} limitLabel={messages.limit} />
              </div>
              {canCreate && (
                <Tooltip label={t('addToColumn', { column: column.title })}>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={t('addToColumn', { column: column.title })}
                    data-testid="column-add"
                    onClick={() => setAdding(statuses.find((s) => s.id === column.id) ?? null)}
                  >
                    <IconPlus size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          )}
        />
      ) : (
        <TaskTable slug={slug} tasks={tasks} statuses={statuses} timeZone={timeZone} />
      )}
      <QuickAdd
        slug={slug}
        projectId={projectId}
        status={adding}
        onClose={() => setAdding(null)}
        onCreated={() => {
          setAdding(null);
          router.refresh();
        }}
      />
    </Stack>
  );
}

function QuickAdd({ slug, projectId, status, onClose, onCreated }: { slug: string; projectId: string; status: BoardStatus | null; onClose: () => void; onCreated: () => void }) {
  const t = useTranslations('tasks');
  const tc = useTranslations('common');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!status) return;
    setBusy(true);
    const result = await createTaskAction(slug, { title, projectId, statusId: status.id });
    setBusy(false);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) {
      setTitle('');
      setError(null);
      onCreated();
    } else setError(result.fields?.title ?? null);
  };
  return (
    <Modal opened={status !== null} onClose={onClose} title={status ? t('addToColumn', { column: status.name }) : ''} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('fields.title')} placeholder={t('fields.titlePlaceholder')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={error} data-autofocus required data-testid="quick-add-title" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="quick-add-submit">
              {tc('create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function TaskTable({ slug, tasks, statuses, timeZone }: { slug: string; tasks: TaskCardData[]; statuses: BoardStatus[]; timeZone: string }) {
  const t = useTranslations('tasks');
  const formatDue = useDueFormat(timeZone);
  const order = new Map(statuses.map((s, i) => [s.id, i]));
  const rows = [...tasks].sort((a, b) => (order.get(a.statusId ?? '') ?? 0) - (order.get(b.statusId ?? '') ?? 0));
  if (rows.length === 0) return <Text c="dimmed">{t('emptyBoard')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover stickyHeader data-testid="task-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.title')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('fields.assignees')}</Table.Th>
            <Table.Th>{t('fields.dueAt')}</Table.Th>
            <Table.Th>{t('fields.priority')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>
                <Link href={`/${slug}/tasks/${task.id}`}>{task.title}</Link>
              </Table.Td>
              <Table.Td>{statuses.find((s) => s.id === task.statusId)?.name ?? ''}</Table.Td>
              <Table.Td>{task.assignees.map((a) => a.name).join(', ')}</Table.Td>
              <Table.Td>{task.dueAt ? formatDue(task.dueAt) : ''}</Table.Td>
              <Table.Td>{t(`priorities.${task.priority}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
