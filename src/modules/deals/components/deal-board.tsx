'use client';
import { Anchor, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { Board, type BoardColumn, type BoardHandle, type BoardMessages, type BoardMove } from '@/components/board';
import { loadMoreDealsAction, moveDealAction } from '../actions';
import { formatMoney, formatMoneyFitting } from '@/lib/money';
import type { DealFilters, StageKind } from '../schemas';
import { formatCalendarDay } from '@/lib/format-date';

export type BoardCard = {
  id: string;
  title: string;
  position: string;
  valueMinor: number;
  currency: string;
  expectedCloseDate: string | null;
  probability: number | null;
  customer: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
};

export type BoardStage = {
  id: string;
  name: string;
  kind: StageKind;
  probability: number;
  count: number;
  totals: { currency: string; valueMinor: number; weightedMinor: number }[];
  cards: BoardCard[];
};

/** The sales board: the generic board with deals' cards, money totals and the lost-reason question. */
export function DealBoard({ slug, stages, filters, canMove }: { slug: string; stages: BoardStage[]; filters: DealFilters; canMove: boolean }) {
  const t = useTranslations('deals');
  const te = useTranslations('errors');
  const tc = useTranslations('common');
  const locale = useLocale();
  const board = useRef<BoardHandle>(null);
  const [canUndo, setCanUndo] = useState(false);
  const [extra, setExtra] = useState<Record<string, BoardCard[]>>({});
  const [lost, setLost] = useState<{ title: string; resolve: (reason: string | null) => void } | null>(null);
  const [reason, setReason] = useState('');

  const items = useMemo(() => {
    const out: Record<string, BoardCard[]> = {};
    for (const stage of stages) {
      const seen = new Set(stage.cards.map((c) => c.id));
      out[stage.id] = [...stage.cards, ...(extra[stage.id] ?? []).filter((c) => !seen.has(c.id))];
    }
    return out;
  }, [stages, extra]);

  // Totals in full ("₺50.000"); compact only when the amount is too long for the column, with
  // the full amount on hover.
  const money = useCallback(
    (kind: 'total' | 'weighted', totals: { currency: string; valueMinor: number; weightedMinor: number }[]) => {
      const parts = totals.map((x) => formatMoneyFitting(kind === 'total' ? x.valueMinor : x.weightedMinor, x.currency, locale));
      const full = t(kind, { value: parts.map((p) => p.full).join(' · ') });
      return (
        <span title={full} data-testid={`column-${kind}`}>
          {t(kind, { value: parts.map((p) => p.text).join(' · ') })}
        </span>
      );
    },
    [locale, t],
  );

  const columns: BoardColumn[] = useMemo(
    () =>
      stages.map((stage) => ({
        id: stage.id,
        title: stage.name,
        count: stage.count,
        totals:
          stage.totals.length > 0 ? (
            <Stack gap={0}>
              {money('total', stage.totals)}
              {money('weighted', stage.totals)}
            </Stack>
          ) : undefined,
      })),
    [stages, money],
  );

  const messages: BoardMessages = useMemo(
    () => ({
      instructions: t('dnd.instructions'),
      pickedUp: (card, column) => t('dnd.pickedUp', { card, column }),
      movedOver: (card, column, position, total) => t('dnd.movedOver', { card, column, position, total }),
      dropped: (card, column, position, total) => t('dnd.dropped', { card, column, position, total }),
      cancelled: (card) => t('dnd.cancelled', { card }),
      showMore: (count) => t('showMore', { count }),
      empty: t('emptyColumn'),
    }),
    [t],
  );

  const stageById = useMemo(() => new Map(stages.map((s) => [s.id, s])), [stages]);

  const askLostReason = (title: string) =>
    new Promise<string | null>((resolve) => {
      setReason('');
      setLost({ title, resolve });
    });

  const onMove = async (move: BoardMove) => {
    const target = stageById.get(move.toColumnId);
    let lostReason: string | null = null;
    if (target?.kind === 'lost' && move.fromColumnId !== move.toColumnId) {
      const card = items[move.fromColumnId]?.find((c) => c.id === move.id) ?? Object.values(items).flat().find((c) => c.id === move.id);
      // The move waits for the reason; cancelling puts the card back.
      lostReason = await askLostReason(card?.title ?? '');
      if (lostReason === null) return { ok: false };
    }
    try {
      const result = await moveDealAction(slug, { id: move.id, stageId: move.toColumnId, beforeId: move.beforeId, afterId: move.afterId, lostReason });
      notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
      return { ok: result.ok };
    } catch {
      notifications.show({ color: 'red', message: te('INTERNAL') });
      return { ok: false };
    }
  };

  const onLoadMore = async (stageId: string) => {
    const list = items[stageId] ?? [];
    const last = list[list.length - 1];
    if (!last) return;
    const result = await loadMoreDealsAction(slug, { ...filters, stageId, after: last.position });
    if (result.ok) setExtra((e) => ({ ...e, [stageId]: [...(e[stageId] ?? []), ...(result.data as BoardCard[])] }));
  };

  const renderCard = useCallback((card: BoardCard, state: { dragging: boolean }) => <DealCardView card={card} slug={slug} locale={locale} dragging={state.dragging} noCustomer={t('noCustomer')} />, [slug, locale, t]);

  return (
    <Stack gap="xs">
      {canUndo && (
        <Group justify="flex-end">
          <Button variant="subtle" size="xs" leftSection={<IconArrowBackUp size={14} />} onClick={() => void board.current?.undo()} data-testid="board-undo">
            {t('undo')}
          </Button>
        </Group>
      )}
      <Board
        ref={board}
        columns={columns}
        items={items}
        renderCard={renderCard}
        getCardLabel={(card) => card.title}
        onMove={onMove}
        messages={messages}
        onLoadMore={(id) => void onLoadMore(id)}
        disabled={!canMove}
        onUndoAvailable={setCanUndo}
      />
      <Modal
        opened={lost !== null}
        onClose={() => {
          lost?.resolve(null);
          setLost(null);
        }}
        title={t('lostReasonTitle')}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) return;
            lost?.resolve(reason.trim());
            setLost(null);
          }}
        >
          <Stack gap="sm">
            <Text size="sm" fw={500}>
              {lost?.title}
            </Text>
            <Textarea label={t('fields.lostReason')} description={t('lostReasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autoFocus required maxLength={500} data-testid="lost-reason" />
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  lost?.resolve(null);
                  setLost(null);
                }}
              >
                {tc('cancel')}
              </Button>
              <Button type="submit" color="red" disabled={!reason.trim()}>
                {t('lostReasonConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

const DealCardView = memo(function DealCardView({ card, slug, locale, dragging, noCustomer }: { card: BoardCard; slug: string; locale: string; dragging: boolean; noCustomer: string }) {
  const date = card.expectedCloseDate ? formatCalendarDay(card.expectedCloseDate, locale, 'dayMonth') : null;
  return (
    <Paper withBorder radius="md" p="xs" shadow={dragging ? 'md' : undefined} data-testid="deal-card" data-title={card.title}>
      <Anchor component={Link} href={`/${slug}/deals/${card.id}`} size="sm" fw={600} c="inherit" style={{ display: 'block', wordBreak: 'break-word' }} draggable={false}>
        {card.title}
      </Anchor>
      <Text size="xs" c="dimmed" truncate>
        {card.customer?.name ?? noCustomer}
      </Text>
      <Group justify="space-between" gap={4} mt={4} wrap="nowrap">
        <Text size="xs" fw={500}>
          {formatMoney(card.valueMinor, card.currency, locale, { hideZeroFraction: true })}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {[date, card.owner?.name].filter(Boolean).join(' · ')}
        </Text>
      </Group>
    </Paper>
  );
});
