/**
 * Counts the API reports, against a fixture built by hand: a project with a known number of tasks
 * in each status, and a pipeline with a known number of deals in each stage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { createApiKey } from '@/modules/api-keys/mutations';
import { contextFor, createTestBusiness, createUser } from './factories';
import { insertTasksBulk, insertTestProject } from './factories/projects';
import { insertTestDeals } from './factories/deals';
import { apiCall } from './api';

let key: string;
let businessId: string;

beforeAll(async () => {
  const db = getDb();
  const owner = await createUser(db, { name: 'Sayım Sahibi' });
  const business = await createTestBusiness(db, owner, { name: 'Sayım Dükkânı' });
  businessId = business.id;
  const ctx = await contextFor(db, owner.id, business.slug);
  key = (await createApiKey(db, ctx, { name: 'sayım', role: 'admin', expiresAt: null })).key;
});
afterAll(closeDb);

describe('counts', () => {
  it('a project reports the tasks in each of its statuses', async () => {
    const project = await insertTestProject(getDb(), businessId, { name: 'Sayılan' });
    await insertTasksBulk(getDb(), businessId, project, 10 * project.statuses.length);
    // Another project's tasks are not counted.
    const other = await insertTestProject(getDb(), businessId, { name: 'Öteki' });
    await insertTasksBulk(getDb(), businessId, other, 3);
    const res = await apiCall('GET', `/projects/${project.id}`, { key });
    expect(res.status).toBe(200);
    const statuses = (res.json as { statuses: { id: string; taskCount: number }[] }).statuses;
    expect(statuses).toHaveLength(project.statuses.length);
    for (const s of statuses) expect(s.taskCount).toBe(10);
  });

  it('a board reports the deals in each stage, in its columns and its pipeline', async () => {
    const created = await apiCall('POST', '/pipelines', { key }, { name: 'Sayılan hat' });
    expect(created.status).toBe(201);
    const pipeline = created.json as { id: string; stages: { id: string }[] };
    const stageIds = pipeline.stages.map((s) => s.id);
    // 4, 4, 4, … deals; the last stage gets what is left of 4 × stages − 2.
    const total = 4 * stageIds.length - 2;
    await insertTestDeals(getDb(), { businessId, pipelineId: pipeline.id, stageIds, count: total, currency: 'TRY' });
    const expected = stageIds.map((_, i) => (i === stageIds.length - 1 ? 2 : 4));

    const board = await apiCall('GET', `/pipelines/${pipeline.id}/board`, { key });
    expect(board.status).toBe(200);
    const json = board.json as { pipeline: { stages: { id: string; dealCount: number }[] }; columns: { id: string; count: number; dealCount: number; cards: unknown[] }[] };
    expect(json.columns.map((c) => c.count)).toEqual(expected);
    expect(json.columns.map((c) => c.dealCount)).toEqual(expected);
    expect(json.columns.map((c) => c.cards.length)).toEqual(expected);
    expect(json.pipeline.stages.map((s) => s.dealCount)).toEqual(expected);

    const listed = await apiCall('GET', '/pipelines', { key });
    const same = (listed.json as { data: { id: string; stages: { dealCount: number }[] }[] }).data.find((p) => p.id === pipeline.id)!;
    expect(same.stages.map((s) => s.dealCount)).toEqual(expected);
  });
});
