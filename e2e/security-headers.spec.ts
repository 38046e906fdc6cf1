import { expect, test, type APIResponse } from '@playwright/test';
import { APP_URL } from './support/env';
import { createFirstBusiness, newAccount, signUp } from './support/app';

/*
 * The security baseline as a browser sees it: the headers of public pages, signed-in pages and
 * API answers, the session cookie's flags, and /api/health's answer.
 */

function expectBaseline(response: APIResponse | { headers(): Record<string, string> }): Record<string, string> {
  const headers = response.headers();
  // HSTS only when APP_URL is https; this run serves plain http (src/lib/security-headers.ts).
  expect(headers['strict-transport-security']).toBeUndefined();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  return headers;
}

test('headers on pages and API answers, the session cookie, and the health check', async ({ page, request }) => {
  let slug = '';
  await test.step('/api/health says the database is embedded and gives the version', async () => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expectBaseline(response);
    const body = (await response.json()) as { status: string; database: string; version: string };
    expect(body.status).toBe('ok');
    expect(body.database).toBe('embedded');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  await test.step('a public page: a script policy with a fresh nonce on every load', async () => {
    const first = expectBaseline((await request.get('/'))!);
    const second = expectBaseline((await request.get('/'))!);
    const nonce = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
    expect(nonce(first['content-security-policy'])).toBeTruthy();
    expect(nonce(first['content-security-policy'])).not.toBe(nonce(second['content-security-policy']));
    expect(first['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  await test.step('an API answer allows nothing to load', async () => {
    const response = await request.get('/api/v1/personnel');
    expect(response.status()).toBe(401);
    expect(expectBaseline(response)['content-security-policy']).toContain("default-src 'none'");
  });

  await test.step('an unknown API path answers a JSON 404 in the API error shape; known ones still answer', async () => {
    for (const path of ['/api/v1/nope', '/api/nope', '/api/v1/deals/x/y']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()['content-type'], path).toContain('application/json');
      expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
    expect((await request.post('/api/v1/nope', { data: {} })).status()).toBe(404);
    expect((await request.get('/api/v1/deals')).status()).toBe(401);
    expect((await request.get('/api/auth/get-session')).status()).toBe(200);
  });

  await test.step('signed in: the session cookie is HttpOnly and SameSite=Lax; business pages are never cached', async () => {
    await signUp(page, newAccount('headers', 'Derya Kaya'));
    await expect(page).toHaveURL(/\/dashboard$/);
    slug = await createFirstBusiness(page, 'Başlık Baharat');
    const session = (await page.context().cookies(APP_URL)).find((c) => c.name.endsWith('session_token'));
    expect(session, 'the session cookie').toBeTruthy();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe('Lax');
    // Over plain http (this run) the cookie cannot be Secure; APP_URL with https makes it so.
    expect(session!.secure).toBe(false);

    const response = await page.goto(`/${slug}/customers`);
    const headers = expectBaseline(response!);
    expect(headers['cache-control']).toContain('no-store');
  });

  await test.step('a Server Action posted from another site is refused with 403 in the API error shape', async () => {
    const response = await page.request.post(`/${slug}/customers`, {
      headers: { origin: 'http://evil.example', 'next-action': '7f0000000000000000000000000000000000000000', 'content-type': 'text/plain;charset=UTF-8', 'accept-language': 'en' },
      data: '[]',
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
  });

  await test.step('signed in, /sign-in?next= goes on only to a path of this site, and never fails', async () => {
    const cases: [string, string][] = [
      ['/%09/example.org/phish', '/dashboard'],
      ['/%0A', '/dashboard'],
      ['/%0D%0ASet-Cookie:%20x=1', '/dashboard'],
      ['//example.org', '/dashboard'],
      ['/%C5%9F', '/%C5%9F'],
    ];
    for (const [next, location] of cases) {
      const response = await page.request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
      expect(response.status(), next).toBeGreaterThanOrEqual(300);
      expect(response.status(), next).toBeLessThan(400);
      expect(new URL(response.headers()['location'] ?? '', APP_URL).href, next).toBe(new URL(location, APP_URL).href);
    }
  });
});
