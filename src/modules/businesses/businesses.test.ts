import { afterAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { accountAuditLog, businesses, personnel } from '@/server/db/schema';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { findLandingBusinessSlug, findUserBusinesses, getBusiness } from './queries';
import { deleteBusinessOperation, setBusinessLogoOperation, updateBusinessOperation } from './operations';
import { filesRoot, MAX_LOGO_BYTES, readBusinessFile } from '@/server/files/storage';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createBusinessSchema } from './schemas';

afterAll(closeDb);

describe('businesses', () => {
  it('makes its creator the owner, with Turkish defaults and a readable slug', async () => {
    const db = getDb();
    const owner = await createUser(db);
    const created = await createTestBusiness(db, owner, { name: "Ayşe'nin Çiçekçisi" });
    expect(created.slug).toMatch(/^aysenin-cicekcisi(-[0-9a-f]{6})?$/);
    const ctx = await contextFor(db, owner.id, created.slug);
    expect(ctx.role).toBe('owner');
    const b = await getBusiness(db, ctx);
    expect(b).toMatchObject({ currency: 'TRY', timeZone: 'Europe/Istanbul', version: 1 });
    expect(await findLandingBusinessSlug(db, owner.id)).toBe(created.slug);
  });

  it('gives two businesses with one name two slugs, and a user can switch between them', async () => {
    const db = getDb();
    const owner = await createUser(db);
    const a = await createTestBusiness(db, owner, { name: 'Aynı Ad Ltd' });
    const b = await createTestBusiness(db, owner, { name: 'Aynı Ad Ltd' });
    expect(a.slug).not.toBe(b.slug);
    expect((await findUserBusinesses(db, owner.id)).map((x) => x.slug).sort()).toEqual([a.slug, b.slug].sort());
  });

  it('validates fields with reasons', () => {
    const r = createBusinessSchema.safeParse({ name: '', email: 'x', taxNumber: '12ab', timeZone: 'Mars/Olympus', currency: 'XYZ' });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(fields).toMatchObject({ name: 'required', email: 'email', taxNumber: 'taxNumber', timeZone: 'timeZone', currency: 'invalid' });
  });

  it('updates with optimistic locking', async () => {
    const db = getDb();
    const owner = await createUser(db);
    const created = await createTestBusiness(db, owner, { name: 'Kırtasiye' });
    const ctx = await contextFor(db, owner.id, created.slug);
    const ok = await runOperation(updateBusinessOperation, ctx, { name: 'Kırtasiye Dünyası', phone: '0212 555 12 12', version: 1 });
    expect(ok).toMatchObject({ ok: true, data: { version: 2 } });
    expect((await getBusiness(db, ctx)).phone).toBe('+902125551212');
    const stale = await runOperation(updateBusinessOperation, ctx, { name: 'Eski', version: 1 });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await getBusiness(db, ctx)).name).toBe('Kırtasiye Dünyası');
  });

  it('deletes only with the typed name, taking all its data, and logs it in the owner’s account log', async () => {
    const db = getDb();
    const owner = await createUser(db);
    const created = await createTestBusiness(db, owner, { name: 'Silinecek Fırın' });
    await addPersonnel(db, created.id, { role: 'member', login: false });
    const ctx = await contextFor(db, owner.id, created.slug);
    const wrong = await runOperation(deleteBusinessOperation, ctx, { confirmName: 'Silinecek' });
    expect(wrong).toMatchObject({ ok: false, code: 'VALIDATION', fields: { confirmName: 'confirmName' } });
    const done = await runOperation(deleteBusinessOperation, ctx, { confirmName: 'Silinecek Fırın' });
    expect(done).toMatchObject({ ok: true, message: 'businesses.deleted' });
    expect(await db.select().from(businesses).where(eq(businesses.id, created.id))).toEqual([]);
    expect(await db.select().from(personnel).where(eq(personnel.businessId, created.id))).toEqual([]);
    const log = await db.select().from(accountAuditLog).where(eq(accountAuditLog.userId, owner.id));
    expect(log).toEqual([expect.objectContaining({ action: 'delete', entityType: 'business', entityId: created.id })]);
    const { rows } = await db.execute(sql`select count(*)::int as n from audit_log where business_id = ${created.id}`);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('refuses the admin the deletion and another business’s user everything', async () => {
    const db = getDb();
    const owner = await createUser(db);
    const created = await createTestBusiness(db, owner, { name: 'Korunan' });
    const admin = await addPersonnel(db, created.id, { role: 'admin' });
    const adminCtx = await contextFor(db, admin.user!.id, created.slug);
    expect(await runOperation(deleteBusinessOperation, adminCtx, { confirmName: 'Korunan' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const stranger = await createUser(db);
    await createTestBusiness(db, stranger, { name: 'Başka' });
    await expect(contextFor(db, stranger.id, created.slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('business logo', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

  it('stores an image checked by its content, refuses SVG, and removes files with the business', async () => {
    const db = getDb();
    const owner = await createUser(db);
    const created = await createTestBusiness(db, owner, { name: 'Logolu Dükkân' });
    const ctx = await contextFor(db, owner.id, created.slug);
    const svg = await runOperation(setBusinessLogoOperation, ctx, { logo: new File([SVG], 'logo.png', { type: 'image/png' }) });
    expect(svg).toMatchObject({ ok: false, code: 'VALIDATION', fields: { logo: 'imageType' } });
    const big = await runOperation(setBusinessLogoOperation, ctx, { logo: new File([Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)])], 'a.png') });
    expect(big).toMatchObject({ ok: false, fields: { logo: 'fileTooLarge' } });
    const ok = await runOperation(setBusinessLogoOperation, ctx, { logo: new File([PNG], 'logo.png') });
    expect(ok).toMatchObject({ ok: true, message: 'businesses.logoSaved' });
    const stored = (await getBusiness(db, ctx)).logoPath!;
    expect(stored).toMatch(new RegExp(`^${created.id}/logo-.+\\.png$`));
    expect(await readBusinessFile(stored)).toEqual(PNG);
    await runOperation(deleteBusinessOperation, ctx, { confirmName: 'Logolu Dükkân' });
    expect(existsSync(path.join(filesRoot(), created.id))).toBe(false);
  });
});
