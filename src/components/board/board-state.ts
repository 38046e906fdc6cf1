/** Pure helpers for the board's local order; kept apart so they are easy to test. */
export type BoardItems<T> = Record<string, T[]>;

export function findColumnOf<T extends { id: string }>(items: BoardItems<T>, id: string): string | null {
  for (const [column, list] of Object.entries(items)) if (list.some((item) => item.id === id)) return column;
  return null;
}

/** The ids of the cards right above and below `id` in a column. */
export function neighboursOf<T extends { id: string }>(list: T[], id: string): { beforeId: string | null; afterId: string | null } {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) return { beforeId: null, afterId: null };
  return { beforeId: list[index - 1]?.id ?? null, afterId: list[index + 1]?.id ?? null };
}

/**
 * Moves a card into `toColumn` between `beforeId` and `afterId` (either may be null, or not loaded:
 * then the card goes next to the one that is, or to the top). Returns new arrays only for the
 * columns that changed, so untouched columns keep their identity and do not re-render.
 */
export function applyMove<T extends { id: string }>(
  items: BoardItems<T>,
  id: string,
  toColumn: string,
  beforeId: string | null,
  afterId: string | null,
): BoardItems<T> {
  const fromColumn = findColumnOf(items, id);
  if (!fromColumn) return items;
  const card = items[fromColumn]!.find((item) => item.id === id)!;
  const next: BoardItems<T> = { ...items, [fromColumn]: items[fromColumn]!.filter((item) => item.id !== id) };
  const target = [...(next[toColumn] ?? [])];
  let index = 0;
  const beforeIndex = beforeId ? target.findIndex((item) => item.id === beforeId) : -1;
  const afterIndex = afterId ? target.findIndex((item) => item.id === afterId) : -1;
  if (beforeIndex >= 0) index = beforeIndex + 1;
  else if (afterIndex >= 0) index = afterIndex;
  else if (beforeId && !afterId) index = target.length;
  target.splice(index, 0, card);
  next[toColumn] = target;
  return next;
}
