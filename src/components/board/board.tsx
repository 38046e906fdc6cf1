'use client';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Box, Button, Paper, Stack, Text } from '@mantine/core';
import {
  forwardRef,
  memo,
  type CSSProperties,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useHydrated } from '../use-hydrated';
import { BoardColumnHeader } from './board-column-header';
import { applyMove, findColumnOf, neighboursOf, type BoardItems } from './board-state';
import type { BoardColumn, BoardHandle, BoardMessages, BoardMove, BoardMoveResult } from './types';

export type BoardProps<T extends { id: string }> = {
  columns: BoardColumn[];
  /** Cards of each column in order, keyed by column id. A new object re-syncs the board (a refresh). */
  items: BoardItems<T>;
  /** Renders one card. Keep it stable (useCallback) so unchanged cards are not re-rendered. */
  renderCard: (item: T, state: { dragging: boolean }) => ReactNode;
  /** A card's name for screen readers ("Website redesign"). */
  getCardLabel: (item: T) => string;
  /**
   * Called after a drop: the board has already moved the card. Resolve `{ ok: false }` to put it
   * back (the caller tells the user why).
   */
  onMove: (move: BoardMove) => Promise<BoardMoveResult>;
  messages: BoardMessages;
  /** Cards rendered per column before "show more"; keeps a board of thousands of cards quick. */
  pageSize?: number;
  /** Asked when "show more" passes the loaded cards of a column that has more (`column.count`). */
  onLoadMore?: (columnId: string) => void;
  /** Replaces the default header (title, count, totals, limit). */
  renderColumnHeader?: (column: BoardColumn, loaded: number) => ReactNode;
  /** Whether cards can be dragged (e.g. false for a read-only role). */
  disabled?: boolean;
  /** Tells the caller whether there is a move to undo (to show an undo button). */
  onUndoAvailable?: (available: boolean) => void;
};

type LastMove = { id: string; fromColumnId: string; beforeId: string | null; afterId: string | null };

