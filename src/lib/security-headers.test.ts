import { describe, expect, it } from 'vitest';
import { BASELINE_HEADERS, HSTS_VALUE, hstsHeader } from './security-headers';

describe('security headers', () => {
  it('sends HSTS only when the public URL is https', () => {
    expect(hstsHeader('https://crm.example.com')).toBe(HSTS_VALUE);
    expect(HSTS_VALUE).toMatch(/max-age=\d{7,}/);
    for (const url of ['http://localhost:3100', 'http://crm.example.com', undefined, '', 'not a url']) expect(hstsHeader(url), String(url)).toBeNull();
  });

  it('keeps HSTS out of the headers sent whatever the URL', () => {
    expect(BASELINE_HEADERS.map((h) => h.key.toLowerCase())).not.toContain('strict-transport-security');
    expect(BASELINE_HEADERS.map((h) => h.key)).toEqual(expect.arrayContaining(['X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options']));
  });
});
