/**
 * Calls /api/v1 through the real route handlers (the same code Next runs), with an API key or a
 * session cookie from better-auth's real sign-in.
 */
import { appUrl, getAuth } from '@/server/auth/auth';
import { ENDPOINTS, handleEndpoint } from '@/composition/api';
import type { HttpMethod } from '@/server/api/endpoint';

export type ApiAuth = { key?: string; cookie?: string; origin?: string | null; businessId?: string };

export async function apiCall(
  method: HttpMethod,
  path: string,
  auth: ApiAuth = {},
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; json: unknown; headers: Headers; text: string }> {
  const [pathname] = path.split('?');
  const match = ENDPOINTS.map((e) => ({ e, params: matchPath(e.path, pathname!) })).find((m) => m.params && m.e.method === method);
  if (!match) throw new Error(`no endpoint for ${method} ${path}`);
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (auth.key) headers.authorization = `Bearer ${auth.key}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.origin !== null && auth.cookie) headers.origin = auth.origin ?? appUrl();
  if (auth.businessId) headers['x-business-id'] = auth.businessId;
  if (body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, extraHeaders);
  const request = new Request(`${appUrl()}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const res = await handleEndpoint(match.e, request, match.params!);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, headers: res.headers, text };
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const re = new RegExp(`^${pattern.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
  const m = re.exec(path);
  if (!m) return null;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
}

/** Signs in through better-auth's handler and returns the session cookie. */
export async function sessionCookieFor(email: string, password: string): Promise<string> {
  const res = await getAuth().handler(
    new Request(`${appUrl()}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: appUrl(), 'x-forwarded-for': `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}