function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function BoardInner<T extends { id: string }>(props: BoardProps<T>, ref: React.ForwardedRef<BoardHandle>) {
  const { columns, items: incoming, renderCard, getCardLabel, onMove, messages, pageSize = 50, onLoadMore, renderColumnHeader, disabled, onUndoAvailable } = props;
  const [items, setItems] = useState<BoardItems<T>>(incoming);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [visible, setVisible] = useState<Record<string, number>>({});
  // The column a card was picked up from and its neighbours there, for the move and for undo.
  const dragOrigin = useRef<LastMove | null>(null);
  // The items before the drag, to put everything back when the drag is cancelled.
  const beforeDrag = useRef<BoardItems<T> | null>(null);
  const lastMove = useRef<LastMove | null>(null);
  const busy = useRef(false);
  const [saving, setSaving] = useState(0);

  // New data from the caller (a refresh, a remote move) replaces the local order, except during a
  // drag or while a move is being saved: that would yank the card from under the pointer.
  const [seen, setSeen] = useState(incoming);
  if (seen !== incoming && activeId === null && saving === 0) {
    setSeen(incoming);
    setItems(incoming);
  }

  // dnd-kit numbers its accessibility ids with a counter that keeps growing on the server, so the
  // cards' aria-describedby differed between the server's HTML and the browser (a hydration error
  // on every board page). React's useId is the same on both sides.
  const dndId = useId();
  // Marks the board once its handles answer the mouse, touch and keyboard (after hydration).
  const hydrated = useHydrated();
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const byId = useMemo(() => {
    const map = new Map<string, T>();
    for (const list of Object.values(items)) for (const item of list) map.set(item.id, item);
    return map;
  }, [items]);
  const columnTitle = useCallback((id: string | undefined) => columns.find((c) => c.id === id)?.title ?? '', [columns]);

  const locate = useCallback(
    (id: UniqueIdentifier | undefined | null, source: BoardItems<T>) => {
      if (id == null) return null;
      const key = String(id);
      if (columns.some((c) => c.id === key)) return key;
      return findColumnOf(source, key);
    },
    [columns],
  );

  const runMove = useCallback(
    async (move: BoardMove, revertTo: BoardItems<T>): Promise<boolean> => {
      busy.current = true;
      setSaving((n) => n + 1);
      let ok = false;
      try {
        ok = (await onMove(move)).ok;
      } catch {
        ok = false;
      } finally {
        busy.current = false;
        setSaving((n) => n - 1);
      }
      if (!ok) setItems(revertTo);
      return ok;
    },
    [onMove],
  );

  const undo = useCallback(async () => {
    const last = lastMove.current;
    if (!last || busy.current) return;
    lastMove.current = null;
    onUndoAvailable?.(false);
    const snapshot = items;
    const toColumn = findColumnOf(items, last.id);
    if (!toColumn) return;
    setItems(applyMove(items, last.id, last.fromColumnId, last.beforeId, last.afterId));
    await runMove({ id: last.id, fromColumnId: toColumn, toColumnId: last.fromColumnId, beforeId: last.beforeId, afterId: last.afterId }, snapshot);
  }, [items, onUndoAvailable, runMove]);

  useImperativeHandle(ref, () => ({ undo, canUndo: () => lastMove.current !== null }), [undo]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !isEditableTarget(event.target)) {
        if (!lastMove.current) return;
        event.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  const onDragStart = ({ active }: DragStartEvent) => {
    const id = String(active.id);
    const column = findColumnOf(items, id);
    if (!column) return;
    beforeDrag.current = items;
    dragOrigin.current = { id, fromColumnId: column, ...neighboursOf(items[column] ?? [], id) };
    setActiveId(id);
  };

  // Moving across columns while dragging, so the target column opens a gap under the pointer.
  const onDragOver = ({ active, over }: DragOverEvent) => {
    const from = locate(active.id, items);
    const to = locate(over?.id, items);
    if (!from || !to || from === to) return;
    setItems((current) => {
      const target = current[to] ?? [];
      const overIndex = target.findIndex((item) => item.id === String(over?.id));
      const index = overIndex >= 0 ? overIndex : target.length;
      const beforeId = index > 0 ? (target[index - 1]?.id ?? null) : null;
      const afterId = target[index]?.id ?? null;
      return applyMove(current, String(active.id), to, beforeId, afterId);
    });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const id = String(active.id);
    const origin = dragOrigin.current;
    const snapshot = beforeDrag.current ?? items;
    setActiveId(null);
    dragOrigin.current = null;
    beforeDrag.current = null;
    const column = locate(id, items);
    const overColumn = locate(over?.id, items);
    if (!origin || !column || !over || !overColumn) {
      setItems(snapshot);
      return;
    }
    let next = items;
    const list = items[column] ?? [];
    const from = list.findIndex((item) => item.id === id);
    const overIndex = list.findIndex((item) => item.id === String(over.id));
    if (column === overColumn && overIndex >= 0 && overIndex !== from) {
      // Within one column: take the place of the card it was dropped on.
      const without = list.filter((item) => item.id !== id);
      const movingDown = overIndex > from;
      const anchor = list[overIndex]!;
      const anchorIndex = without.findIndex((item) => item.id === anchor.id);
      const beforeId = movingDown ? anchor.id : (without[anchorIndex - 1]?.id ?? null);
      const afterId = movingDown ? (without[anchorIndex + 1]?.id ?? null) : anchor.id;
      next = applyMove(items, id, column, beforeId, afterId);
    }
    const { beforeId, afterId } = neighboursOf(next[column] ?? [], id);
    if (column === origin.fromColumnId && beforeId === origin.beforeId && afterId === origin.afterId) {
      setItems(next);
      return;
    }
    setItems(next);
    lastMove.current = origin;
    onUndoAvailable?.(true);
    void runMove({ id, fromColumnId: origin.fromColumnId, toColumnId: column, beforeId, afterId }, snapshot).then((ok) => {
      if (!ok && lastMove.current === origin) {
        lastMove.current = null;
        onUndoAvailable?.(false);
      }
    });
  };

  const onDragCancel = () => {
    if (beforeDrag.current) setItems(beforeDrag.current);
    beforeDrag.current = null;
    dragOrigin.current = null;
    setActiveId(null);
  };

  const positionOf = (id: string, columnId: string | null) => {
    const list = columnId ? (items[columnId] ?? []) : [];
    return { position: list.findIndex((item) => item.id === id) + 1, total: list.length };
  };

  // dnd-kit reads these at event time; the caller's translated texts fill them in.
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const card = byId.get(String(active.id));
      const column = findColumnOf(items, String(active.id));
      return messages.pickedUp(card ? getCardLabel(card) : '', columnTitle(column ?? undefined));
    },
    onDragOver: ({ active, over }) => {
      if (!over) return undefined;
      const card = byId.get(String(active.id));
      const column = locate(over.id, items);
      const { position, total } = positionOf(String(active.id), column);
      return messages.movedOver(card ? getCardLabel(card) : '', columnTitle(column ?? undefined), position, total);
    },
    onDragEnd: ({ active, over }) => {
      const card = byId.get(String(active.id));
      if (!over) return messages.cancelled(card ? getCardLabel(card) : '');
      const column = locate(over.id, items);
      const { position, total } = positionOf(String(active.id), column);
      return messages.dropped(card ? getCardLabel(card) : '', columnTitle(column ?? undefined), position, total);
    },
    onDragCancel: ({ active }) => {
      const card = byId.get(String(active.id));
      return messages.cancelled(card ? getCardLabel(card) : '');
    },
  };

  const active = activeId ? byId.get(activeId) : undefined;

  return (
    <DndContext
      id={dndId}
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{ announcements, screenReaderInstructions: { draggable: messages.instructions } }}
    >
      <Box
        data-board
        data-ready={hydrated || undefined}
        style={{
          display: 'flex',
          gap: 'var(--mantine-spacing-sm)',
          overflowX: 'auto',
          alignItems: 'flex-start',
          paddingBottom: 'var(--mantine-spacing-sm)',
          scrollSnapType: 'x proximity',
        }}
      >
        {columns.map((column) => {
          const list = items[column.id] ?? [];
          const shown = visible[column.id] ?? pageSize;
          return (
            <BoardColumnView
              key={column.id}
              column={column}
              list={list}
              shown={shown}
              header={renderColumnHeader ? renderColumnHeader(column, list.length) : <BoardColumnHeader title={column.title} count={column.count ?? list.length} totals={column.totals} limit={column.limit} limitLabel={messages.limit} />}
              renderCard={renderCard}
              getCardLabel={getCardLabel}
              disabled={disabled}
              messages={messages}
              onShowMore={() => {
                const more = shown + pageSize;
                setVisible((v) => ({ ...v, [column.id]: more }));
                if (onLoadMore && more > list.length && (column.count ?? list.length) > list.length) onLoadMore(column.id);
              }}
            />
          );
        })}
      </Box>
      <DragOverlay>{active ? <Box style={{ cursor: 'grabbing' }}>{renderCard(active, { dragging: true })}</Box> : null}</DragOverlay>
    </DndContext>
  );
}

