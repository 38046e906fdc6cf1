/**
 * The API's lean path (src/server/api/lean.ts) answers like the Next route files: the same status,
 * body and headers, over real HTTP against the real database. The Next side is played by the route
 * modules themselves, called as Next calls them, with the headers next.config.ts adds to /api/.
 * The server is built as scripts/serve.mjs builds it: the client-address wrapper, the lean path,
 * and behind it the part of Next a request that the lean path leaves alone reaches.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { appUrl } from '@/server/auth/auth';
import { API_RATE_LIMIT, resetRateLimits } from '@/server/api/rate-limit';
import { leanApi } from '@/composition/lean-api';
import * as customersRoute from '@/app/api/v1/customers/route';
import * as personnelRoute from '@/app/api/v1/personnel/route';
import * as healthRoute from '@/app/api/health/route';
import * as openApiRoute from '@/app/api/v1/openapi.json/route';
import * as catchAllRoute from '@/app/api/[...rest]/route';
import nextConfig from '../next.config';
import { parseTrustedProxies, withClientAddress } from '../scripts/client-address.mjs';
import { createTestBusiness, createUser, type TestUser } from './factories';
import { apiCall, sessionCookieFor } from './api';

type Answer = { status: number; headers: Record<string, string>; body: string };

/** What Next adds to every /api/ answer (next.config.ts `headers()`), lower-cased. */
let configHeaders: Record<string, string>;
let fellThrough: string[] = [];
let server: http.Server;
let port: number;
let owner: TestUser;
let business: { id: string; slug: string };
let cookie: string;
let key: string;

beforeAll(async () => {
  const rules = (await nextConfig.headers?.()) ?? [];
  configHeaders = Object.fromEntries(
    rules.filter((r) => r.source === '/:path*' || r.source === '/api/:path*').flatMap((r) => r.headers.map((h) => [h.key.toLowerCase(), h.value])),
  );
  // What the lean path leaves to Next: this test only needs to see that it did, and Next's
  // catch-all answer for an unknown path.
  const next: http.RequestListener = (req, res) => {
    fellThrough.push(`${req.method} ${req.url}`);
    void answerWith(catchAllRoute.GET(new Request(`http://${req.headers.host}${req.url}`, { headers: req.headers as Record<string, string> }))).then((a) => {
      res.writeHead(a.status, { ...configHeaders, ...a.headers });
      res.end(a.body);
    });
  };
  server = http.createServer(withClientAddress((req, res) => leanApi(req, res) || next(req, res), parseTrustedProxies(undefined)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  const db = getDb();
  owner = await createUser(db, { name: 'Yalın Yol' });
  business = await createTestBusiness(db, owner, { name: 'Yalın Dükkân' });
  cookie = await sessionCookieFor(owner.email, owner.password);
  const made = await apiCall('POST', '/api-keys', { cookie, businessId: business.id }, { name: 'Yalın', role: 'admin' });
  key = (made.json as { key: string }).key;
  await apiCall('POST', '/customers', { key }, { kind: 'person', name: 'Şule Işık', city: 'İzmir' });
  await apiCall('POST', '/customers', { key }, { kind: 'company', name: 'Çağlar Gıda A.Ş.' });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeDb();
});

async function answerWith(response: Response): Promise<Answer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, headers, body: await response.text() };
}

/** One call to the test server, as a client sends it. */
function overHttp(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { host: hostOf(), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
        const text = headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const hostOf = () => new URL(appUrl()).host;

/** The same call to a route file's handler, as Next makes it, with the headers Next adds. */
async function throughRoute(
  handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const request = new Request(`http://${hostOf()}${path}`, { method, headers: { host: hostOf(), 'x-forwarded-for': '127.0.0.1', ...headers }, body });
  const answer = await answerWith(await handler(request, { params: Promise.resolve({}) }));
  return { ...answer, headers: { ...configHeaders, ...answer.headers } };
}

/** Headers that belong to the connection or the transfer, not to the answer. */
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'vary']);
const answerHeaders = (a: Answer) => Object.fromEntries(Object.entries(a.headers).filter(([k]) => !TRANSPORT.has(k)));

function expectSame(lean: Answer, route: Answer): void {
  expect(lean.status).toBe(route.status);
  expect(lean.body).toBe(route.body);
  expect(answerHeaders(lean)).toEqual(answerHeaders(route));
}

