import { describe, expect, it } from 'vitest';
import { foldTurkish, searchText, slugify, turkishSortKey } from './text';

const byKey = (names: string[]) => [...names].sort((a, b) => (turkishSortKey(a) < turkishSortKey(b) ? -1 : turkishSortKey(a) > turkishSortKey(b) ? 1 : 0));

describe('text', () => {
  it('folds Turkish letters and case the same way for every spelling', () => {
    expect(foldTurkish('ŞİRKET')).toBe('sirket');
    expect(foldTurkish('şirket')).toBe('sirket');
    expect(foldTurkish('A Şirketi')).toBe('a sirketi');
    expect(foldTurkish('IŞIK')).toBe('isik');
  });

  it('sorts in Turkish alphabetical order, ignoring case', () => {
    expect(byKey(['Zeytin', 'çiçek', 'Cam', 'ılık', 'İlik', 'Şeker', 'sabun', 'Öykü', 'ocak', 'Üzüm', 'ufuk', 'ğ', 'gül']))
      .toEqual(['Cam', 'çiçek', 'gül', 'ğ', 'ılık', 'İlik', 'ocak', 'Öykü', 'sabun', 'Şeker', 'ufuk', 'Üzüm', 'Zeytin']);
    expect(byKey(['b', 'A 2', 'a1', 'A'])).toEqual(['A', 'A 2', 'a1', 'b']);
    expect(turkishSortKey('AYŞE')).toBe(turkishSortKey('ayşe'));
  });

  it('builds a folded search text from the parts that are there', () => {
    expect(searchText(['A Şirketi', null, 'info@Şirket.com.tr', '', '+905321234567'])).toBe('a sirketi info@sirket.com.tr +905321234567');
  });

  it('makes URL-safe slugs', () => {
    expect(slugify("Ayşe'nin Çiçekçisi")).toBe('aysenin-cicekcisi');
  });
});
