import { describe, expect, it } from 'vitest';
import { MESSAGES } from './index';

type Node = string | { [key: string]: Node };

function keys(node: Node, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1]!))].sort();
}

describe('messages', () => {
  it('has the same keys in Turkish and English', () => {
    expect(keys(MESSAGES.tr as Node).sort()).toEqual(keys(MESSAGES.en as Node).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const lookup = (node: Node, key: string) =>
      key.split('.').reduce<Node | undefined>((n, part) => (typeof n === 'object' ? n[part] : undefined), node);
    for (const key of keys(MESSAGES.en as Node)) {
      const en = lookup(MESSAGES.en as Node, key);
      const tr = lookup(MESSAGES.tr as Node, key);
      expect({ key, placeholders: placeholders(String(tr)) }).toEqual({ key, placeholders: placeholders(String(en)) });
    }
  });

  it('has no empty text', () => {
    for (const locale of ['en', 'tr'] as const) {
      for (const key of keys(MESSAGES[locale] as Node)) {
        const text = key.split('.').reduce<Node | undefined>((n, p) => (typeof n === 'object' ? n[p] : undefined), MESSAGES[locale] as Node);
        expect({ locale, key, empty: String(text).trim() === '' }).toEqual({ locale, key, empty: false });
      }
    }
  });
});
