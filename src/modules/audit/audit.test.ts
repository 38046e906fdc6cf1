import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { createPersonnelOperation, updatePersonnelOperation } from '@/modules/personnel/operations';
import { findAuditEntries } from './queries';

afterAll(closeDb);

describe('audit log', () => {
  it('records who changed what, with field names but no personal data, and filters', async () => {
    const db = getDb();
    const owner = await createUser(db, { name: 'Denetçi Sahip' });
    const business = await createTestBusiness(db, owner, { name: 'Denetlenen' });
    const ctx = await contextFor(db, owner.id, business.slug);
    const created = await runOperation(createPersonnelOperation, ctx, { name: 'KİŞİSEL-VERİ-İşaret', email: 'gizli@example.test', role: 'member' });
    if (!created.ok) throw new Error('create failed');
    const keyCtx = { ...ctx, apiKeyId: '019a0000-0000-7000-8000-000000000001' };
    await runOperation(updatePersonnelOperation, keyCtx, {
      id: created.data.id, version: 1, name: 'KİŞİSEL-VERİ-İşaret', email: 'yeni@example.test', title: 'Usta', role: 'member', active: true,
    });
    const all = await findAuditEntries(db, ctx, {});
    const update = all.data.find((e) => e.action === 'update' && e.entityId === created.data.id);
    expect(update).toMatchObject({ entityType: 'personnel', changedFields: expect.arrayContaining(['email', 'title']), actorName: 'Denetçi Sahip' });
    const { rows } = await db.execute<{ actor_api_key_id: string }>(
      sql`select actor_api_key_id from audit_log where business_id = ${business.id} and action = 'update'`,
    );
    expect(rows[0]?.actor_api_key_id).toBe(keyCtx.apiKeyId);
    const dump = JSON.stringify((await db.execute(sql`select * from audit_log where business_id = ${business.id}`)).rows);
    expect(dump).not.toContain('KİŞİSEL');
    expect(dump).not.toContain('gizli@example.test');
    const onlyBusiness = await findAuditEntries(db, ctx, { entityType: 'business' });
    expect(onlyBusiness.data.every((e) => e.entityType === 'business')).toBe(true);
    const paged = await findAuditEntries(db, ctx, { limit: 1 });
    const second = await findAuditEntries(db, ctx, { limit: 1, cursor: paged.nextCursor! });
    expect(second.data[0]!.id < paged.data[0]!.id).toBe(true);
  });
});
