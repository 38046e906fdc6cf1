import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Board order keys. A card's `position` is a fractional-index key compared byte-wise
 * (`COLLATE "C"` in the database), so a move writes one row: the key between its new neighbours.
 * `null` stands for "no neighbour" (start or end of a column).
 */
export function keyBetween(before: string | null | undefined, after: string | null | undefined): string {
  // The library throws when a ≥ b; neighbours read under a lock are ordered, so that is a bug.
  return generateKeyBetween(before ?? null, after ?? null);
}

/** `n` ordered keys between two neighbours (bulk inserts, seeding). */
export function keysBetween(before: string | null | undefined, after: string | null | undefined, n: number): string[] {
  return generateNKeysBetween(before ?? null, after ?? null, n);
}

/** Byte-wise comparison, the same order as `COLLATE "C"`. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
