import 'server-only';
import { asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor, instantInRange, invalidCursor } from '@/lib/cursors';
import { isUuid } from '@/lib/ids';

/*
 * Keyset paging over one sort expression and the id: a page ends with the (value, id) of its last
 * row, and the next page starts after it in the same order, so page 1,000 costs what page 1 does.
 * The lists of customers, projects and tasks share these pieces; each has an index on
 * (business_id, expression, id) for each order it offers.
 */

export type SortDir = 'asc' | 'desc';

/** How a sort value is typed in SQL and checked when it comes back in a cursor. */
export type SortValueKind = 'text' | 'instant' | 'date' | 'bigint' | { enum: readonly string[]; type: string };

export type SortKey = { expr: SQL; kind: SortValueKind };

export type SortCursor<S extends string> = { sort: S; dir: SortDir; value: string; id: string };

export function encodeSortCursor<S extends string>(c: SortCursor<S>): string {
  return encodeCursor([c.sort, c.dir, c.value, c.id]);
}

function validValue(kind: SortValueKind, value: string): boolean {
  if (value.length > 300 || value.includes('\u0000')) return false;
  if (kind === 'text') return true;
  if (kind === 'bigint') return /^-?\d{1,18}$/.test(value);
  if (kind === 'date') return value === 'infinity' || /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (kind === 'instant') return value === '-infinity' || value === 'infinity' || instantInRange(new Date(value));
  return kind.enum.includes(value);
}

/**
 * The cursor of a page in this sort and direction, null when there is none; a BAD_REQUEST with a
 * `cursor` field error when it is not one this sort wrote (another sort's, or tampered with).
 */
export function decodeSortCursor<S extends string>(cursor: string | undefined, sort: S, dir: SortDir, kind: SortValueKind): SortCursor<S> | null {
  if (!cursor) return null;
  const [s, d, value, id] = decodeCursor(cursor);
  if (s === sort && d === dir && typeof value === 'string' && typeof id === 'string' && isUuid(id) && validValue(kind, value)) {
    return { sort, dir, value, id };
  }
  throw invalidCursor();
}

function castOf(kind: SortValueKind): SQL {
  if (typeof kind === 'object') return sql.raw(`"${kind.type}"`);
  return sql.raw({ text: 'text', instant: 'timestamptz', date: 'date', bigint: 'bigint' }[kind]);
}

/** The rows after a cursor's row, in the order of `keysetOrder`. */
export function keysetAfter<S extends string>(key: SortKey, id: AnyColumn, after: SortCursor<S>): SQL {
  const cmp = after.dir === 'asc' ? sql`>` : sql`<`;
  return sql`(${key.expr}, ${id}) ${cmp} (${after.value}::${castOf(key.kind)}, ${after.id}::uuid)`;
}

export function keysetOrder(key: SortKey, id: AnyColumn, dir: SortDir): SQL[] {
  return dir === 'asc' ? [asc(key.expr), asc(id)] : [desc(key.expr), desc(id)];
}

/** The sort value of a row as text, selected beside the row to make the next cursor from. */
export function sortValueColumn(key: SortKey): SQL<string> {
  return sql<string>`(${key.expr})::text`;
}

/**
 * A page from `limit + 1` rows read in order: the first `limit`, and the cursor after the last of
 * them when there was more.
 */
export function keysetPage<S extends string, R extends { id: string; sortValue: string }>(
  rows: R[],
  limit: number,
  sort: S,
  dir: SortDir,
): { rows: Omit<R, 'sortValue'>[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeSortCursor({ sort, dir, value: last.sortValue, id: last.id }) : null;
  return { rows: page.map(({ sortValue: _v, ...r }) => r), nextCursor };
}

/**
 * `column` within the calendar days `from` to `to` (both included, `YYYY-MM-DD`) of a time zone:
 * from the start of `from` to the end of `to` there.
 */
export function dayRange(timeZone: string, column: SQL | AnyColumn, from?: string, to?: string): SQL[] {
  const out: SQL[] = [];
  if (from) out.push(sql`${column} >= (${from}::timestamp at time zone ${timeZone})`);
  if (to) out.push(sql`${column} < ((${to}::date + 1)::timestamp at time zone ${timeZone})`);
  return out;
}
