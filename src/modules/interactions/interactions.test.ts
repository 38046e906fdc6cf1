/**
 * Interactions against the real database: customers.last_interaction_at kept in the same
 * transaction, "own" roles, the timeline's keyset paging and stale versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { customerNotes, customers, interactionCustomers, interactions } from '@/server/db/schema';
import { runOperation } from '@/server/actions/operation';
import type { Ctx } from '@/server/auth/context';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import {
  createInteractionOperation,
  deleteInteractionOperation,
  findCustomerOptionsOperation,
  updateInteractionOperation,
} from './operations';
import { findCustomerTimeline, findInteractions, getInteraction } from './queries';
import { findCustomerTimelineOperation } from './operations';
import { createNoteOperation } from '@/modules/customers/operations';

let owner: Ctx;
let salesA: Ctx;
let salesB: Ctx;
let viewer: Ctx;
let businessId: string;

beforeAll(async () => {
  const db = getDb();
  const user = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, user, { name: 'Etkileşim Dükkânı' });
  businessId = business.id;
  owner = await contextFor(db, user.id, business.slug);
  const ctxOf = async (role: 'sales' | 'viewer') => contextFor(db, (await addPersonnel(db, business.id, { role })).user!.id, business.slug);
  salesA = await ctxOf('sales');
  salesB = await ctxOf('sales');
  viewer = await ctxOf('viewer');
});
afterAll(closeDb);

const at = (iso: string) => `${iso}:00+03:00`;

async function log(ctx: Ctx, customerIds: string[], occurredAt: string, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await runOperation(createInteractionOperation, ctx, { type: 'call', direction: 'outbound', occurredAt: at(occurredAt), customerIds, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (result.data as { id: string }).id;
}

async function lastInteractionOf(id: string): Promise<string | null> {
  const [row] = await getDb().select({ at: customers.lastInteractionAt }).from(customers).where(and(eq(customers.businessId, businessId), eq(customers.id, id)));
  return row?.at?.toISOString() ?? null;
}

describe('last_interaction_at', () => {
  it('follows creates, edits that move the date or the customers, and deletes', async () => {
    const db = getDb();
    const a = await insertTestCustomer(db, businessId, { name: 'Çağla Öztürk' });
    const b = await insertTestCustomer(db, businessId, { name: 'İsmail Şahin' });
    expect(await lastInteractionOf(a.id)).toBeNull();

    const first = await log(owner, [a.id, b.id], '2026-01-10T10:00');
    expect(await lastInteractionOf(a.id)).toBe('2026-01-10T07:00:00.000Z');
    expect(await lastInteractionOf(b.id)).toBe('2026-01-10T07:00:00.000Z');

    const second = await log(owner, [a.id], '2026-02-01T09:30');
    expect(await lastInteractionOf(a.id)).toBe('2026-02-01T06:30:00.000Z');
    expect(await lastInteractionOf(b.id)).toBe('2026-01-10T07:00:00.000Z');
    // An older one does not move it back.
    await log(owner, [a.id], '2025-12-01T09:00');
    expect(await lastInteractionOf(a.id)).toBe('2026-02-01T06:30:00.000Z');

    // Editing the newest to an earlier date recomputes the maximum.
    const current = await getInteraction(db, owner, second);
    const moved = await runOperation(updateInteractionOperation, owner, {
      id: second,
      version: current.version,
      type: 'call',
      occurredAt: at('2026-01-05T09:30'),
      customerIds: [a.id],
    });
    expect(moved.ok).toBe(true);
    expect(await lastInteractionOf(a.id)).toBe('2026-01-10T07:00:00.000Z');

    // Moving the first interaction off customer b leaves b with none.
    const firstNow = await getInteraction(db, owner, first);
    expect((await runOperation(updateInteractionOperation, owner, { ...editable(firstNow), customerIds: [a.id] })).ok).toBe(true);
    expect(await lastInteractionOf(b.id)).toBeNull();
    const [link] = await db
      .select({ occurredAt: interactionCustomers.occurredAt })
      .from(interactionCustomers)
      .where(and(eq(interactionCustomers.businessId, businessId), eq(interactionCustomers.interactionId, first)));
    expect(link?.occurredAt.toISOString()).toBe('2026-01-10T07:00:00.000Z');

    expect((await runOperation(deleteInteractionOperation, owner, { id: first })).ok).toBe(true);
    expect(await lastInteractionOf(a.id)).toBe('2026-01-05T06:30:00.000Z');
  });

  it('writes nothing when the transaction fails half-way (an unknown customer among known ones)', async () => {
    const db = getDb();
    const a = await insertTestCustomer(db, businessId);
    const result = await runOperation(createInteractionOperation, owner, {
      type: 'note',
      occurredAt: at('2026-03-01T10:00'),
      customerIds: [a.id, '01900000-0000-7000-8000-000000000000'],
    });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND', fields: { customerIds: 'invalid' } });
    expect(await lastInteractionOf(a.id)).toBeNull();
    expect((await findInteractions(db, owner, { customerId: a.id })).data).toEqual([]);
  });

  it('stays right when two people log for the same customer at once', async () => {
    const db = getDb();
    const c = await insertTestCustomer(db, businessId);
    const times = ['2026-04-01T10:00', '2026-04-03T10:00', '2026-04-02T10:00', '2026-03-30T10:00', '2026-04-03T09:00'];
    await Promise.all(times.map((t, i) => log(i % 2 ? salesA : salesB, [c.id], t)));
    expect(await lastInteractionOf(c.id)).toBe('2026-04-03T07:00:00.000Z');
  });
});

function editable(i: Awaited<ReturnType<typeof getInteraction>>) {
  return {
    id: i.id,
    version: i.version,
    type: i.type,
    direction: i.direction,
    occurredAt: i.occurredAt.toISOString(),
    durationMinutes: i.durationMinutes,
    subject: i.subject,
    body: i.body,
    outcome: i.outcome,
    customerIds: i.customers.map((c) => c.id),
    personnelIds: i.personnel.map((p) => p.id),
  };
}

describe('own records', () => {
  it('lets sales change and delete only what they logged; the owner anything; the viewer nothing', async () => {
    const db = getDb();
    const c = await insertTestCustomer(db, businessId);
    const mine = await log(salesA, [c.id], '2026-05-01T10:00', { personnelIds: [salesA.personnelId] });
    const record = await getInteraction(db, salesA, mine);
    expect(record).toMatchObject({ createdById: salesA.personnelId, canUpdate: true, canDelete: true, personnel: [{ id: salesA.personnelId }] });
    expect(await getInteraction(db, salesB, mine)).toMatchObject({ canUpdate: false, canDelete: false });

    const update = (ctx: Ctx, subject: string) =>
      getInteraction(db, ctx, mine).then((i) => runOperation(updateInteractionOperation, ctx, { ...editable(i), subject }));
    expect(await update(salesB, 'başkası')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(deleteInteractionOperation, salesB, { id: mine })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await update(viewer, 'izleyici')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await runOperation(createInteractionOperation, viewer, { type: 'note', occurredAt: at('2026-05-01T10:00'), customerIds: [c.id] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await getInteraction(db, owner, mine)).subject).toBeNull();

    expect(await update(salesA, 'Görüşme notu')).toMatchObject({ ok: true });
    expect(await update(owner, 'Müdür düzeltti')).toMatchObject({ ok: true });
    expect((await getInteraction(db, owner, mine)).subject).toBe('Müdür düzeltti');
    expect(await runOperation(deleteInteractionOperation, salesA, { id: mine })).toMatchObject({ ok: true });
  });

  it('refuses a stale version with CONFLICT', async () => {
    const db = getDb();
    const c = await insertTestCustomer(db, businessId);
    const id = await log(owner, [c.id], '2026-05-02T10:00');
    const stale = editable(await getInteraction(db, owner, id));
    expect(await runOperation(updateInteractionOperation, owner, { ...stale, subject: 'ilk' })).toMatchObject({ ok: true });
    expect(await runOperation(updateInteractionOperation, owner, { ...stale, subject: 'ikinci' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('timeline paging', () => {
  it('pages one customer’s timeline newest first with a keyset cursor, ties broken by id', async () => {
    const db = getDb();
    const c = await insertTestCustomer(db, businessId);
    const other = await insertTestCustomer(db, businessId);
    const times = ['2026-06-01T10:00', '2026-06-02T10:00', '2026-06-02T10:00', '2026-06-03T10:00', '2026-06-04T10:00', '2026-06-04T10:00', '2026-06-05T10:00'];
    const ids: string[] = [];
    for (const t of times) ids.push(await log(owner, [c.id], t));
    await log(owner, [other.id], '2026-06-03T12:00');

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await findInteractions(db, owner, { customerId: c.id, cursor, limit: 3 });
      seen.push(...page.data.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const expected = ids
      .map((id, i) => ({ id, t: times[i]! }))
      .sort((x, y) => (x.t === y.t ? (x.id < y.id ? 1 : -1) : x.t < y.t ? 1 : -1))
      .map((x) => x.id);
    expect(seen).toEqual(expected);

    // The feed filters by type and date range; another customer's call shows only there.
    const feed = await findInteractions(db, owner, { type: 'call', from: new Date('2026-06-03T00:00:00Z'), to: new Date('2026-06-04T00:00:00Z') });
    expect(feed.data.map((i) => i.customers[0]?.id)).toEqual([other.id, c.id]);
  });

  it('reads the timeline through interaction_customers_timeline_idx', async () => {
    const db = getDb();
    const c = await insertTestCustomer(db, businessId);
    // Small tables favour a sequential scan; forbid it to see which index the query can use.
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const { rows } = await tx.execute<{ 'QUERY PLAN': string }>(sql`explain
        select ic.interaction_id from interaction_customers ic
        where ic.business_id = ${businessId} and ic.customer_id = ${c.id}
          and (ic.occurred_at, ic.interaction_id) < (now(), ${c.id}::uuid)
        order by ic.occurred_at desc, ic.interaction_id desc limit 51`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('interaction_customers_timeline_idx');
  });

  it('refuses a forged cursor with a 400-class error, not a crash', async () => {
    const bad = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    await expect(findInteractions(getDb(), owner, { cursor: bad })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('customer timeline with notes', () => {
  it('holds the notes box’s notes with e-mails, calls and meetings, newest first, paged and filtered by type', async () => {
    const db = getDb();
    const c = await insertTestCustomer(db, businessId);
    const call = await log(owner, [c.id], '2026-07-01T10:00');
    const meeting = await log(owner, [c.id], '2026-07-03T10:00', { type: 'meeting', direction: null });
    const email = await log(owner, [c.id], '2026-07-05T10:00', { type: 'email', subject: 'Teklif' });
    const logged = await log(owner, [c.id], '2026-07-06T10:00', { type: 'note', direction: null, body: 'Kayıtlı not' });
    const note = async (body: string, pinned: boolean, when: string) => {
      const result = await runOperation(createNoteOperation, owner, { customerId: c.id, body, pinned });
      if (!result.ok) throw new Error(JSON.stringify(result));
      const id = (result.data as { id: string }).id;
      // The notes box stamps notes with now; place them among the interactions.
      await db.update(customerNotes).set({ createdAt: new Date(at(when)) }).where(and(eq(customerNotes.businessId, businessId), eq(customerNotes.id, id)));
      return id;
    };
    const pinned = await note('Sabit not', true, '2026-07-02T10:00');
    const plain = await note('Düz not', false, '2026-07-04T10:00');

    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await findCustomerTimeline(db, owner, { customerId: c.id, cursor, limit: 2 });
      all.push(...page.data.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all).toEqual([logged, email, plain, meeting, pinned, call]);

    const notes = await findCustomerTimeline(db, owner, { customerId: c.id, type: 'note' });
    expect(notes.data.map((i) => [i.id, i.type, i.customerNote?.pinned ?? null])).toEqual([
      [logged, 'note', null],
      [plain, 'note', false],
      [pinned, 'note', true],
    ]);
    // Notes box entries are edited in the box: read-only here.
    expect(notes.data.filter((i) => i.customerNote).every((i) => !i.canUpdate && !i.canDelete)).toBe(true);
    expect((await findCustomerTimeline(db, owner, { customerId: c.id, type: 'call' })).data.map((i) => i.id)).toEqual([call]);
    expect((await findCustomerTimeline(db, viewer, { customerId: c.id, type: 'meeting' })).data.map((i) => i.id)).toEqual([meeting]);

    // Another business sees none of it, and a bad type is a field error.
    const stranger = await createUser(db);
    const elsewhere = await createTestBusiness(db, stranger, { name: 'Başka Dükkân' });
    const strangerCtx = await contextFor(db, stranger.id, elsewhere.slug);
    expect(await runOperation(findCustomerTimelineOperation, strangerCtx, { customerId: c.id })).toMatchObject({ ok: true, data: { data: [], nextCursor: null } });
    expect(await runOperation(findCustomerTimelineOperation, owner, { customerId: c.id, type: 'fax' })).toMatchObject({ ok: false, code: 'VALIDATION', fields: { type: expect.any(String) } });
  });
});

describe('customer picker', () => {
  it('finds customers by folded Turkish text', async () => {
    const db = getDb();
    const c = await insertTestCustomer(db, businessId, { name: 'Şükrü Işıkgöz', emails: ['sukru@example.test'] });
    const result = await runOperation(findCustomerOptionsOperation, salesA, { search: 'IŞIKGÖZ' });
    expect(result).toMatchObject({ ok: true, data: [{ id: c.id, name: 'Şükrü Işıkgöz', email: 'sukru@example.test' }] });
    const [row] = await getDb().select({ n: sql<number>`count(*)::int` }).from(interactions).where(eq(interactions.businessId, businessId));
    expect(row!.n).toBeGreaterThan(0);
  });
});