describe('the lean API path', () => {
  it('lists with a key like the route', async () => {
    const headers = { authorization: `Bearer ${key}`, 'accept-language': 'tr' };
    const lean = await overHttp('GET', '/api/v1/customers?limit=5', headers);
    expect(lean.status).toBe(200);
    expect((JSON.parse(lean.body) as { data: unknown[] }).data).toHaveLength(2);
    expectSame(lean, await throughRoute(customersRoute.GET!, 'GET', '/api/v1/customers?limit=5', headers));
    expect(lean.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(lean.headers['x-content-type-options']).toBe('nosniff');
  });

  it('reads with a session like the route', async () => {
    const headers = { cookie, 'x-business-id': business.id, 'accept-language': 'en' };
    const lean = await overHttp('GET', '/api/v1/personnel', headers);
    expect(lean.status).toBe(200);
    expectSame(lean, await throughRoute(personnelRoute.GET!, 'GET', '/api/v1/personnel', headers));
  });

  it('refuses a session write without Origin with 403, like the route', async () => {
    const headers = { cookie, 'x-business-id': business.id, 'accept-language': 'en', 'content-type': 'application/json' };
    const body = JSON.stringify({ kind: 'person', name: 'Kökensiz' });
    const lean = await overHttp('POST', '/api/v1/customers', headers, body);
    expect(lean.status).toBe(403);
    expect(JSON.parse(lean.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expectSame(lean, await throughRoute(customersRoute.POST!, 'POST', '/api/v1/customers', headers, body));
    // With this app's Origin the same write goes through.
    const allowed = await overHttp('POST', '/api/v1/customers', { ...headers, origin: appUrl() }, body);
    expect(allowed.status).toBe(201);
  });

  it('leaves an unknown /api path to Next, whose catch-all answers a JSON 404', async () => {
    fellThrough = [];
    for (const path of ['/api/v1/nope', '/api/v1/customers/x/y', '/api/nope', '/api/v1/customers/']) {
      const lean = await overHttp('GET', path, { 'accept-language': 'en' });
      expect(lean.status, path).toBe(404);
      expect(JSON.parse(lean.body)).toEqual({ error: { code: 'NOT_FOUND', message: 'That record does not exist or was deleted.' } });
      expect(lean.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    // A method no endpoint of the path has is Next's to answer too.
    await overHttp('PUT', '/api/v1/customers', { 'accept-language': 'en' });
    expect(fellThrough).toEqual(['GET /api/v1/nope', 'GET /api/v1/customers/x/y', 'GET /api/nope', 'GET /api/v1/customers/', 'PUT /api/v1/customers']);
  });

  it('limits a key with 429 and Retry-After, like the route', async () => {
    const max = API_RATE_LIMIT.max;
    API_RATE_LIMIT.max = 2;
    try {
      const headers = { authorization: `Bearer ${key}`, 'accept-language': 'en' };
      resetRateLimits();
      expect((await overHttp('GET', '/api/v1/customers', headers)).status).toBe(200);
      expect((await overHttp('GET', '/api/v1/customers', headers)).status).toBe(200);
      const lean = await overHttp('GET', '/api/v1/customers', headers);
      expect(lean.status).toBe(429);
      expect(Number(lean.headers['retry-after'])).toBeGreaterThan(0);
      const route = await throughRoute(customersRoute.GET!, 'GET', '/api/v1/customers', headers);
      expectSame({ ...lean, headers: { ...lean.headers, 'retry-after': '' } }, { ...route, headers: { ...route.headers, 'retry-after': '' } });
    } finally {
      API_RATE_LIMIT.max = max;
      resetRateLimits();
    }
  });

  it('answers the health check and the OpenAPI document like their routes, compressed when asked', async () => {
    const health = await overHttp('GET', '/api/health', {});
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
    expectSame(health, await throughRoute(healthRoute.GET, 'GET', '/api/health', {}));

    const openApi = await overHttp('GET', '/api/v1/openapi.json', { 'accept-encoding': 'gzip, deflate' });
    expect(openApi.headers['content-encoding']).toBe('gzip');
    expect(openApi.headers.vary).toBe('Accept-Encoding');
    expectSame(openApi, await throughRoute(openApiRoute.GET, 'GET', '/api/v1/openapi.json', {}));
    const plain = await overHttp('GET', '/api/v1/openapi.json', { 'accept-encoding': 'gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(openApi.body);
  });
});
