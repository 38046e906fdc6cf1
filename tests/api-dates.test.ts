/**
 * Calendar dates outside what PostgreSQL's `date` holds (year 0, 5-digit years) or far from any real
 * record are field errors (422 in the body, 400 in the query), never a 500 from the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { createApiKey } from '@/modules/api-keys/mutations';
import { dateField, optionalDateField } from '@/lib/validation';
import { contextFor, createTestBusiness, createUser } from './factories';
import { apiCall } from './api';

let key: string;

beforeAll(async () => {
  const db = getDb();
  const owner = await createUser(db, { name: 'Tarih Sahibi' });
  const business = await createTestBusiness(db, owner, { name: 'Tarih Dükkânı' });
  const ctx = await contextFor(db, owner.id, business.slug);
  key = (await createApiKey(db, ctx, { name: 'tarih', role: 'admin', expiresAt: null })).key;
});
afterAll(closeDb);

const BAD = ['0000-01-01', '1899-12-31', '2024-02-30', '2024-13-01', '10000-01-01', '-0001-01-01', '2024-1-1'];

describe('calendar dates', () => {
  it('the shared date field takes real dates from 1900 to 9999 only', () => {
    for (const v of ['1900-01-01', '2024-02-29', '9999-12-31']) expect(dateField.safeParse(v).success, v).toBe(true);
    for (const v of BAD) expect(dateField.safeParse(v).success, v).toBe(false);
    expect(optionalDateField.parse('')).toBeNull();
    expect(optionalDateField.parse(undefined)).toBeNull();
  });

  it('answers a field error for a deal close date, a project start date and a quote validity', async () => {
    const deal = await apiCall('POST', '/deals', { key }, { title: 'd', expectedCloseDate: '2026-05-01' });
    expect(deal.status).toBe(201);
    const dealId = (deal.json as { id: string }).id;
    for (const bad of BAD) {
      const d = await apiCall('POST', '/deals', { key }, { title: 'd', expectedCloseDate: bad });
      expect(d, bad).toMatchObject({ status: 422, json: { error: { code: 'VALIDATION', fields: { expectedCloseDate: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) } } } });
      const p = await apiCall('POST', '/projects', { key }, { name: 'p', startDate: bad });
      expect(p, bad).toMatchObject({ status: 422, json: { error: { code: 'VALIDATION', fields: { startDate: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) } } } });
      const q = await apiCall('POST', '/quotes', { key }, { dealId, validUntil: bad });
      expect(q, bad).toMatchObject({ status: 422, json: { error: { code: 'VALIDATION', fields: { validUntil: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) } } } });
      const patched = await apiCall('PATCH', `/deals/${dealId}`, { key }, { expectedCloseDate: bad });
      expect(patched.status, bad).toBe(422);
    }
  });

  it('answers 400 for a board filter date out of range', async () => {
    const pipelines = await apiCall('GET', '/pipelines', { key });
    const pipelineId = (pipelines.json as { data: { id: string }[] }).data[0]!.id;
    expect((await apiCall('GET', `/pipelines/${pipelineId}/board?closeFrom=2026-01-01`, { key })).status).toBe(200);
    for (const bad of ['0000-01-01', '1899-12-31']) {
      const res = await apiCall('GET', `/pipelines/${pipelineId}/board?closeFrom=${bad}&closeTo=${bad}`, { key });
      expect(res.status, bad).toBeGreaterThanOrEqual(400);
      expect(res.status, bad).toBeLessThan(500);
      expect(res.json, bad).toMatchObject({ error: { code: expect.any(String), fields: { closeFrom: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) } } });
    }
  });
});
