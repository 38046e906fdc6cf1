/**
 * PATCH without `version`: the fields sent are applied to the record as it is, so concurrent
 * PATCHes of different fields all land (last write wins per field). With `version`, a stale write
 * still answers 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { createApiKey } from '@/modules/api-keys/mutations';
import { contextFor, createTestBusiness, createUser } from './factories';
import { apiCall } from './api';

let key: string;

beforeAll(async () => {
  const db = getDb();
  const owner = await createUser(db, { name: 'Yama Sahibi' });
  const business = await createTestBusiness(db, owner, { name: 'Yama Dükkânı' });
  key = (await createApiKey(db, await contextFor(db, owner.id, business.slug), { name: 'yama', role: 'admin', expiresAt: null })).key;
});
afterAll(closeDb);

describe('PATCH', () => {
  it('applies concurrent PATCHes of disjoint fields without a version', async () => {
    const created = await apiCall('POST', '/customers', { key }, { name: 'Eşzamanlı Müşteri' });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    const patches = [{ city: 'İzmir' }, { jobTitle: 'Müdür' }, { source: 'Fuar' }, { address: 'Alsancak' }, { notes: 'Not' }, { country: 'TR' }];
    const answers = await Promise.all(patches.map((p) => apiCall('PATCH', `/customers/${id}`, { key }, p)));
    expect(answers.map((a) => a.status)).toEqual(patches.map(() => 200));
    const after = await apiCall('GET', `/customers/${id}`, { key });
    expect(after.json).toMatchObject(Object.assign({}, ...patches));
    expect((after.json as { version: number }).version).toBe(1 + patches.length);
  });

  it('keeps refusing a stale version with 409', async () => {
    const created = await apiCall('POST', '/customers', { key }, { name: 'Sürümlü Müşteri' });
    const { id, version } = created.json as { id: string; version: number };
    expect((await apiCall('PATCH', `/customers/${id}`, { key }, { city: 'Bursa', version })).status).toBe(200);
    expect(await apiCall('PATCH', `/customers/${id}`, { key }, { jobTitle: 'Eski', version })).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
  });
});
