import { afterAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { accountAuditLog, businesses, personnel } from '@/server/db/schema';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { findLandingBusinessSlug, findUserBusinesses, getBusiness, getBusinessOwners } from './queries';
import { countCustomers } from '@/modules/customers/queries';
import { countPersonnel } from '@/modules/personnel/queries';
import { countOpenDeals } from '@/modules/deals/queries';
import { countProjects } from '@/modules/projects/queries';
import { insertTestDeal, insertTestProject } from '../../../tests/factories/projects';
import { deals } from '@/server/db/schema';
import { deleteBusinessOperation, setBusinessLogoOperation, updateBusinessOperation } from './operations';
import { filesRoot, MAX_LOGO_BYTES, readBusinessFile } from '@/server/files/storage';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createBusinessSchema } from './schemas';
import { notificationPreferences } from '@/server/db/schema';
import { requestedLocale } from '@/i18n/locale';
import { createBusiness } from './mutations';
import { findNextSteps } from './next-steps';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { listPipelines } from '@/modules/deals/queries';
import { ensureDefaultPipeline } from '@/modules/deals/mutations';
import { createProjectOperation } from '@/modules/projects/operations';
import { createDealOperation } from '@/modules/deals/operations';
import { getProject } from '@/modules/projects/queries';
import { apiCall, sessionCookieFor } from '../../../tests/api';

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

  it('names its default stages and task columns in its creator’s language: UI cookie, then Accept-Language, then the account', async () => {
    expect(requestedLocale('en', 'tr-TR,tr;q=0.9')).toBe('en');
    expect(requestedLocale(undefined, 'en-US,en;q=0.9,tr;q=0.5')).toBe('en');
    expect(requestedLocale('xx', 'de-DE')).toBeNull();
    const db = getDb();
    const stagesOf = async (ctx: Awaited<ReturnType<typeof contextFor>>) => {
      await ensureDefaultPipeline(db, ctx);
      return (await listPipelines(db, ctx))[0]!.stages.map((s) => s.name);
    };
    const columnsOf = async (ctx: Awaited<ReturnType<typeof contextFor>>) => {
      const result = await runOperation(createProjectOperation, ctx, { name: 'Web Sitesi Yenileme' });
      const project = await getProject(db, ctx, (result as { data: { id: string } }).data.id);
      return project.statuses.map((s) => s.name);
    };

    // Asked for in the request: English, whoever opens sales first.
    const english = await createUser(db);
    const en = await createBusiness(db, english, createBusinessSchema.parse({ name: 'Sunrise Agency' }), 'en');
    const enCtx = await contextFor(db, english.id, en.slug);
    expect(await stagesOf(enCtx)).toEqual(['In contact', 'Quote given', 'Negotiation', 'Won', 'Lost']);
    expect(await columnsOf(enCtx)).toEqual(['To do', 'In progress', 'Done']);

    // Nothing in the request: the account's language.
    const account = await createUser(db);
    await db.insert(notificationPreferences).values({ userId: account.id, locale: 'en' });
    const byAccount = await createBusiness(db, account, createBusinessSchema.parse({ name: 'Account Ltd' }), null);
    expect(await stagesOf(await contextFor(db, account.id, byAccount.slug))).toContain('Won');

    // Neither: Turkish.
    const turkish = await createUser(db);
    const tr = await createBusiness(db, turkish, createBusinessSchema.parse({ name: 'Güneş Ajans' }), null);
    const trCtx = await contextFor(db, turkish.id, tr.slug);
    expect(await stagesOf(trCtx)).toEqual(['İletişimde', 'Teklif verildi', 'Müzakere', 'Kazanıldı', 'Kaybedildi']);
    expect(await columnsOf(trCtx)).toEqual(['Yapılacak', 'Devam ediyor', 'Tamamlandı']);
  });

  it('through the API, the business is made in the Accept-Language of the request, and the API’s default pipeline follows it', async () => {
    const db = getDb();
    const user = await createUser(db);
    const cookie = await sessionCookieFor(user.email, user.password);
    const created = await apiCall('POST', '/businesses', { cookie }, { name: 'API Agency' });
    expect(created.status).toBe(201);
    const business = created.json as { id: string; language: string };
    expect(business.language).toBe('en');
    const pipelines = await apiCall('GET', '/pipelines', { cookie, businessId: business.id });
    expect(pipelines.status).toBe(200);
    const stages = (pipelines.json as { data: { stages: { name: string }[] }[] }).data[0]!.stages.map((s) => s.name);
    expect(stages).toEqual(['In contact', 'Quote given', 'Negotiation', 'Won', 'Lost']);
  });

  it('lists the dashboard’s next steps the business has not done yet, each gone once done', async () => {
    const db = getDb();
    const owner = await createUser(db);
    const created = await createTestBusiness(db, owner, { name: 'Adım Adım' });
    const ctx = await contextFor(db, owner.id, created.slug);
    const keys = async (c = ctx) => (await findNextSteps(db, c)).map((s) => s.key);
    expect(await keys()).toEqual(['personnel', 'settings', 'customer', 'deal', 'project']);
    // Staff added: that step is done (a business with 9 people is never asked again).
    const viewer = await addPersonnel(db, created.id, { role: 'viewer' });
    expect(await keys()).toEqual(['settings', 'customer', 'deal', 'project']);
    // A viewer is never asked to do what they may not.
    expect(await keys(await contextFor(db, viewer.user!.id, created.slug))).toEqual([]);
    await db.update(businesses).set({ phone: '+905321234567' }).where(eq(businesses.id, created.id));
    await insertTestCustomer(db, created.id, { name: 'İlk Müşteri' });
    expect(await keys()).toEqual(['deal', 'project']);
    const deal = await runOperation(createDealOperation, ctx, { title: 'İlk fırsat' });
    expect(deal).toMatchObject({ ok: true });
    await runOperation(createProjectOperation, ctx, { name: 'İlk proje' });
    expect(await keys()).toEqual([]);
  });

  it('gives the business page its owner and its counts, each in the reader’s scope and business', async () => {
    const db = getDb();
    const owner = await createUser(db, { name: 'Sahip Selin' });
    const created = await createTestBusiness(db, owner, { name: 'Sayılı Dükkân' });
    const ctx = await contextFor(db, owner.id, created.slug);
    const sales = await addPersonnel(db, created.id, { role: 'sales' });
    const salesCtx = await contextFor(db, sales.user!.id, created.slug);
    const member = await addPersonnel(db, created.id, { role: 'member' });
    const memberCtx = await contextFor(db, member.user!.id, created.slug);
    await insertTestCustomer(db, created.id);
    await insertTestCustomer(db, created.id);
    await insertTestDeal(db, created.id, { ownerId: sales.personnelId });
    await insertTestDeal(db, created.id);
    const won = await insertTestDeal(db, created.id);
    await db.update(deals).set({ stageId: won.wonStageId }).where(eq(deals.id, won.dealId));
    await insertTestProject(db, created.id);
    await insertTestProject(db, created.id, { ownerId: member.personnelId });

    expect(await getBusinessOwners(db, ctx)).toEqual([{ personnelId: ctx.personnelId, name: 'Sahip Selin', email: owner.email }]);
    expect(await getBusinessOwners(db, memberCtx)).toHaveLength(1);
    expect(await countCustomers(db, ctx)).toBe(2);
    expect((await countPersonnel(db, ctx)).active).toBe(3);
    // Won deals are not open; sales read every deal; a member sees no deals at all.
    expect(await countOpenDeals(db, ctx)).toBe(2);
    expect(await countOpenDeals(db, salesCtx)).toBe(2);
    await expect(countOpenDeals(db, memberCtx)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await countProjects(db, ctx)).toBe(2);
    expect(await countProjects(db, memberCtx)).toBe(1);
    // Another business counts only its own.
    const stranger = await createUser(db);
    const other = await createTestBusiness(db, stranger, { name: 'Boş Dükkân' });
    const strangerCtx = await contextFor(db, stranger.id, other.slug);
    expect([await countOpenDeals(db, strangerCtx), await countProjects(db, strangerCtx), await countCustomers(db, strangerCtx)]).toEqual([0, 0, 0]);
    expect((await getBusinessOwners(db, strangerCtx)).map((o) => o.name)).not.toContain('Sahip Selin');
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