/** A generic board: columns of sortable cards, moved by mouse, touch or keyboard. */
export const Board = forwardRef(BoardInner) as <T extends { id: string }>(props: BoardProps<T> & { ref?: React.Ref<BoardHandle> }) => ReturnType<typeof BoardInner>;

type ColumnViewProps<T extends { id: string }> = {
  column: BoardColumn;
  list: T[];
  shown: number;
  header: ReactNode;
  renderCard: BoardProps<T>['renderCard'];
  getCardLabel: BoardProps<T>['getCardLabel'];
  disabled?: boolean;
  messages: BoardMessages;
  onShowMore: () => void;
};

function BoardColumnView<T extends { id: string }>({ column, list, shown, header, renderCard, getCardLabel, disabled, messages, onShowMore }: ColumnViewProps<T>) {
  const { setNodeRef, isOver } = useDroppable({ id: column.id });
  const rendered = list.length > shown ? list.slice(0, shown) : list;
  const ids = useMemo(() => rendered.map((item) => item.id), [rendered]);
  const hidden = Math.max(0, (column.count ?? list.length) - rendered.length);
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      data-column={column.id}
      aria-label={column.title}
      role="region"
      bg={isOver ? 'var(--mantine-color-default-hover)' : 'var(--mantine-color-body)'}
      // Columns share the width on a screen (at least 180 px each, so five fit beside the sidebar at
      // 1280 px); on a phone each takes most of the screen and the board scrolls sideways.
      miw={{ base: '82vw', sm: 180 }}
      maw={340}
      style={{ flex: '1 0 0', scrollSnapAlign: 'start' }}
    >
      {header}
      <SortableContext id={column.id} items={ids} strategy={verticalListSortingStrategy}>
        <Stack ref={setNodeRef} gap={6} mih={80} mt="xs" role="list" aria-label={column.title}>
          {rendered.map((item) => (
            <SortableCard key={item.id} item={item} render={renderCard} label={getCardLabel(item)} disabled={disabled} />
          ))}
          {list.length === 0 && (
            <Text c="dimmed" size="sm" ta="center" py="md">
              {messages.empty}
            </Text>
          )}
        </Stack>
      </SortableContext>
      {hidden > 0 && (
        <Button variant="subtle" size="xs" fullWidth mt="xs" onClick={onShowMore}>
          {messages.showMore(hidden)}
        </Button>
      )}
    </Paper>
  );
}

type SortableCardProps<T extends { id: string }> = { item: T; render: BoardProps<T>['renderCard']; label: string; disabled?: boolean };

function SortableCardInner<T extends { id: string }>({ item, render, label, disabled }: SortableCardProps<T>) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled });
  const style: CSSProperties = {
    transform: CSS.Translate.toString(transform),
    transition,
    opacity: isDragging ? 0.4 : 1,
    touchAction: 'manipulation',
    cursor: disabled ? undefined : 'grab',
    borderRadius: 'var(--mantine-radius-md)',
  };
  return (
    <div ref={setNodeRef} style={style} role="listitem" data-card={item.id} aria-roledescription={undefined}>
      <div {...attributes} {...listeners} aria-label={label} style={{ outlineOffset: 2, borderRadius: 'inherit' }}>
        {render(item, { dragging: false })}
      </div>
    </div>
  );
}

// Memoised: during a drag only the cards whose position changes render again.
const SortableCard = memo(SortableCardInner) as typeof SortableCardInner;
