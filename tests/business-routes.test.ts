/**
 * The app's own route handlers (files, PDFs, CSV exports, option lists, the event stream) answer
 * through one wrapper: a browser session only, membership checked first, and the API's error →
 * status map and JSON shape. Real sessions from better-auth's handler, real database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/server/db/client';
import { appUrl } from '@/server/auth/auth';
import { stopBoss } from '@/server/jobs/boss';
import { createApiKey } from '@/modules/api-keys/mutations';
import { uploadImport } from '@/modules/imports/mutations';
import { GET as quotePdf } from '@/app/(app)/[business]/quotes/[id]/pdf/route';
import { GET as importErrors } from '@/app/(app)/[business]/customers/import/[id]/errors.csv/route';
import { GET as customerRows } from '@/app/(app)/[business]/customers/rows/route';
import { GET as customerOptions } from '@/app/(app)/[business]/reminders/customer-options/route';
import { addPersonnel, contextFor, createTestBusiness, createUser, type TestUser } from './factories';
import { sessionCookieFor } from './api';

type Route = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

let owner: TestUser;
let slug: string;
let ownerCookie: string;
let memberCookie: string;
let viewerCookie: string;
let adminKey: string;
let importId: string;

async function call(route: Route, url: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await route(new Request(`${appUrl()}${url}`, { headers: { 'accept-language': 'en', ...headers } }), { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? (JSON.parse(text) as { error: { code: string; message: string; fields?: Record<string, string> } }) : null };
}

beforeAll(async () => {
  const db = getDb();
  owner = await createUser(db);
  const business = await createTestBusiness(db, owner);
  slug = business.slug;
  const ctx = await contextFor(db, owner.id, slug);
  const member = (await addPersonnel(db, business.id, { role: 'member' })).user!;
  const viewer = (await addPersonnel(db, business.id, { role: 'viewer' })).user!;
  ownerCookie = await sessionCookieFor(owner.email, owner.password);
  memberCookie = await sessionCookieFor(member.email, member.password);
  viewerCookie = await sessionCookieFor(viewer.email, viewer.password);
  adminKey = (await createApiKey(db, ctx, { name: 'routes', role: 'admin', expiresAt: null })).key;
  importId = (await uploadImport(db, ctx, { name: 'a.csv', bytes: Buffer.from('Ad Soyad;E-posta\nAyşe;ayse@example.test\n') })).id;
});

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

describe('business routes', () => {
  it('answer 401 in the API shape without a session, and to an API key (keys belong to /api/v1)', async () => {
    for (const headers of [{}, { authorization: `Bearer ${adminKey}` }] as Record<string, string>[]) {
      const res = await call(customerOptions as Route, `/${slug}/reminders/customer-options?q=a`, { business: slug }, headers);
      expect(res.status).toBe(401);
      expect(res.type).toContain('application/json');
      expect(res.body?.error.code).toBe('UNAUTHENTICATED');
      expect(res.body?.error.message).toBeTruthy();
    }
  });

  it('answer 403 FORBIDDEN to a role that may not, in every route alike', async () => {
    // A member may not read deals (so no quote PDF); a viewer may not import (so no error file).
    const pdf = await call(quotePdf as Route, `/${slug}/quotes/${randomUUID()}/pdf`, { business: slug, id: randomUUID() }, { cookie: memberCookie });
    expect(pdf.status).toBe(403);
    expect(pdf.body?.error.code).toBe('FORBIDDEN');
    const errors = await call(importErrors as Route, `/${slug}/customers/import/${importId}/errors.csv`, { business: slug, id: importId }, { cookie: viewerCookie });
    expect(errors.status).toBe(403);
    expect(errors.body?.error.code).toBe('FORBIDDEN');
  });

  it('answer 404 for an unknown id and 400 with the field for bad input', async () => {
    const pdf = await call(quotePdf as Route, `/${slug}/quotes/${randomUUID()}/pdf`, { business: slug, id: randomUUID() }, { cookie: ownerCookie });
    expect(pdf.status).toBe(404);
    expect(pdf.body?.error.code).toBe('NOT_FOUND');
    const notJson = await call(customerRows as Route, `/${slug}/customers/rows?q=%7B`, { business: slug }, { cookie: ownerCookie });
    expect(notJson.status).toBe(400);
    const badField = await call(customerRows as Route, `/${slug}/customers/rows?q=${encodeURIComponent(JSON.stringify({ limit: 'many' }))}`, { business: slug }, { cookie: ownerCookie });
    expect(badField.status).toBe(400);
    expect(badField.body?.error.code).toBe('BAD_REQUEST');
    expect(Object.keys(badField.body?.error.fields ?? {})).toContain('limit');
  });

  it('serve the member the business’s rows', async () => {
    const rows = await call(customerRows as Route, `/${slug}/customers/rows`, { business: slug }, { cookie: memberCookie });
    expect(rows.status).toBe(200);
  });
});
