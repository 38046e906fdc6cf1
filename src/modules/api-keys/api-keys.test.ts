import { afterAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { personnel } from '@/server/db/schema';
import { scopeFor, type Role } from '@/lib/permissions';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { apiCall } from '../../../tests/api';
import { createApiKey } from './mutations';

afterAll(closeDb);

async function keyByAdmin(keyRole: Role) {
  const db = getDb();
  const owner = await createUser(db, { name: 'Anahtar Sahibi' });
  const business = await createTestBusiness(db, owner, { name: 'Anahtar Dükkânı' });
  const admin = await addPersonnel(db, business.id, { role: 'admin', name: 'Yönetici Kişi' });
  const ctx = await contextFor(db, admin.user!.id, business.slug);
  const { key } = await createApiKey(db, ctx, { name: 'entegrasyon', role: keyRole, expiresAt: null });
  const setCreator = (fields: { role?: Role; active?: boolean }) =>
    db.update(personnel).set(fields).where(and(eq(personnel.businessId, business.id), eq(personnel.id, admin.personnelId)));
  return { key, setCreator };
}

describe('API key powers', () => {
  it('a scope limited by other roles is the intersection', () => {
    expect(scopeFor({ role: 'viewer', limitRoles: ['viewer', 'member'] }, 'purchases', 'read')).toBe(false);
    expect(scopeFor({ role: 'admin', limitRoles: ['admin', 'sales'] }, 'deals', 'update')).toBe('own');
    expect(scopeFor({ role: 'marketing', limitRoles: ['marketing', 'sales'] }, 'campaigns', 'create')).toBe(false);
    expect(scopeFor({ role: 'marketing', limitRoles: ['marketing', 'admin'] }, 'campaigns', 'create')).toBe('all');
    expect(scopeFor({ role: 'sales' }, 'deals', 'update')).toBe('own');
  });

  it('a key loses what its creator loses, checked at each use', async () => {
    const { key, setCreator } = await keyByAdmin('viewer');
    expect((await apiCall('GET', '/purchases', { key })).status).toBe(200);
    expect((await apiCall('GET', '/deals', { key })).status).toBe(200);
    // A member may read neither purchases nor deals: nor may the key any more.
    await setCreator({ role: 'member' });
    expect((await apiCall('GET', '/purchases', { key })).status).toBe(403);
    expect((await apiCall('GET', '/deals', { key })).status).toBe(403);
    // What both may do still works.
    expect((await apiCall('GET', '/customers', { key })).status).toBe(200);
    await setCreator({ role: 'admin' });
    expect((await apiCall('GET', '/purchases', { key })).status).toBe(200);
  });

  it('a key whose creator lost access to the business is refused', async () => {
    const { key, setCreator } = await keyByAdmin('sales');
    expect((await apiCall('GET', '/customers', { key })).status).toBe(200);
    await setCreator({ active: false });
    expect((await apiCall('GET', '/customers', { key })).status).toBe(401);
  });
});
