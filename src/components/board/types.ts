import type { ReactNode } from 'react';

export type BoardColumn = {
  id: string;
  title: string;
  /** All cards in the column, also those not loaded yet; defaults to the loaded ones. */
  count?: number;
  /** Shown under the title, e.g. the column's value and weighted value, already formatted. */
  totals?: ReactNode;
  /** A work-in-progress limit: the count turns red above it. */
  limit?: number;
};

/**
 * A finished drop. `beforeId` is the card now right above the moved one (null: it is first),
 * `afterId` the card right below it (null: it is last).
 */
export type BoardMove = { id: string; fromColumnId: string; toColumnId: string; beforeId: string | null; afterId: string | null };
export type BoardMoveResult = { ok: boolean };

/** Texts the board shows or announces; the caller translates them. */
export type BoardMessages = {
  instructions: string;
  pickedUp: (card: string, column: string) => string;
  movedOver: (card: string, column: string, position: number, total: number) => string;
  dropped: (card: string, column: string, position: number, total: number) => string;
  cancelled: (card: string) => string;
  showMore: (hidden: number) => string;
  empty: string;
  /** "limit 5" next to the count, when a column has a limit. */
  limit?: (limit: number) => string;
};

export type BoardHandle = {
  /** Moves the last moved card back where it was (also Ctrl+Z / ⌘Z). */
  undo: () => Promise<void>;
  canUndo: () => boolean;
};
