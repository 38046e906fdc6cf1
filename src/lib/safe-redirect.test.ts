import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-redirect';

const APP = 'https://app.example';

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query and hash', () => {
    expect(safeNextPath('/acme/customers?x=1#top')).toBe('/acme/customers?x=1#top');
    expect(safeNextPath('/invite/abc')).toBe('/invite/abc');
  });

  it('ignores anything that would leave the origin', () => {
    for (const next of [
      '/\t/example.org/phish',
      '/\n/example.org',
      '/\r\n/example.org',
      '//example.org',
      '/\\example.org',
      '/..//example.org',
      '/.//example.org',
      'https://example.org',
      'javascript:alert(1)',
      'example.org',
      '',
      null,
      undefined,
      ['/a', '/b'],
    ]) {
      expect(safeNextPath(next), JSON.stringify(next)).toBe('/dashboard');
    }
    expect(safeNextPath('//example.org', '')).toBe('');
  });

  it('answers a valid Location header for every input, staying on the origin', () => {
    const inputs = ['/ş', '/müşteriler?ara=İğ', '/a\nb', '/a\r\nSet-Cookie: x=1', '/\t/example.org/phish', '/x y', '/%0A', '/a"b<c>'];
    for (const next of inputs) {
      const path = safeNextPath(next);
      expect(() => new Headers({ location: path }), next).not.toThrow();
      expect(new URL(path, APP).origin, next).toBe(APP);
    }
    expect(safeNextPath('/ş')).toBe('/%C5%9F');
  });
});
