import { afterEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from './proxy';

function actionPost(origin: string | null, path = '/acme/customers'): NextRequest {
  const headers: Record<string, string> = { host: 'localhost:3000', 'next-action': '7f00aa', 'accept-language': 'en', 'content-type': 'text/plain;charset=UTF-8' };
  if (origin) headers.origin = origin;
  return new NextRequest(`http://localhost:3000${path}`, { method: 'POST', headers, body: '[]' });
}

describe('proxy', () => {
  it('answers 403 in the API error shape to a Server Action posted from another origin', async () => {
    for (const origin of ['http://evil.example', 'http://localhost:3001', 'null']) {
      const res = await proxy(actionPost(origin));
      expect(res.status, origin).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'You do not have permission to do that.' } });
    }
  });

  it('lets a same-origin Server Action and a plain page through', async () => {
    expect((await proxy(actionPost('http://localhost:3000'))).status).not.toBe(403);
    // Signed out: sent to sign-in, as any private page.
    expect((await proxy(actionPost('http://localhost:3000'))).headers.get('location')).toContain('/sign-in');
    expect((await proxy(new NextRequest('http://localhost:3000/', { headers: { host: 'localhost:3000' } }))).status).toBe(200);
  });
});

describe('proxy HSTS', () => {
  const saved = process.env.APP_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = saved;
  });

  it('adds HSTS to pages and API answers only when APP_URL is https', async () => {
    const page = () => proxy(new NextRequest('http://localhost:3000/', { headers: { host: 'localhost:3000' } }));
    const api = () => proxy(new NextRequest('http://localhost:3000/api/v1/personnel', { headers: { host: 'localhost:3000' } }));
    process.env.APP_URL = 'http://localhost:3100';
    expect((await page()).headers.get('strict-transport-security')).toBeNull();
    expect((await api()).headers.get('strict-transport-security')).toBeNull();
    process.env.APP_URL = 'https://crm.example.com';
    expect((await page()).headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect((await api()).headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    // The API is not sent to sign-in by the proxy; it answers 401 itself.
    expect((await api()).headers.get('location')).toBeNull();
  });
});
