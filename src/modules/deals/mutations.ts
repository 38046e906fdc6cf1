import 'server-only';
import { and, asc, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { customers, deals, personnel, pipelineStages, pipelines, projects, projectTemplates } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { authorize } from '@/server/auth/authorize';
import { publishEvent } from '@/server/events/publish';
import { AppError, type FieldErrors } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { keyBetween } from '@/lib/ordering';
import { changedKeys } from '@/lib/changes';
import { emitChange } from '@/server/events/domain';
import { businessCurrency, dealScope } from './queries';
import { queueDealWon } from '@/server/jobs/deals-won';
import { getBusinessLanguage } from '@/modules/businesses';
import type {
  createDealSchema,
  createPipelineSchema,
  createStageSchema,
  DealContent,
  moveDealSchema,
  reorderStagesSchema,
  StageKind,
  updateDealSchema,
  updatePipelineSchema,
  updateStageSchema,
} from './schemas';

// The queue and its job live with the worker; re-exported for the module's callers and tests.
export { DEALS_WON_QUEUE, type DealWonJob } from '@/server/jobs/deals-won';

function isUniqueViolation(err: unknown): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  return (e as { code?: string })?.code === '23505';
}

// ─── Pipelines ──────────────────────────────────────────────────────────────────────────────

const DEFAULT_STAGES: { tr: string; en: string; probability: number; kind: StageKind }[] = [
  { tr: 'İletişimde', en: 'In contact', probability: 10, kind: 'open' },
  { tr: 'Teklif verildi', en: 'Quote given', probability: 40, kind: 'open' },
  { tr: 'Müzakere', en: 'Negotiation', probability: 70, kind: 'open' },
  { tr: 'Kazanıldı', en: 'Won', probability: 100, kind: 'won' },
  { tr: 'Kaybedildi', en: 'Lost', probability: 0, kind: 'lost' },
];

/**
 * Gives a business its first pipeline when it has none. Names are stored, not translated: in the
 * business's language (its creator's), whoever opens sales first, through the app or the API
 * (they are then renamed like any other stage). An advisory lock per business makes two first
 * visits make one.
 */
export async function ensureDefaultPipeline(db: Executor, ctx: Pick<Ctx, 'businessId'>): Promise<string> {
  const existing = await db.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.businessId, ctx.businessId)).orderBy(asc(pipelines.position), asc(pipelines.id)).limit(1);
  if (existing[0]) return existing[0].id;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tezgah:default-pipeline'), hashtext(${ctx.businessId}))`);
    const [again] = await tx.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.businessId, ctx.businessId)).limit(1);
    if (again) return again.id;
    const lang = await getBusinessLanguage(tx, ctx.businessId);
    const id = newId();
    await tx.insert(pipelines).values({ businessId: ctx.businessId, id, name: lang === 'tr' ? 'Satış' : 'Sales', position: 0 });
    await tx.insert(pipelineStages).values(
      DEFAULT_STAGES.map((s, i) => ({ businessId: ctx.businessId, id: newId(), pipelineId: id, name: s[lang], probability: s.probability, kind: s.kind, position: i })),
    );
    return id;
  });
}

async function checkTemplate(tx: Executor, ctx: Ctx, id: string | null): Promise<void> {
  if (!id) return;
  const [row] = await tx.select({ id: projectTemplates.id }).from(projectTemplates).where(and(eq(projectTemplates.businessId, ctx.businessId), eq(projectTemplates.id, id)));
  if (!row) throw new AppError('VALIDATION', 'errors.VALIDATION', { projectTemplateId: 'invalid' });
}

