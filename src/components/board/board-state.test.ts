import { describe, expect, it } from 'vitest';
import { applyMove, findColumnOf, neighboursOf } from './board-state';

const items = () => ({ a: [{ id: '1' }, { id: '2' }, { id: '3' }], b: [{ id: '4' }], c: [] as { id: string }[] });

describe('board state', () => {
  it('moves a card between two neighbours of another column and keeps untouched columns', () => {
    const before = items();
    const after = applyMove(before, '2', 'b', null, '4');
    expect(after.a!.map((i) => i.id)).toEqual(['1', '3']);
    expect(after.b!.map((i) => i.id)).toEqual(['2', '4']);
    expect(after.c).toBe(before.c);
    expect(findColumnOf(after, '2')).toBe('b');
  });

  it('moves within a column and into an empty column', () => {
    expect(applyMove(items(), '1', 'a', '3', null).a!.map((i) => i.id)).toEqual(['2', '3', '1']);
    expect(applyMove(items(), '1', 'c', null, null).c!.map((i) => i.id)).toEqual(['1']);
  });

  it('reports neighbours', () => {
    expect(neighboursOf(items().a, '2')).toEqual({ beforeId: '1', afterId: '3' });
    expect(neighboursOf(items().a, '1')).toEqual({ beforeId: null, afterId: '2' });
    expect(neighboursOf(items().a, 'x')).toEqual({ beforeId: null, afterId: null });
  });
});
