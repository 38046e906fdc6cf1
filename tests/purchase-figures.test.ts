/**
 * Lifetime value, purchase count and last purchase are purchase figures: a role that may not read
 * purchases (a member, PERMISSIONS.md) sees none of them in any customer read — profile, list, CSV
 * export, API — and may not filter or sort by them. A role that may read purchases sees them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { closeDb, getDb } from '@/server/db/client';
import { customers } from '@/server/db/schema';
import { isAppError } from '@/lib/errors';
import type { Ctx } from '@/server/auth/context';
import { createApiKey } from '@/modules/api-keys/mutations';
import { countCustomers, findCustomers, getCustomer } from '@/modules/customers/queries';
import { customersCsvResponse } from '@/modules/customers/http';
import { listCustomersSchema } from '@/modules/customers/schemas';
import { addPersonnel, contextFor, createTestBusiness, createUser } from './factories';
import { insertTestCustomer } from './factories/customers';
import { apiCall } from './api';

let ownerCtx: Ctx;
let memberCtx: Ctx;
let supportCtx: Ctx;
let customerId: string;
let memberKey: string;
let supportKey: string;

beforeAll(async () => {
  const db = getDb();
  const owner = await createUser(db);
  const business = await createTestBusiness(db, owner);
  ownerCtx = await contextFor(db, owner.id, business.slug);
  const member = (await addPersonnel(db, business.id, { role: 'member' })).user!;
  const support = (await addPersonnel(db, business.id, { role: 'support' })).user!;
  memberCtx = await contextFor(db, member.id, business.slug);
  supportCtx = await contextFor(db, support.id, business.slug);
  const customer = await insertTestCustomer(db, business.id, { name: 'Figürlü Müşteri' });
  customerId = customer.id;
  await db
    .update(customers)
    .set({ lifetimeValueMinor: 123_456, purchaseCount: 7, lastPurchaseAt: new Date('2026-11-01T10:00:00Z') })
    .where(and(eq(customers.businessId, business.id), eq(customers.id, customer.id)));
  // An admin's key in the role member, and one in the role support (which may read purchases).
  memberKey = (await createApiKey(db, ownerCtx, { name: 'member key', role: 'member', expiresAt: null })).key;
  supportKey = (await createApiKey(db, ownerCtx, { name: 'support key', role: 'support', expiresAt: null })).key;
});

afterAll(closeDb);

const t = (key: string) => key;

async function csvOf(ctx: Ctx): Promise<string[][]> {
  const res = await customersCsvResponse(getDb(), ctx, listCustomersSchema.parse({}), t, { delimiter: ',' });
  return parse(Buffer.from(await res.arrayBuffer()), { bom: true, delimiter: ',' }) as string[][];
}

async function refusal(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (err) {
    return isAppError(err) ? err.code : 'THREW';
  }
}

describe('purchase figures on customers', () => {
  it('are in every read for a role that may read purchases', async () => {
    const profile = await getCustomer(getDb(), supportCtx, customerId);
    expect([profile.lifetimeValueMinor, profile.purchaseCount]).toEqual([123_456, 7]);
    const [row] = (await findCustomers(getDb(), supportCtx)).data;
    expect(row?.lifetimeValueMinor).toBe(123_456);
    const csv = await csvOf(supportCtx);
    expect(csv[0]).toContain('columns.lifetimeValue');
    expect(csv[1]).toContain('1234.56');
    const api = await apiCall('GET', `/customers/${customerId}`, { key: supportKey });
    expect(api.json).toMatchObject({ lifetimeValueMinor: 123_456, purchaseCount: 7, lastPurchaseAt: '2026-11-01T10:00:00.000Z' });
  });

  it('are in no read for a member: profile, list, export, API', async () => {
    const profile = await getCustomer(getDb(), memberCtx, customerId);
    expect([profile.lifetimeValueMinor, profile.purchaseCount, profile.lastPurchaseAt]).toEqual([null, null, null]);
    const [row] = (await findCustomers(getDb(), memberCtx)).data;
    expect([row?.lifetimeValueMinor, row?.lastPurchaseAt]).toEqual([null, null]);
    const csv = await csvOf(memberCtx);
    expect(csv[0]).not.toContain('columns.lifetimeValue');
    expect(csv[0]).not.toContain('columns.lastPurchase');
    expect(csv.flat().join(' ')).not.toMatch(/1234[.,]56|2026-11-01/);
    const one = await apiCall('GET', `/customers/${customerId}`, { key: memberKey });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ lifetimeValueMinor: null, purchaseCount: null, lastPurchaseAt: null });
    const list = await apiCall('GET', '/customers', { key: memberKey });
    expect(list.text).not.toContain('123456');
    expect((list.json as { data: { lifetimeValueMinor: unknown }[] }).data[0]?.lifetimeValueMinor).toBeNull();
  });

  it('may not be filtered or sorted by a member, which would reveal them', async () => {
    for (const filters of [{ lifetimeValueMin: 1 }, { lifetimeValueMax: 1 }, { lastPurchaseFrom: '2026-01-01' }, { lastPurchaseTo: '2026-12-31' }]) {
      expect(await refusal(() => findCustomers(getDb(), memberCtx, { filters })), JSON.stringify(filters)).toBe('FORBIDDEN');
      expect(await refusal(() => countCustomers(getDb(), memberCtx, { filters })), JSON.stringify(filters)).toBe('FORBIDDEN');
    }
    expect(await refusal(() => findCustomers(getDb(), memberCtx, { sort: 'lifetimeValue' }))).toBe('FORBIDDEN');
    expect(await refusal(() => findCustomers(getDb(), supportCtx, { filters: { lifetimeValueMin: 1 }, sort: 'lifetimeValue' }))).toBeNull();
  });
});