/** A new pipeline, with the usual stages named in `locale` (its maker's), else in the business's language. */
export async function createPipeline(db: Executor, ctx: Ctx, input: z.output<typeof createPipelineSchema>, locale?: string): Promise<{ id: string }> {
  authorize(ctx, 'pipelines', 'create');
  const id = newId();
  try {
    await db.transaction(async (tx) => {
      await checkTemplate(tx, ctx, input.projectTemplateId);
      const [{ next } = { next: 0 }] = await tx
        .select({ next: sql<number>`coalesce(max(${pipelines.position}) + 1, 0)::int` })
        .from(pipelines)
        .where(eq(pipelines.businessId, ctx.businessId));
      await tx.insert(pipelines).values({ businessId: ctx.businessId, id, name: input.name, projectTemplateId: input.projectTemplateId, position: next });
      // A new pipeline starts with the usual stages, to be renamed.
      const lang = locale ? (locale.startsWith('tr') ? 'tr' : 'en') : await getBusinessLanguage(tx, ctx.businessId);
      await tx.insert(pipelineStages).values(
        DEFAULT_STAGES.map((s, i) => ({ businessId: ctx.businessId, id: newId(), pipelineId: id, name: s[lang], probability: s.probability, kind: s.kind, position: i })),
      );
      await emitChange(tx, ctx, { action: 'create', entityType: 'pipeline', entityId: id });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'pipeline.created', id, actorUserId: ctx.userId });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'deals.errors.pipelineNameTaken', { name: 'taken' });
    throw err;
  }
  return { id };
}

export async function updatePipeline(db: Executor, ctx: Ctx, input: z.output<typeof updatePipelineSchema>): Promise<{ version: number }> {
  authorize(ctx, 'pipelines', 'update');
  try {
    return await db.transaction(async (tx) => {
      const target = await lockPipeline(tx, ctx, input.id);
      if (target.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
      await checkTemplate(tx, ctx, input.projectTemplateId);
      const [row] = await tx
        .update(pipelines)
        .set({ name: input.name, projectTemplateId: input.projectTemplateId, version: target.version + 1, updatedAt: sql`now()` })
        .where(and(eq(pipelines.businessId, ctx.businessId), eq(pipelines.id, input.id)))
        .returning({ version: pipelines.version });
      if (!row) throw new AppError('NOT_FOUND');
      await emitChange(tx, ctx, { action: 'update', entityType: 'pipeline', entityId: input.id, changedFields: ['name', 'projectTemplateId'] });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'pipeline.updated', id: input.id, actorUserId: ctx.userId });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'deals.errors.pipelineNameTaken', { name: 'taken' });
    throw err;
  }
}

/** A pipeline with deals is not deleted (that would delete them); nor is the last one. */
export async function deletePipeline(db: Executor, ctx: Ctx, id: string): Promise<{ name: string }> {
  authorize(ctx, 'pipelines', 'delete');
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(pipelines).where(and(eq(pipelines.businessId, ctx.businessId), eq(pipelines.id, id))).for('update');
    if (!target) throw new AppError('NOT_FOUND');
    const [deal] = await tx.select({ id: deals.id }).from(deals).where(and(eq(deals.businessId, ctx.businessId), eq(deals.pipelineId, id))).limit(1);
    if (deal) throw new AppError('CONFLICT', 'deals.errors.pipelineHasDeals');
    const [other] = await tx.select({ id: pipelines.id }).from(pipelines).where(and(eq(pipelines.businessId, ctx.businessId), ne(pipelines.id, id))).limit(1);
    if (!other) throw new AppError('CONFLICT', 'deals.errors.lastPipeline');
    await tx.delete(pipelines).where(and(eq(pipelines.businessId, ctx.businessId), eq(pipelines.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'pipeline', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'pipeline.deleted', id, actorUserId: ctx.userId });
    return { name: target.name };
  });
}

