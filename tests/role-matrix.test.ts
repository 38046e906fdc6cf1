/**
 * Every role against every operation, compared with the permission table (PERMISSIONS.md via
 * src/lib/permissions.ts). The operations are discovered from the modules, so a new operation
 * without a scenario here fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { stopBoss } from '@/server/jobs/boss';
import { runOperation, type Operation } from '@/server/actions/operation';
import type { Ctx } from '@/server/auth/context';
import { canDeleteBusiness, ROLES, scopeOf, type Role } from '@/lib/permissions';
import { addPersonnel, contextFor, createTestBusiness, createUser } from './factories';
import { createApiKey } from '@/modules/api-keys/mutations';
import { createPurchase } from '@/modules/purchases/mutations';
import { createPurchaseSchema } from '@/modules/purchases/schemas';
import { uploadImport } from '@/modules/imports/mutations';
import { insertTestCustomer } from './factories/customers';

type AnyOperation = Operation<never, unknown>;

const modules = import.meta.glob<Record<string, unknown>>('/src/modules/*/operations.ts', { eager: true });
const operations = Object.values(modules)
  .flatMap((m) => Object.values(m))
  .filter((v): v is AnyOperation => typeof v === 'object' && v !== null && 'run' in v && 'permission' in v);

// The smallest valid PNG: a 1×1 transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

type Fixture = {
  ctx: Ctx;
  targetId: string;
  targetVersion: number;
  businessName: string;
  apiKeyId: string;
  customerId: string;
  purchaseId: string;
  importId: string;
};

const purchaseInput = (customerId: string) => ({
  customerId,
  orderedAt: '2026-03-01',
  items: [{ name: 'Matris ürünü', quantityMilli: 1000, unitPriceMinor: 1000, vatRateBp: 2000 }],
});

/** Input for each operation, and whether the role is expected to be allowed. */
const scenarios: Record<string, { input: (f: Fixture) => unknown; allowed: (role: Role) => boolean; last?: boolean }> = {
  updateBusiness: {
    input: (f) => ({ name: f.businessName, sector: 'Perakende', version: 1 }),
    allowed: (r) => scopeOf(r, 'business', 'update') !== false,
  },
  deleteBusiness: {
    input: (f) => ({ confirmName: f.businessName }),
    allowed: (r) => canDeleteBusiness(r),
    last: true,
  },
  setBusinessLogo: {
    input: () => ({ logo: new File([PNG], 'logo.png', { type: 'image/png' }) }),
    allowed: (r) => scopeOf(r, 'business', 'update') !== false,
  },
  createApiKey: {
    input: () => ({ name: 'Matris anahtarı', role: 'viewer' }),
    allowed: (r) => scopeOf(r, 'apiKeys', 'create') !== false,
  },
  revokeApiKey: {
    input: (f) => ({ id: f.apiKeyId }),
    allowed: (r) => scopeOf(r, 'apiKeys', 'delete') !== false,
  },
  createPersonnel: {
    input: () => ({ name: 'Yeni Personel', role: 'member' }),
    allowed: (r) => scopeOf(r, 'personnel', 'create') !== false,
  },
  updatePersonnel: {
    input: (f) => ({ id: f.targetId, version: f.targetVersion, name: 'Değişen Ad', role: 'member', active: true }),
    allowed: (r) => scopeOf(r, 'personnel', 'update') !== false,
  },
  invitePersonnel: {
    input: (f) => ({ id: f.targetId }),
    allowed: (r) => scopeOf(r, 'personnel', 'create') !== false,
  },
  deletePersonnel: {
    input: (f) => ({ id: f.targetId }),
    allowed: (r) => scopeOf(r, 'personnel', 'delete') !== false,
  },
  createPurchase: {
    input: (f) => purchaseInput(f.customerId),
    allowed: (r) => scopeOf(r, 'purchases', 'create') !== false,
  },
  updatePurchase: {
    input: (f) => ({ ...purchaseInput(f.customerId), id: f.purchaseId, version: 1, status: 'refunded' }),
    allowed: (r) => scopeOf(r, 'purchases', 'update') !== false,
  },
  deletePurchase: {
    input: (f) => ({ id: f.purchaseId }),
    allowed: (r) => scopeOf(r, 'purchases', 'delete') !== false,
  },
  // Importing creates customers: every step takes the right to create them.
  uploadImport: {
    input: () => ({ file: new File(['Ad Soyad;E-posta\nMatris Kişi;matris@example.test\n'], 'matris.csv', { type: 'text/csv' }) }),
    allowed: (r) => scopeOf(r, 'customers', 'create') !== false,
  },
  previewImport: {
    input: (f) => ({ id: f.importId, mapping: ['name', 'email'], duplicateMode: 'skip' }),
    allowed: (r) => scopeOf(r, 'customers', 'create') !== false,
  },
  startImport: {
    input: (f) => ({ id: f.importId, mapping: ['name', 'email'], duplicateMode: 'skip' }),
    allowed: (r) => scopeOf(r, 'customers', 'create') !== false,
  },
  deleteImport: {
    input: (f) => ({ id: f.importId }),
    allowed: (r) => scopeOf(r, 'customers', 'create') !== false,
  },
};

beforeAll(() => {
  expect(operations.length).toBeGreaterThan(0);
});
afterAll(async () => {
  // startImport queues a job, which starts pg-boss in this process.
  await stopBoss();
  await closeDb();
});

describe('role matrix', () => {
  it('has a scenario for every operation', () => {
    const missing = operations.map((op) => op.name).filter((name) => !scenarios[name]);
    expect(missing).toEqual([]);
  });

  for (const role of ROLES) {
    it(`${role}: every operation is allowed exactly when the table says so`, async () => {
      const db = getDb();
      const owner = await createUser(db);
      const business = await createTestBusiness(db, owner, { name: `Matris ${role}` });
      const actor = role === 'owner' ? { user: owner } : await addPersonnel(db, business.id, { role });
      const ctx = await contextFor(db, actor.user!.id, business.slug);
      const ordered = [...operations].sort((a, b) => Number(!!scenarios[a.name]?.last) - Number(!!scenarios[b.name]?.last));
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const op of ordered) {
        const scenario = scenarios[op.name]!;
        // A fresh target for each operation: one op's success must not change another's outcome.
        const target = await addPersonnel(db, business.id, { role: 'member', login: false, email: `hedef-${op.name.toLowerCase()}-${role}@example.test` });
        const ownerCtx = await contextFor(db, owner.id, business.slug);
        const apiKey = await createApiKey(db, ownerCtx, { name: 'Hedef anahtar', role: 'viewer', expiresAt: null });
        const customer = await insertTestCustomer(db, business.id, { name: `Matris Müşteri ${op.name}` });
        const purchase = await createPurchase(db, ownerCtx, createPurchaseSchema.parse(purchaseInput(customer.id)));
        const upload = await uploadImport(db, ownerCtx, { name: 'hedef.csv', bytes: Buffer.from('Ad Soyad;E-posta\nHedef;hedef@example.test\n') });
        const fixture: Fixture = {
          ctx,
          targetId: target.personnelId,
          targetVersion: 1,
          businessName: `Matris ${role}`,
          apiKeyId: apiKey.id,
          customerId: customer.id,
          purchaseId: purchase.id,
          importId: upload.id,
        };
        const result = await runOperation(op, ctx, scenario.input(fixture) as never);
        outcomes[op.name] = result.ok ? 'allowed' : result.code;
        expected[op.name] = scenario.allowed(role) ? 'allowed' : 'FORBIDDEN';
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
