import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { API_RATE_LIMIT, resetRateLimits } from '@/server/api/rate-limit';
import { rememberLastBusiness } from '@/modules/businesses/mutations';
import { ENDPOINTS, openApiDocument } from './api';
import { addPersonnel, createTestBusiness, createUser, type TestUser } from '../../tests/factories';
import { apiCall, sessionCookieFor } from '../../tests/api';

let owner: TestUser;
let business: { id: string; slug: string };
let cookie: string;

beforeAll(async () => {
  const db = getDb();
  owner = await createUser(db, { name: 'API Sahibi' });
  business = await createTestBusiness(db, owner, { name: 'API Dükkânı' });
  cookie = await sessionCookieFor(owner.email, owner.password);
});
afterAll(closeDb);

async function newKey(role = 'admin', extra: Record<string, unknown> = {}): Promise<string> {
  const res = await apiCall('POST', '/api-keys', { cookie, businessId: business.id }, { name: `Anahtar ${role}`, role, ...extra });
  expect(res.status).toBe(201);
  return (res.json as { key: string }).key;
}

describe('/api/v1', () => {
  it('answers 401 without credentials and with a wrong key', async () => {
    expect((await apiCall('GET', '/personnel')).status).toBe(401);
    const bad = await apiCall('GET', '/personnel', { key: 'tzg_AAAAAAAAAAAA_' + 'A'.repeat(43) });
    expect(bad.status).toBe(401);
    expect(bad.json).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('lists, creates, reads, updates and deletes personnel with a key', async () => {
    const key = await newKey();
    const created = await apiCall('POST', '/personnel', { key }, { name: 'Kerem Aydın', phone: '0555 111 22 33', role: 'sales' });
    expect(created.status).toBe(201);
    const person = created.json as { id: string; phone: string; version: number };
    expect(person.phone).toBe('+905551112233');
    const list = await apiCall('GET', '/personnel?limit=1', { key });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ data: [expect.any(Object)], nextCursor: expect.any(String) });
    const next = await apiCall('GET', `/personnel?limit=1&cursor=${(list.json as { nextCursor: string }).nextCursor}`, { key });
    expect((next.json as { data: unknown[] }).data).toHaveLength(1);
    const patched = await apiCall('PATCH', `/personnel/${person.id}`, { key }, { title: 'Satış Uzmanı' });
    expect(patched).toMatchObject({ status: 200, json: { title: 'Satış Uzmanı', role: 'sales', version: 2 } });
    const stale = await apiCall('PATCH', `/personnel/${person.id}`, { key }, { title: 'Eski', version: 1 });
    expect(stale).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
    expect((await apiCall('DELETE', `/personnel/${person.id}`, { key })).status).toBe(204);
    expect((await apiCall('GET', `/personnel/${person.id}`, { key })).status).toBe(404);
  });

  it('answers field errors with 422 and bad JSON or query with 400, never 500', async () => {
    const key = await newKey();
    const invalid = await apiCall('POST', '/personnel', { key }, { name: '', email: 'x', role: 'king' });
    expect(invalid.status).toBe(422);
    expect(invalid.json).toMatchObject({ error: { code: 'VALIDATION', fields: { name: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }), email: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }), role: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) } } });
    expect((await apiCall('POST', '/personnel', { key }, '{not json')).status).toBe(400);
    // Each field error says its rule, a message that states it, and the limit.
    const tooLong = await apiCall('POST', '/deals', { key }, { title: 'x'.repeat(5000), value: { amountMinor: -100_000, currency: 'TRY' } });
    expect(tooLong.status).toBe(422);
    expect((tooLong.json as { error: { fields: unknown } }).error.fields).toEqual({
      title: { code: 'tooLong', max: 200, message: 'At most 200 characters.' },
      'value.amountMinor': { code: 'tooSmall', min: 0, message: 'Must be 0 or more.' },
    });
    const turkish = await apiCall('POST', '/deals', { key }, { title: 'x'.repeat(5000) }, { 'accept-language': 'tr' });
    expect((turkish.json as { error: { fields: { title: unknown } } }).error.fields.title).toEqual({ code: 'tooLong', max: 200, message: 'En fazla 200 karakter olabilir.' });
    // The OpenAPI document describes that shape.
    const document = JSON.stringify(openApiDocument());
    expect(document).toContain('"required":["code","message"],"properties":{"code"');
    expect(document).toContain('"max":{"type":"number"');
    expect((await apiCall('POST', '/personnel', { key }, '[1,2]')).status).toBe(400);
    expect((await apiCall('GET', '/personnel?limit=5000', { key })).status).toBe(400);
    expect((await apiCall('GET', '/personnel?cursor=%%%', { key })).status).toBe(400);
    expect((await apiCall('GET', '/personnel/not-a-uuid', { key })).status).toBe(404);
  });

  it('keeps keys below their creator and away from keys and deletion', async () => {
    const key = await newKey('viewer');
    expect((await apiCall('POST', '/personnel', { key }, { name: 'İzinsiz', role: 'member' })).status).toBe(403);
    expect((await apiCall('GET', '/personnel', { key })).status).toBe(200);
    const admin = await newKey('admin');
    expect((await apiCall('POST', '/api-keys', { key: admin }, { name: 'Kendini çoğaltan', role: 'viewer' })).status).toBe(403);
    expect((await apiCall('DELETE', '/business', { key: admin }, { confirmName: 'API Dükkânı' })).status).toBe(403);
    // A manager cannot make a key at all; an admin cannot make an owner key.
    const adminPerson = await addPersonnel(getDb(), business.id, { role: 'admin' });
    const adminCookie = await sessionCookieFor(adminPerson.user!.email, adminPerson.user!.password);
    const ownerKey = await apiCall('POST', '/api-keys', { cookie: adminCookie, businessId: business.id }, { name: 'Sahip', role: 'owner' });
    expect(ownerKey.status).toBe(403);
  });

  it('pages the businesses and the API keys with a cursor; a session call without X-Business-Id acts on the last-used business', async () => {
    const db = getDb();
    const second = await createTestBusiness(db, owner, { name: 'API İkinci Dükkân' });
    const first = await apiCall('GET', '/businesses?limit=1', { cookie });
    expect(first).toMatchObject({ status: 200, json: { data: [expect.objectContaining({ role: 'owner' })], nextCursor: expect.any(String) } });
    const rest = await apiCall('GET', `/businesses?limit=200&cursor=${(first.json as { nextCursor: string }).nextCursor}`, { cookie });
    const ids = [...(first.json as { data: { id: string }[] }).data, ...(rest.json as { data: { id: string }[] }).data].map((b) => b.id);
    expect(ids).toEqual(expect.arrayContaining([business.id, second.id]));
    expect(new Set(ids).size).toBe(ids.length);
    expect((rest.json as { nextCursor: string | null }).nextCursor).toBeNull();
    expect((await apiCall('GET', '/businesses?cursor=not-an-id', { cookie })).status).toBe(400);

    await newKey('viewer');
    await newKey('viewer');
    const keys = await apiCall('GET', '/api-keys?limit=1', { cookie, businessId: business.id });
    expect(keys).toMatchObject({ status: 200, json: { data: [expect.any(Object)], nextCursor: expect.any(String) } });
    const older = await apiCall('GET', `/api-keys?limit=1&cursor=${(keys.json as { nextCursor: string }).nextCursor}`, { cookie, businessId: business.id });
    expect((older.json as { data: { id: string }[] }).data[0]!.id).not.toBe((keys.json as { data: { id: string }[] }).data[0]!.id);

    // With no X-Business-Id the session acts on the business the user used last.
    await rememberLastBusiness(db, owner.id, second.id);
    expect(await apiCall('GET', '/business', { cookie })).toMatchObject({ status: 200, json: { id: second.id } });
    await rememberLastBusiness(db, owner.id, business.id);
    expect(await apiCall('GET', '/business', { cookie })).toMatchObject({ status: 200, json: { id: business.id } });
  });

  it('refuses a revoked or expired key with 401', async () => {
    const key = await newKey();
    const keys = await apiCall('GET', '/api-keys', { cookie, businessId: business.id });
    const id = (keys.json as { data: { id: string; name: string }[] }).data[0]!.id;
    expect((await apiCall('GET', '/business', { key })).status).toBe(200);
    expect((await apiCall('DELETE', `/api-keys/${id}`, { cookie, businessId: business.id })).status).toBe(204);
    expect((await apiCall('GET', '/business', { key })).status).toBe(401);
    const past = await apiCall('POST', '/api-keys', { cookie, businessId: business.id }, { name: 'Geçmiş', role: 'viewer', expiresAt: '2020-01-01' });
    expect(past).toMatchObject({ status: 422, json: { error: { fields: { expiresAt: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) } } } });
  });

  it('needs the app’s Origin for a session call that changes data', async () => {
    const noOrigin = await apiCall('PATCH', '/business', { cookie, origin: null, businessId: business.id }, { sector: 'Çiçekçi' });
    expect(noOrigin.status).toBe(403);
    const foreign = await apiCall('PATCH', '/business', { cookie, origin: 'https://evil.example', businessId: business.id }, { sector: 'Çiçekçi' });
    expect(foreign.status).toBe(403);
    const ok = await apiCall('PATCH', '/business', { cookie, businessId: business.id }, { sector: 'Çiçekçi' });
    expect(ok).toMatchObject({ status: 200, json: { sector: 'Çiçekçi' } });
    expect((await apiCall('GET', '/business', { cookie, origin: null, businessId: business.id })).status).toBe(200);
  });

  it('lists and creates businesses with a session only', async () => {
    const list = await apiCall('GET', '/businesses', { cookie });
    expect(list.json).toMatchObject({ data: expect.arrayContaining([expect.objectContaining({ id: business.id, role: 'owner' })]) });
    const created = await apiCall('POST', '/businesses', { cookie }, { name: 'İkinci Şube' });
    expect(created).toMatchObject({ status: 201, json: { name: 'İkinci Şube', currency: 'TRY' } });
    const key = await newKey();
    expect((await apiCall('GET', '/businesses', { key })).status).toBe(403);
  });

  it('limits each key’s rate with 429 and Retry-After', async () => {
    resetRateLimits();
    const key = await newKey('viewer');
    const max = API_RATE_LIMIT.max;
    API_RATE_LIMIT.max = 3;
    try {
      for (let i = 0; i < 3; i++) expect((await apiCall('GET', '/business', { key })).status).toBe(200);
      const limited = await apiCall('GET', '/business', { key });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      API_RATE_LIMIT.max = max;
      resetRateLimits();
    }
  });

  it('describes every endpoint in an OpenAPI 3.1 document', () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const e of ENDPOINTS) expect(doc.paths[e.path]?.[e.method.toLowerCase()]).toBeDefined();
  });
});