async function lockPipeline(tx: Transaction, ctx: Ctx, id: string) {
  const [row] = await tx.select().from(pipelines).where(and(eq(pipelines.businessId, ctx.businessId), eq(pipelines.id, id))).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function touchPipeline(tx: Transaction, ctx: Ctx, id: string) {
  await publishEvent(tx, { businessId: ctx.businessId, kind: 'pipeline.updated', id, actorUserId: ctx.userId });
}

export async function createStage(db: Executor, ctx: Ctx, input: z.output<typeof createStageSchema>): Promise<{ id: string }> {
  authorize(ctx, 'pipelines', 'update');
  const id = newId();
  await db.transaction(async (tx) => {
    await lockPipeline(tx, ctx, input.pipelineId);
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${pipelineStages.position}) + 1, 0)::int` })
      .from(pipelineStages)
      .where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.pipelineId, input.pipelineId)));
    await tx.insert(pipelineStages).values({ businessId: ctx.businessId, id, pipelineId: input.pipelineId, name: input.name, probability: input.probability, kind: input.kind, position: next });
    await emitChange(tx, ctx, { action: 'create', entityType: 'pipeline_stage', entityId: id });
    await touchPipeline(tx, ctx, input.pipelineId);
  });
  return { id };
}

export async function updateStage(db: Executor, ctx: Ctx, input: z.output<typeof updateStageSchema>): Promise<{ version: number }> {
  authorize(ctx, 'pipelines', 'update');
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(pipelineStages).where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.id, input.id))).for('update');
    if (!target) throw new AppError('NOT_FOUND');
    if (target.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
    const [row] = await tx
      .update(pipelineStages)
      .set({ name: input.name, probability: input.probability, kind: input.kind, version: target.version + 1, updatedAt: sql`now()` })
      .where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.id, input.id)))
      .returning({ version: pipelineStages.version });
    await emitChange(tx, ctx, { action: 'update', entityType: 'pipeline_stage', entityId: input.id, changedFields: changedKeys(target, input).filter((k) => k !== 'version' && k !== 'id') });
    await touchPipeline(tx, ctx, target.pipelineId);
    return row!;
  });
}

/** Refused while deals are in the stage: they would have nowhere to be. */
export async function deleteStage(db: Executor, ctx: Ctx, id: string): Promise<{ name: string }> {
  authorize(ctx, 'pipelines', 'update');
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(pipelineStages).where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.id, id))).for('update');
    if (!target) throw new AppError('NOT_FOUND');
    const [deal] = await tx.select({ id: deals.id }).from(deals).where(and(eq(deals.businessId, ctx.businessId), eq(deals.stageId, id))).limit(1);
    if (deal) throw new AppError('CONFLICT', 'deals.errors.stageHasDeals');
    const [other] = await tx
      .select({ id: pipelineStages.id })
      .from(pipelineStages)
      .where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.pipelineId, target.pipelineId), ne(pipelineStages.id, id)))
      .limit(1);
    if (!other) throw new AppError('CONFLICT', 'deals.errors.lastStage');
    await tx.delete(pipelineStages).where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'pipeline_stage', entityId: id });
    await touchPipeline(tx, ctx, target.pipelineId);
    return { name: target.name };
  });
}

/** Sets the order of a pipeline's stages; `stageIds` must be exactly its stages. */
export async function reorderStages(db: Executor, ctx: Ctx, input: z.output<typeof reorderStagesSchema>): Promise<void> {
  authorize(ctx, 'pipelines', 'update');
  await db.transaction(async (tx) => {
    await lockPipeline(tx, ctx, input.pipelineId);
    const rows = await tx
      .select({ id: pipelineStages.id })
      .from(pipelineStages)
      .where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.pipelineId, input.pipelineId)));
    const have = new Set(rows.map((r) => r.id));
    if (have.size !== input.stageIds.length || new Set(input.stageIds).size !== have.size || !input.stageIds.every((id) => have.has(id))) {
      throw new AppError('VALIDATION', 'errors.VALIDATION', { stageIds: 'invalid' });
    }
    for (const [position, id] of input.stageIds.entries()) {
      await tx.update(pipelineStages).set({ position }).where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.id, id)));
    }
    await emitChange(tx, ctx, { action: 'update', entityType: 'pipeline', entityId: input.pipelineId, changedFields: ['stageOrder'] });
    await touchPipeline(tx, ctx, input.pipelineId);
  });
}

// ─── Deals ──────────────────────────────────────────────────────────────────────────────────

async function checkDealReferences(tx: Executor, ctx: Ctx, input: Pick<DealContent, 'customerId' | 'ownerId' | 'projectId'>): Promise<void> {
  const fields: FieldErrors = {};
  if (input.projectId) {
    const [row] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.businessId, ctx.businessId), eq(projects.id, input.projectId)));
    if (!row) fields.projectId = 'invalid';
  }
  if (input.customerId) {
    const [row] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, input.customerId)));
    if (!row) fields.customerId = 'invalid';
  }
  if (input.ownerId) {
    const [row] = await tx.select({ id: personnel.id }).from(personnel).where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.id, input.ownerId)));
    if (!row) fields.ownerId = 'invalid';
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', fields);
}

/** The stage row locked FOR UPDATE: every write of a position in this column waits here. */
async function lockStage(tx: Transaction, ctx: Ctx, stageId: string) {
  const [stage] = await tx.select().from(pipelineStages).where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.id, stageId))).for('update');
  return stage ?? null;
}

/**
 * The key for a card between two neighbours in a stage, read under the stage's lock. The card
 * above (`beforeId`) anchors it and the card that now follows that one is read fresh, so a second
 * move into the same gap (waiting on the lock) lands after the first instead of on the same key.
 */
async function positionIn(tx: Transaction, ctx: Ctx, stageId: string, movingId: string | null, beforeId: string | null, afterId: string | null): Promise<string> {
  const inStage = and(eq(deals.businessId, ctx.businessId), eq(deals.stageId, stageId), movingId ? ne(deals.id, movingId) : undefined);
  const positionOf = async (id: string | null) => {
    if (!id || id === movingId) return null;
    const [row] = await tx.select({ position: deals.position }).from(deals).where(and(inStage, eq(deals.id, id)));
    return row?.position ?? null;
  };
  let lo = await positionOf(beforeId);
  let hi: string | null = null;
  if (lo !== null) {
    const [next] = await tx.select({ position: deals.position }).from(deals).where(and(inStage, gt(deals.position, lo))).orderBy(asc(deals.position)).limit(1);
    hi = next?.position ?? null;
  } else {
    hi = await positionOf(afterId);
    if (hi !== null) {
      const [prev] = await tx.select({ position: deals.position }).from(deals).where(and(inStage, lt(deals.position, hi))).orderBy(desc(deals.position)).limit(1);
      lo = prev?.position ?? null;
    } else if (afterId === null && beforeId === null) {
      // No neighbours named: the end of the column.
      const [last] = await tx.select({ position: deals.position }).from(deals).where(inStage).orderBy(desc(deals.position)).limit(1);
      lo = last?.position ?? null;
    } else {
      // Named neighbours that are not (or no longer) there: the top of the column.
      const [first] = await tx.select({ position: deals.position }).from(deals).where(inStage).orderBy(asc(deals.position)).limit(1);
      hi = first?.position ?? null;
    }
  }
  return keyBetween(lo, hi);
}

async function queueWon(tx: Transaction, ctx: Ctx, dealId: string): Promise<void> {
  await queueDealWon(tx, { businessId: ctx.businessId, dealId, actorPersonnelId: ctx.personnelId });
}

/** The customer of a deal just won: the customers module makes it an active customer. */
function wonRefs(won: boolean, customerId: string | null): Record<string, string[]> | undefined {
  return won && customerId ? { wonCustomerIds: [customerId] } : undefined;
}

/** won_at / lost_at / lost_reason for a deal entering a stage of `kind`. */
function outcomeColumns(kind: StageKind, previous: { kind: StageKind; wonAt: Date | null; lostAt: Date | null; lostReason: string | null } | null, lostReason: string | null) {
  return {
    wonAt: kind === 'won' ? (previous?.kind === 'won' ? previous.wonAt : sql`now()`) : null,
    lostAt: kind === 'lost' ? (previous?.kind === 'lost' ? previous.lostAt : sql`now()`) : null,
    lostReason: kind === 'lost' ? (lostReason ?? previous?.lostReason ?? null) : null,
  };
}

export async function createDeal(db: Executor, ctx: Ctx, input: z.output<typeof createDealSchema>): Promise<{ id: string }> {
  dealScope(ctx, 'create');
  const pipelineId = input.pipelineId ?? (await ensureDefaultPipeline(db, ctx));
  const id = newId();
  await db.transaction(async (tx) => {
    await checkDealReferences(tx, ctx, input);
    let stageId = input.stageId;
    if (!stageId) {
      const [first] = await tx
        .select({ id: pipelineStages.id })
        .from(pipelineStages)
        .where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.pipelineId, pipelineId)))
        .orderBy(asc(pipelineStages.position))
        .limit(1);
      if (!first) throw new AppError('VALIDATION', 'errors.VALIDATION', { pipelineId: 'invalid' });
      stageId = first.id;
    }
    const stage = await lockStage(tx, ctx, stageId);
    if (!stage || stage.pipelineId !== pipelineId) throw new AppError('VALIDATION', 'errors.VALIDATION', { stageId: 'invalid' });
    if (stage.kind === 'lost' && !input.lostReason) throw new AppError('VALIDATION', 'errors.VALIDATION', { lostReason: 'required' });
    const currency = input.value?.currency ?? (await businessCurrency(tx, ctx.businessId));
    // New deals go to the top of their column, where they are seen.
    const [first] = await tx
      .select({ position: deals.position })
      .from(deals)
      .where(and(eq(deals.businessId, ctx.businessId), eq(deals.stageId, stageId)))
      .orderBy(asc(deals.position))
      .limit(1);
    await tx.insert(deals).values({
      businessId: ctx.businessId,
      id,
      pipelineId,
      stageId,
      position: keyBetween(null, first?.position ?? null),
      title: input.title,
      customerId: input.customerId,
      valueMinor: input.value?.amountMinor ?? 0,
      currency,
      expectedCloseDate: input.expectedCloseDate,
      // A sales person's new deal is theirs unless they name someone.
      ownerId: input.ownerId ?? ctx.personnelId,
      probability: input.probability,
      source: input.source,
      ...outcomeColumns(stage.kind, null, input.lostReason),
    });
    if (stage.kind === 'won') await queueWon(tx, ctx, id);
    await emitChange(tx, ctx, {
      action: 'create',
      entityType: 'deal',
      entityId: id,
      meta: { stageId, ...(input.projectId ? { projectId: input.projectId } : {}) },
      refs: wonRefs(stage.kind === 'won', input.customerId),
    });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'deal.created', id, actorUserId: ctx.userId });
  });
  return { id };
}

async function lockDeal(tx: Transaction, ctx: Ctx, id: string, action: 'update' | 'delete') {
  const [row] = await tx.select().from(deals).where(and(dealScope(ctx, action), eq(deals.id, id))).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Changes a deal's content (not its place on the board); a stale `version` is refused with 409. */
export async function updateDeal(db: Executor, ctx: Ctx, input: z.output<typeof updateDealSchema>): Promise<{ version: number; title: string }> {
  dealScope(ctx, 'update');
  return db.transaction(async (tx) => {
    const target = await lockDeal(tx, ctx, input.id, 'update');
    if (target.version !== input.version) throw new AppError('CONFLICT', 'deals.errors.stale');
    await checkDealReferences(tx, ctx, input);
    const patch = {
      title: input.title,
      customerId: input.customerId,
      valueMinor: input.value?.amountMinor ?? target.valueMinor,
      currency: input.value?.currency ?? target.currency,
      expectedCloseDate: input.expectedCloseDate,
      ownerId: input.ownerId,
      probability: input.probability,
      source: input.source,
      // The reason of a lost deal can be corrected; elsewhere it stays empty.
      ...(target.lostAt && input.lostReason !== undefined ? { lostReason: input.lostReason } : {}),
    };
    const [row] = await tx
      .update(deals)
      .set({ ...patch, version: target.version + 1, updatedAt: sql`now()` })
      .where(and(dealScope(ctx, 'update'), eq(deals.id, input.id), eq(deals.version, input.version)))
      .returning({ version: deals.version, title: deals.title });
    if (!row) throw new AppError('CONFLICT', 'deals.errors.stale');
    // The link lives on the project (projects.deal_id): the projects module sets it from the event.
    const [linked] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.businessId, ctx.businessId), eq(projects.dealId, input.id)));
    const relink = input.projectId !== undefined && input.projectId !== (linked?.id ?? null);
    await emitChange(tx, ctx, {
      action: 'update',
      entityType: 'deal',
      entityId: input.id,
      changedFields: [...changedKeys(target as unknown as Record<string, unknown>, patch), ...(relink ? ['projectId'] : [])],
      ...(relink ? { meta: { projectId: input.projectId ?? null } } : {}),
    });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'deal.updated', id: input.id, actorUserId: ctx.userId });
    return row;
  });
}

/**
 * Moves a deal to a stage between two neighbours. Writes one row and only its place
 * (stage, position, move_version) and outcome (won/lost), never `version`, so it cannot conflict
 * with someone editing the deal's content. Entering a won stage queues `deals.won` in the same
 * transaction: the job exists exactly when the move committed.
 */
export async function moveDeal(
  db: Executor,
  ctx: Ctx,
  input: z.output<typeof moveDealSchema>,
): Promise<{ moveVersion: number; position: string; stageId: string; title: string; kind: StageKind }> {
  dealScope(ctx, 'update');
  return db.transaction(async (tx) => {
    const target = await lockDeal(tx, ctx, input.id, 'update');
    const stage = await lockStage(tx, ctx, input.stageId);
    if (!stage) throw new AppError('VALIDATION', 'errors.VALIDATION', { stageId: 'invalid' });
    if (stage.kind === 'lost' && target.stageId !== stage.id && !input.lostReason) {
      throw new AppError('VALIDATION', 'deals.errors.lostReasonRequired', { lostReason: 'required' });
    }
    const [previous] = await tx.select({ kind: pipelineStages.kind }).from(pipelineStages).where(and(eq(pipelineStages.businessId, ctx.businessId), eq(pipelineStages.id, target.stageId)));
    const previousKind = previous?.kind ?? 'open';
    const position = await positionIn(tx, ctx, stage.id, target.id, input.beforeId, input.afterId);
    const [row] = await tx
      .update(deals)
      .set({
        stageId: stage.id,
        pipelineId: stage.pipelineId,
        position,
        moveVersion: sql`${deals.moveVersion} + 1`,
        ...outcomeColumns(stage.kind, { kind: previousKind, wonAt: target.wonAt, lostAt: target.lostAt, lostReason: target.lostReason }, input.lostReason),
      })
      .where(and(eq(deals.businessId, ctx.businessId), eq(deals.id, target.id)))
      .returning({ moveVersion: deals.moveVersion });
    if (stage.kind === 'won' && previousKind !== 'won') await queueWon(tx, ctx, target.id);
    if (target.stageId !== stage.id) {
      await emitChange(tx, ctx, {
        action: 'update',
        entityType: 'deal',
        entityId: target.id,
        changedFields: ['stageId'],
        meta: { fromStageId: target.stageId, toStageId: stage.id },
        refs: wonRefs(stage.kind === 'won' && previousKind !== 'won', target.customerId),
      });
    }
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'deal.moved', id: target.id, actorUserId: ctx.userId });
    return { moveVersion: row!.moveVersion, position, stageId: stage.id, title: target.title, kind: stage.kind };
  });
}

export async function deleteDeal(db: Executor, ctx: Ctx, id: string): Promise<{ title: string }> {
  dealScope(ctx, 'delete');
  return db.transaction(async (tx) => {
    const target = await lockDeal(tx, ctx, id, 'delete');
    await tx.delete(deals).where(and(dealScope(ctx, 'delete'), eq(deals.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'deal', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'deal.deleted', id, actorUserId: ctx.userId });
    return { title: target.title };
  });
}

/** Several deals at once, for the seed script and benchmarks: keys in order at the end of a stage. */
export async function countDealsIn(db: Executor, ctx: Ctx, stageIds: string[]): Promise<number> {
  if (stageIds.length === 0) return 0;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(deals).where(and(eq(deals.businessId, ctx.businessId), inArray(deals.stageId, stageIds)));
  return row?.n ?? 0;
}
