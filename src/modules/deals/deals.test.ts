/**
 * Pipelines and deals against the real database and pg-boss: the default pipeline, ordering keys
 * under concurrent moves, moves that never conflict with content edits, stale edits, the
 * `deals.won` job, and the own-records scope of sales.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/server/db/client';
import { runOperation } from '@/server/actions/operation';
import { deals, pipelines, pipelineStages } from '@/server/db/schema';
import { getBoss, stopBoss } from '@/server/jobs/boss';
import { addPersonnel, contextFor, createTestBusiness, createUser } from '../../../tests/factories';
import { insertTestCustomer } from '../../../tests/factories/customers';
import { insertTestDeals } from '../../../tests/factories/deals';
import { createDealOperation, deleteDealOperation, deleteStageOperation, moveDealOperation, updateDealOperation } from './operations';
import { DEALS_WON_QUEUE, ensureDefaultPipeline, moveDeal, type DealWonJob } from './mutations';
import { findDealsOfCustomer, getBoard, getDeal, listPipelines } from './queries';

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

async function world() {
  const db = getDb();
  const owner = await createUser(db, { name: 'Ayşe Yılmaz' });
  const business = await createTestBusiness(db, owner, { name: `Satış Dükkânı ${Math.random().toString(36).slice(2, 6)}` });
  const ownerCtx = await contextFor(db, owner.id, business.slug);
  const sales = await addPersonnel(db, business.id, { role: 'sales', name: 'Satışçı Selim' });
  const salesCtx = await contextFor(db, sales.user!.id, business.slug);
  const pipelineId = await ensureDefaultPipeline(db, ownerCtx);
  const stages = await db
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.businessId, business.id), eq(pipelineStages.pipelineId, pipelineId)))
    .orderBy(asc(pipelineStages.position));
  return { db, business, ownerCtx, sales, salesCtx, pipelineId, stages };
}

async function create(ctx: Parameters<typeof runOperation>[1], input: Record<string, unknown>): Promise<string> {
  const result = await runOperation(createDealOperation, ctx, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (result.data as { id: string }).id;
}

async function order(db: ReturnType<typeof getDb>, businessId: string, stageId: string): Promise<string[]> {
  const rows = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.businessId, businessId), eq(deals.stageId, stageId)))
    .orderBy(asc(deals.position));
  return rows.map((r) => r.id);
}

async function wonJobs(dealId: string) {
  const boss = await getBoss();
  const jobs = await boss.findJobs<DealWonJob>(DEALS_WON_QUEUE, { data: { dealId } as Partial<DealWonJob> });
  return jobs.filter((j) => j.data.dealId === dealId);
}

describe('pipelines', () => {
  it('gives a business one default pipeline, however many first visits race', async () => {
    const { db, business, ownerCtx, pipelineId, stages } = await world();
    const again = await Promise.all([ensureDefaultPipeline(db, ownerCtx), ensureDefaultPipeline(db, ownerCtx)]);
    expect(again).toEqual([pipelineId, pipelineId]);
    const rows = await db.select().from(pipelines).where(eq(pipelines.businessId, business.id));
    expect(rows).toHaveLength(1);
    expect(stages.map((s) => [s.name, s.kind, s.probability])).toEqual([
      ['İletişimde', 'open', 10],
      ['Teklif verildi', 'open', 40],
      ['Müzakere', 'open', 70],
      ['Kazanıldı', 'won', 100],
      ['Kaybedildi', 'lost', 0],
    ]);
    // A fresh business made in English gets English names, made once in a race.
    const other = await createTestBusiness(db, await createUser(db), { language: 'en' });
    const ids = await Promise.all([0, 1, 2].map(() => ensureDefaultPipeline(db, { businessId: other.id })));
    expect(new Set(ids).size).toBe(1);
    const [first] = await db.select({ name: pipelineStages.name }).from(pipelineStages).where(eq(pipelineStages.businessId, other.id)).orderBy(asc(pipelineStages.position));
    expect(first?.name).toBe('In contact');
  });

  it('refuses to delete a stage with deals, and says so', async () => {
    const { ownerCtx, stages } = await world();
    await create(ownerCtx, { title: 'Vitrin', stageId: stages[0]!.id });
    const result = await runOperation(deleteStageOperation, ownerCtx, { id: stages[0]!.id });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', message: 'deals.errors.stageHasDeals' });
    const empty = await runOperation(deleteStageOperation, ownerCtx, { id: stages[2]!.id });
    expect(empty).toMatchObject({ ok: true });
    const [pipeline] = await listPipelines(getDb(), ownerCtx);
    expect(pipeline!.stages).toHaveLength(4);
    expect(pipeline!.stages[0]!.dealCount).toBe(1);
  });
});

describe('deals', () => {
  it('weighs a column exactly and rounds it once, half away from zero, in each currency', async () => {
    const { ownerCtx, stages, pipelineId, db } = await world();
    // Three deals of 0,05 TRY at 10%: 0,005 each, 0,015 in all → 0,02 (integer division per deal gave 0).
    for (let i = 0; i < 3; i++) await create(ownerCtx, { title: `Kuruş ${i}`, value: { amountMinor: 5, currency: 'TRY' }, probability: 10, stageId: stages[0]!.id });
    // 1.234 KWD (three decimals) at 50%: 0.617 KWD; more than 10^14 yen at 70%, exact.
    await create(ownerCtx, { title: 'Kuveyt', value: { amountMinor: 1234, currency: 'KWD' }, probability: 50, stageId: stages[0]!.id });
    await create(ownerCtx, { title: 'Tokyo', value: { amountMinor: 123_456_789_012_345, currency: 'JPY' }, probability: 70, stageId: stages[0]!.id });
    const column = (await getBoard(db, ownerCtx, pipelineId)).columns.find((c) => c.id === stages[0]!.id)!;
    expect(Object.fromEntries(column.totals.map((t) => [t.currency, [t.valueMinor, t.weightedMinor]]))).toEqual({
      TRY: [15, 2],
      KWD: [1234, 617],
      JPY: [123_456_789_012_345, 86_419_752_308_642], // …641,5 → …642
    });
  });

  it('creates a deal with money in minor units, the business currency and the stage’s probability', async () => {
    const { db, business, ownerCtx, stages, pipelineId } = await world();
    const customer = await insertTestCustomer(db, business.id, { name: 'Çiçekçi Şükrü' });
    const id = await create(ownerCtx, { title: 'Düğün çiçekleri', customerId: customer.id, value: { amountMinor: 1250050, currency: 'try' }, stageId: stages[1]!.id });
    const deal = await getDeal(db, ownerCtx, id);
    expect(deal).toMatchObject({ valueMinor: 1250050, currency: 'TRY', probability: null, stage: { probability: 40 }, customer: { name: 'Çiçekçi Şükrü' }, version: 1, moveVersion: 1 });
    const board = await getBoard(db, ownerCtx, pipelineId);
    const column = board.columns.find((c) => c.id === stages[1]!.id)!;
    expect(column.count).toBe(1);
    expect(column.totals).toEqual([{ currency: 'TRY', valueMinor: 1250050, weightedMinor: 500020 }]);
    const bad = await runOperation(createDealOperation, ownerCtx, { title: '', value: { amountMinor: 1.5, currency: 'TRY' }, stageId: 'x' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(Object.keys((bad as { fields: object }).fields)).toEqual(expect.arrayContaining(['title', 'value.amountMinor', 'stageId']));
  });

  it('lists a customer’s deals for its profile: newest first, of this business only, refused without deals read', async () => {
    const { db, business, ownerCtx, salesCtx, stages } = await world();
    const customer = await insertTestCustomer(db, business.id, { name: 'Profil Müşterisi' });
    const other = await insertTestCustomer(db, business.id, { name: 'Başka Müşteri' });
    const first = await create(ownerCtx, { title: 'İlk fırsat', customerId: customer.id, stageId: stages[0]!.id, value: { amountMinor: 10000, currency: 'TRY' } });
    const second = await create(salesCtx, { title: 'İkinci fırsat', customerId: customer.id, stageId: stages[1]!.id });
    await create(ownerCtx, { title: 'Başkasının fırsatı', customerId: other.id, stageId: stages[0]!.id });

    const list = await findDealsOfCustomer(db, ownerCtx, customer.id);
    expect(list.map((d) => d.id)).toEqual([second, first]);
    expect(list[1]).toMatchObject({ title: 'İlk fırsat', valueMinor: 10000, stage: { id: stages[0]!.id, kind: 'open' }, owner: { id: ownerCtx.personnelId }, mine: true });
    expect(list[0]).toMatchObject({ owner: { name: 'Satışçı Selim' }, mine: false });
    // Sales reads every deal of the business (R in the table), its own and others'.
    expect((await findDealsOfCustomer(db, salesCtx, customer.id)).map((d) => d.id)).toEqual([second, first]);

    // Another business's user sees none of them, even with this customer's id.
    const stranger = await world();
    expect(await findDealsOfCustomer(db, stranger.ownerCtx, customer.id)).toEqual([]);
    // A member may not read deals at all.
    const member = await addPersonnel(db, business.id, { role: 'member' });
    const memberCtx = await contextFor(db, member.user!.id, business.slug);
    await expect(findDealsOfCustomer(db, memberCtx, customer.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('puts two concurrent moves into one gap in a stable, distinct order', async () => {
    const { db, business, ownerCtx, stages } = await world();
    const target = stages[1]!.id;
    const a = await create(ownerCtx, { title: 'A', stageId: target });
    const c = await create(ownerCtx, { title: 'C', stageId: target });
    // Both dropped between C (top) and A.
    const [top, bottom] = await order(db, business.id, target);
    expect([top, bottom]).toEqual([c, a]);
    const x = await create(ownerCtx, { title: 'X', stageId: stages[0]!.id });
    const y = await create(ownerCtx, { title: 'Y', stageId: stages[0]!.id });
    const results = await Promise.all([
      moveDeal(db, ownerCtx, { id: x, stageId: target, beforeId: c, afterId: a, lostReason: null }),
      moveDeal(db, ownerCtx, { id: y, stageId: target, beforeId: c, afterId: a, lostReason: null }),
    ]);
    expect(results[0].position).not.toBe(results[1].position);
    const final = await order(db, business.id, target);
    expect(final[0]).toBe(c);
    expect(final[3]).toBe(a);
    expect(new Set(final.slice(1, 3))).toEqual(new Set([x, y]));
  });

  it('lets a move and a content edit of the same deal both succeed; a stale edit gets 409', async () => {
    const { db, ownerCtx, stages } = await world();
    const id = await create(ownerCtx, { title: 'Tabela', stageId: stages[0]!.id });
    const seen = await getDeal(db, ownerCtx, id);
    const [moved, edited] = await Promise.all([
      runOperation(moveDealOperation, ownerCtx, { id, stageId: stages[2]!.id }),
      runOperation(updateDealOperation, ownerCtx, { id, version: seen.version, title: 'Tabela (ışıklı)', value: { amountMinor: 900000, currency: 'TRY' } }),
    ]);
    expect(moved).toMatchObject({ ok: true });
    expect(edited).toMatchObject({ ok: true, data: { version: 2 } });
    const after = await getDeal(db, ownerCtx, id);
    expect(after).toMatchObject({ title: 'Tabela (ışıklı)', stageId: stages[2]!.id, version: 2, moveVersion: 2 });
    const stale = await runOperation(updateDealOperation, ownerCtx, { id, version: seen.version, title: 'Eski' });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', message: 'deals.errors.stale' });
  });

  it('queues deals.won once per entry into a won stage, in the move’s transaction', async () => {
    const { db, ownerCtx, stages } = await world();
    const won = stages[3]!.id;
    const id = await create(ownerCtx, { title: 'Kurumsal paket', stageId: stages[1]!.id });
    expect(await wonJobs(id)).toHaveLength(0);
    await moveDeal(db, ownerCtx, { id, stageId: won, beforeId: null, afterId: null, lostReason: null });
    let jobs = await wonJobs(id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toEqual({ businessId: ownerCtx.businessId, dealId: id, actorPersonnelId: ownerCtx.personnelId });
    expect((await getDeal(db, ownerCtx, id)).wonAt).toBeInstanceOf(Date);
    // Reordering within the won stage is no new entry.
    await moveDeal(db, ownerCtx, { id, stageId: won, beforeId: null, afterId: null, lostReason: null });
    expect(await wonJobs(id)).toHaveLength(1);
    // Out and back in: a second entry, a second job (the worker's unique index keeps one project).
    await moveDeal(db, ownerCtx, { id, stageId: stages[2]!.id, beforeId: null, afterId: null, lostReason: null });
    expect((await getDeal(db, ownerCtx, id)).wonAt).toBeNull();
    await moveDeal(db, ownerCtx, { id, stageId: won, beforeId: null, afterId: null, lostReason: null });
    jobs = await wonJobs(id);
    expect(jobs).toHaveLength(2);
    // A move that fails (rolled back) queues nothing.
    const other = await create(ownerCtx, { title: 'Geri alınan', stageId: stages[1]!.id });
    await expect(
      db.transaction(async (tx) => {
        await moveDeal(tx as never, ownerCtx, { id: other, stageId: won, beforeId: null, afterId: null, lostReason: null });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await wonJobs(other)).toHaveLength(0);
  });

  it('asks for a reason when a deal is lost', async () => {
    const { db, ownerCtx, stages } = await world();
    const id = await create(ownerCtx, { title: 'Fiyat', stageId: stages[1]!.id });
    const refused = await runOperation(moveDealOperation, ownerCtx, { id, stageId: stages[4]!.id });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', fields: { lostReason: 'required' } });
    expect(await runOperation(moveDealOperation, ownerCtx, { id, stageId: stages[4]!.id, lostReason: 'Pahalı bulundu' })).toMatchObject({ ok: true });
    expect(await getDeal(db, ownerCtx, id)).toMatchObject({ lostReason: 'Pahalı bulundu', version: 1 });
  });

  it('lets sales create any deal but change and delete only their own', async () => {
    const { db, ownerCtx, salesCtx, sales, stages } = await world();
    const theirs = await create(ownerCtx, { title: 'Patronun', stageId: stages[0]!.id });
    const mine = await create(salesCtx, { title: 'Benim', stageId: stages[0]!.id });
    expect((await getDeal(db, salesCtx, mine)).owner?.id).toBe(sales.personnelId);
    expect(await runOperation(moveDealOperation, salesCtx, { id: theirs, stageId: stages[1]!.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await runOperation(updateDealOperation, salesCtx, { id: theirs, version: 1, title: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await runOperation(deleteDealOperation, salesCtx, { id: theirs })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await runOperation(moveDealOperation, salesCtx, { id: mine, stageId: stages[1]!.id })).toMatchObject({ ok: true });
    expect(await runOperation(deleteDealOperation, salesCtx, { id: mine })).toMatchObject({ ok: true });
    expect(await getDeal(db, ownerCtx, theirs)).toMatchObject({ title: 'Patronun' });
  });

  it('reads a board of many deals: counts and totals of all, the first cards of each column in order', async () => {
    const { db, business, ownerCtx, stages, pipelineId } = await world();
    await insertTestDeals(db, { businessId: business.id, pipelineId, stageIds: stages.slice(0, 3).map((s) => s.id), count: 300, currency: 'TRY' });
    const board = await getBoard(db, ownerCtx, pipelineId, {}, 50);
    expect(board.columns.slice(0, 3).map((c) => c.count)).toEqual([100, 100, 100]);
    for (const column of board.columns.slice(0, 3)) {
      expect(column.cards).toHaveLength(50);
      const positions = column.cards.map((c) => c.position);
      expect([...positions].sort()).toEqual(positions);
    }
  });
});
