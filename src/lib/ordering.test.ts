import { describe, expect, it } from 'vitest';
import { compareKeys, keyBetween, keysBetween } from './ordering';

describe('ordering keys', () => {
  it('makes a first key and keys at both ends', () => {
    const first = keyBetween(null, null);
    const after = keyBetween(first, null);
    const before = keyBetween(null, first);
    expect([before, first, after].sort(compareKeys)).toEqual([before, first, after]);
  });

  it('always finds a key strictly between two neighbours, also after many inserts into one gap', () => {
    let lo = keyBetween(null, null);
    const hi = keyBetween(lo, null);
    for (let i = 0; i < 200; i++) {
      const mid = keyBetween(lo, hi);
      expect(compareKeys(lo, mid)).toBe(-1);
      expect(compareKeys(mid, hi)).toBe(-1);
      lo = mid;
    }
    expect(lo.length).toBeLessThan(60);
  });

  it('orders keys byte-wise (the same as COLLATE "C"), not by locale', () => {
    const keys = keysBetween(null, null, 100);
    expect([...keys].sort(compareKeys)).toEqual(keys);
    expect(new Set(keys).size).toBe(100);
    // Upper-case sorts before lower-case byte-wise; a locale sort would interleave them.
    expect(compareKeys('Z', 'a')).toBe(-1);
  });

  it('refuses neighbours in the wrong order', () => {
    const a = keyBetween(null, null);
    const b = keyBetween(a, null);
    expect(() => keyBetween(b, a)).toThrow();
  });
});
