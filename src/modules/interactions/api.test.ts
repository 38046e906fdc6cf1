/** /api/v1/interactions through the real route handlers, with an API key. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { createApiKey } from '@/modules/api-keys/mutations';
import { apiCall } from '../../../tests/api';
import { contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';

let key: string;
let viewerKey: string;
let customerId: string;
let otherCustomerId: string;

beforeAll(async () => {
  const db = getDb();
  const owner = await createUser(db, { name: 'Api Sahibi' });
  const business = await createTestBusiness(db, owner, { name: 'API Dükkânı' });
  const ctx = await contextFor(db, owner.id, business.slug);
  key = (await createApiKey(db, ctx, { name: 'etkileşim', role: 'sales', expiresAt: null })).key;
  viewerKey = (await createApiKey(db, ctx, { name: 'izleyici', role: 'viewer', expiresAt: null })).key;
  customerId = (await insertTestCustomer(db, business.id, { name: 'Gökhan Işık' })).id;
  otherCustomerId = (await insertTestCustomer(db, business.id, { name: 'Başka Müşteri' })).id;
});
afterAll(closeDb);

describe('/api/v1/interactions', () => {
  it('creates, lists by customer and type, patches with a version (409 when stale) and deletes', async () => {
    const created = await apiCall('POST', '/interactions', { key }, {
      type: 'meeting',
      direction: 'inbound',
      occurredAt: '2026-03-05T14:30:00+03:00',
      durationMinutes: 45,
      subject: 'Mağazada görüşme',
      customerIds: [customerId],
    });
    expect(created.status).toBe(201);
    const body = created.json as { id: string; version: number; occurredAt: string; customers: { id: string; name: string }[] };
    expect(body).toMatchObject({ version: 1, occurredAt: '2026-03-05T11:30:00.000Z', customers: [{ id: customerId, name: 'Gökhan Işık' }] });
    await apiCall('POST', '/interactions', { key }, { type: 'note', occurredAt: '2026-03-06T09:00:00Z', customerIds: [otherCustomerId] });

    const list = await apiCall('GET', `/interactions?customerId=${customerId}&type=meeting`, { key });
    expect(list.status).toBe(200);
    expect((list.json as { data: { id: string }[] }).data.map((i) => i.id)).toEqual([body.id]);
    expect((await apiCall('GET', `/interactions?type=email`, { key })).json).toMatchObject({ data: [], nextCursor: null });
    expect((await apiCall('GET', `/interactions?cursor=garbage`, { key })).status).toBe(400);

    const patched = await apiCall('PATCH', `/interactions/${body.id}`, { key }, { outcome: 'connected', version: 1 });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ outcome: 'connected', version: 2, subject: 'Mağazada görüşme', durationMinutes: 45 });
    const stale = await apiCall('PATCH', `/interactions/${body.id}`, { key }, { outcome: 'busy', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: { code: 'CONFLICT' } });

    const bad = await apiCall('POST', '/interactions', { key }, { type: 'fax', occurredAt: 'yesterday', customerIds: [] });
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.json as { error: { fields: Record<string, string> } }).error.fields).sort()).toEqual(['customerIds', 'occurredAt', 'type']);

    expect((await apiCall('DELETE', `/interactions/${body.id}`, { key: viewerKey })).status).toBe(403);
    expect((await apiCall('DELETE', `/interactions/${body.id}`, { key })).status).toBe(204);
    expect((await apiCall('GET', `/interactions/${body.id}`, { key })).status).toBe(404);
  });
});
