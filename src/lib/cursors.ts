import { AppError } from './errors';
import { isUuid } from './ids';

/*
 * Keyset cursors: the sort values of a page's last row as base64url JSON, opaque to the caller. A
 * cursor comes back from outside, so every value is checked before it reaches a query: an
 * instant PostgreSQL cannot read (the year 0, say) would otherwise fail the query with a 500.
 */

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function invalidCursor(): AppError {
  return new AppError('BAD_REQUEST', 'errors.BAD_REQUEST', { cursor: 'invalid' });
}

/** The values of a cursor; a BAD_REQUEST when it is not a list of values. */
export function decodeCursor(cursor: string): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values)) return values;
  } catch {
    // falls through: a malformed cursor is a bad request
  }
  throw invalidCursor();
}

/** Whether an instant is one that both JavaScript's ISO text and PostgreSQL's timestamptz hold: years 1 to 9999. */
export function instantInRange(date: Date): boolean {
  if (Number.isNaN(date.getTime())) return false;
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** The cursor of a list ordered by an instant and then by id. */
export function encodeInstantCursor(at: Date, id: string): string {
  return encodeCursor([at.toISOString(), id]);
}

/** The instant and id of such a cursor, null when there is none; a BAD_REQUEST when it is not ours. */
export function decodeInstantCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = decodeCursor(cursor);
  if (typeof at !== 'string' || typeof id !== 'string' || !isUuid(id)) throw invalidCursor();
  const date = new Date(at);
  // Only the text this module wrote: an exact round trip of an instant in range.
  if (!instantInRange(date) || date.toISOString() !== at) throw invalidCursor();
  return { at: date, id };
}
