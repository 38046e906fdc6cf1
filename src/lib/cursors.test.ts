import { describe, expect, it } from 'vitest';
import { decodeInstantCursor, encodeCursor, encodeInstantCursor } from './cursors';

const ID = '01a23c72-1d21-7649-9c38-efc2d7620fab';

describe('instant cursors', () => {
  it('round-trips an instant and an id', () => {
    const at = new Date('2026-03-01T12:30:00.000Z');
    expect(decodeInstantCursor(encodeInstantCursor(at, ID))).toEqual({ at, id: ID });
    expect(decodeInstantCursor(undefined)).toBeNull();
  });

  it('refuses what PostgreSQL cannot read or this code did not write, as a bad request', () => {
    for (const cursor of [
      encodeCursor(['0000-01-01T00:00:00.000Z', ID]),
      encodeCursor(['+010000-01-01T00:00:00.000Z', ID]),
      encodeCursor(['2026-03-01', ID]),
      encodeCursor(['2026-03-01T12:30:00.000Z', 'not-an-id']),
      encodeCursor([1, ID]),
      Buffer.from('{"a":1}').toString('base64url'),
      '%%%',
    ]) {
      expect(() => decodeInstantCursor(cursor)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    }
  });
});
