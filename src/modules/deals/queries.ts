import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog, businesses, customers, customerTags, deals, personnel, pipelineStages, pipelines, projects, projectTemplates, user } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { weightedFromPercentSum } from '@/lib/money';
import { scopeFor, type Action } from '@/lib/permissions';
import type { DealFilters, StageKind } from './schemas';

/** Cards per column in the first view of a board; "show more" loads the next ones. */
export const BOARD_PAGE = 50;

/**
 * The deals the caller may touch for an action, as a where clause: all of the business's, or
 * (lower-case letters in the permission table) only those it owns. FORBIDDEN when not at all.
 */
export function dealScope(ctx: Ctx, action: Action): SQL {
  const scope = scopeFor(ctx, 'deals', action);
  if (!scope) throw new AppError('FORBIDDEN');
  const business = eq(deals.businessId, ctx.businessId);
  return scope === 'all' ? business : and(business, eq(deals.ownerId, ctx.personnelId))!;
}

// ─── Pipelines ──────────────────────────────────────────────────────────────────────────────

export type StageRecord = { id: string; name: string; position: number; probability: number; kind: StageKind; version: number; dealCount: number };
export type PipelineRecord = {
  id: string;
  name: string;
  position: number;
  projectTemplate: { id: string; name: string } | null;
  version: number;
  stages: StageRecord[];
};

/** `withCounts: false` skips counting each stage's deals (the board counts them with its filters). */
export const listPipelines = defineQuery('listPipelines', ['deals', 'read'], async function listPipelines(db: Executor, ctx: Ctx, { withCounts = true } = {}): Promise<PipelineRecord[]> {
  const rows = await db
    .select({
      id: pipelines.id,
      name: pipelines.name,
      position: pipelines.position,
      templateId: pipelines.projectTemplateId,
      templateName: projectTemplates.name,
      version: pipelines.version,
    })
    .from(pipelines)
    .leftJoin(projectTemplates, and(eq(projectTemplates.businessId, pipelines.businessId), eq(projectTemplates.id, pipelines.projectTemplateId)))
    .where(eq(pipelines.businessId, ctx.businessId))
    .orderBy(asc(pipelines.position), asc(pipelines.id));
  if (rows.length === 0) return [];
  const stageRows = await db
    .select({
      id: pipelineStages.id,
      pipelineId: pipelineStages.pipelineId,
      name: pipelineStages.name,
      position: pipelineStages.position,
      probability: pipelineStages.probability,
      kind: pipelineStages.kind,
      version: pipelineStages.version,
      dealCount: withCounts
        ? sql<number>`(select count(*)::int from deals d where d.business_id = "pipeline_stages"."business_id" and d.stage_id = "pipeline_stages"."id")`
        : sql<number>`0`,
    })
    .from(pipelineStages)
    .where(eq(pipelineStages.businessId, ctx.businessId))
    .orderBy(asc(pipelineStages.position), asc(pipelineStages.id));
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    projectTemplate: p.templateId ? { id: p.templateId, name: p.templateName ?? '' } : null,
    version: p.version,
    stages: stageRows.filter((s) => s.pipelineId === p.id).map(({ pipelineId: _p, ...s }) => s),
  }));
});

export const getPipeline = defineQuery('getPipeline', ['deals', 'read'], async function getPipeline(db: Executor, ctx: Ctx, id: string, options: { withCounts?: boolean } = {}): Promise<PipelineRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const found = (await listPipelines(db, ctx, options)).find((p) => p.id === id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
});

export const listProjectTemplateOptions = defineQuery('listProjectTemplateOptions', ['pipelines', 'read'], async function listProjectTemplateOptions(db: Executor, ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: projectTemplates.id, name: projectTemplates.name })
    .from(projectTemplates)
    .where(eq(projectTemplates.businessId, ctx.businessId))
    .orderBy(asc(projectTemplates.name));
});

export async function businessCurrency(db: Executor, businessId: string): Promise<string> {
  const [row] = await db.select({ currency: businesses.currency }).from(businesses).where(eq(businesses.id, businessId));
  return row?.currency ?? 'TRY';
}

// ─── Deals ──────────────────────────────────────────────────────────────────────────────────

export type DealCard = {
  id: string;
  title: string;
  position: string;
  stageId: string;
  valueMinor: number;
  currency: string;
  expectedCloseDate: string | null;
  probability: number | null;
  customer: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  /** Owned by the caller: what "own" means for deals. */
  mine: boolean;
};

/** The filters of the board and the list, on the deals table aliased `d`. */
function filterSql(filters: DealFilters): SQL {
  const parts: SQL[] = [];
  if (filters.ownerId) parts.push(sql`and d.owner_id = ${filters.ownerId}`);
  if (filters.customerId) parts.push(sql`and d.customer_id = ${filters.customerId}`);
  if (filters.tagId)
    parts.push(sql`and exists (select 1 from customer_tags ct where ct.business_id = d.business_id and ct.customer_id = d.customer_id and ct.tag_id = ${filters.tagId})`);
  if (filters.closeFrom) parts.push(sql`and d.expected_close_date >= ${filters.closeFrom}::date`);
  if (filters.closeTo) parts.push(sql`and d.expected_close_date <= ${filters.closeTo}::date`);
  return sql.join(parts, sql` `);
}

type CardRow = {
  id: string;
  title: string;
  position: string;
  stage_id: string;
  value_minor: string | number;
  currency: string;
  expected_close_date: string | null;
  probability: number | null;
  customer_id: string | null;
  customer_name: string | null;
  owner_id: string | null;
  owner_name: string | null;
};

const cardColumns = sql`d.id, d.title, d.position, d.stage_id, d.value_minor, d.currency, to_char(d.expected_close_date, 'YYYY-MM-DD') as expected_close_date,
  d.probability, d.customer_id, c.name as customer_name, d.owner_id, o.name as owner_name`;
const cardJoins = sql`left join customers c on c.business_id = d.business_id and c.id = d.customer_id
  left join personnel o on o.business_id = d.business_id and o.id = d.owner_id`;

function toCard(ctx: Ctx, r: CardRow): DealCard {
  return {
    id: r.id,
    title: r.title,
    position: r.position,
    stageId: r.stage_id,
    valueMinor: Number(r.value_minor),
    currency: r.currency,
    expectedCloseDate: r.expected_close_date,
    probability: r.probability,
    customer: r.customer_id ? { id: r.customer_id, name: r.customer_name ?? '' } : null,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    mine: r.owner_id === ctx.personnelId,
  };
}

export type ColumnTotals = { count: number; totals: { currency: string; valueMinor: number; weightedMinor: number }[] };
export type BoardData = {
  pipeline: PipelineRecord;
  columns: (StageRecord & ColumnTotals & { cards: DealCard[] })[];
};

/**
 * A pipeline's board: per stage its count and totals (value and value × probability, per
 * currency) and its first `perColumn` cards in order. Two statements, each one index range scan
 * per stage (deals_pipeline_idx), however many deals the board holds.
 */
export const getBoard = defineQuery('getBoard', ['deals', 'read'], async function getBoard(db: Executor, ctx: Ctx, pipelineId: string, filters: DealFilters = {}, perColumn: number = BOARD_PAGE): Promise<BoardData> {
  const pipeline = await getPipeline(db, ctx, pipelineId, { withCounts: false });
  const where = filterSql(filters);
  // The weighted value is summed exactly (value × percent as numeric) and rounded once, in
  // lib/money, by the same rule as every other amount; integer division here would truncate per deal.
  const [totals, cards] = await Promise.all([
    db.execute<{ stage_id: string; currency: string; count: number; value: string; weighted_percent: string }>(sql`
      select d.stage_id, d.currency, count(*)::int as count, coalesce(sum(d.value_minor), 0)::text as value,
        coalesce(sum(d.value_minor::numeric * coalesce(d.probability, s.probability)), 0)::text as weighted_percent
      from deals d join pipeline_stages s on s.business_id = d.business_id and s.id = d.stage_id
      where d.business_id = ${ctx.businessId} and d.pipeline_id = ${pipelineId} ${where}
      group by d.stage_id, d.currency`),
    db.execute<CardRow>(sql`
      select card.* from pipeline_stages s cross join lateral (
        select ${cardColumns} from deals d ${cardJoins}
        where d.business_id = s.business_id and d.pipeline_id = s.pipeline_id and d.stage_id = s.id ${where}
        order by d.position limit ${perColumn}
      ) card
      where s.business_id = ${ctx.businessId} and s.pipeline_id = ${pipelineId}`),
  ]);
  const countOf = (stageId: string) => totals.rows.filter((t) => t.stage_id === stageId).reduce((n, t) => n + t.count, 0);
  // The pipeline was read without counts: its stages get the board's (under the board's filters).
  const counted = { ...pipeline, stages: pipeline.stages.map((stage) => ({ ...stage, dealCount: countOf(stage.id) })) };
  const columns = counted.stages.map((stage) => {
    const mine = totals.rows.filter((t) => t.stage_id === stage.id);
    const count = stage.dealCount;
    return {
      ...stage,
      count,
      totals: mine.map((t) => ({ currency: t.currency, valueMinor: Number(t.value), weightedMinor: weightedFromPercentSum(t.weighted_percent) })),
      cards: cards.rows.filter((c) => c.stage_id === stage.id).map((c) => toCard(ctx, c)),
    };
  });
  return { pipeline: counted, columns };
});

/** The next cards of one column, after the card with position `after` ("show more"). */
export const findStageCards = defineQuery('findStageCards', ['deals', 'read'], async function findStageCards(db: Executor, ctx: Ctx, args: DealFilters & { stageId: string; after: string; limit?: number }): Promise<DealCard[]> {
  const result = await db.execute<CardRow>(sql`
    select ${cardColumns} from deals d ${cardJoins}
    where d.business_id = ${ctx.businessId} and d.stage_id = ${args.stageId} and d.position > ${args.after} ${filterSql(args)}
    order by d.position limit ${args.limit ?? BOARD_PAGE}`);
  return result.rows.map((r) => toCard(ctx, r));
});

export type DealRecord = DealCard & {
  pipeline: { id: string; name: string };
  stage: { id: string; name: string; kind: StageKind; probability: number };
  source: string | null;
  lostReason: string | null;
  wonAt: Date | null;
  lostAt: Date | null;
  /** The project this deal is for (its `deal_id`): a win is recorded there instead of making a new one. */
  project: { id: string; name: string } | null;
  version: number;
  moveVersion: number;
  createdAt: Date;
  updatedAt: Date;
};

const owner = alias(personnel, 'owner');

function selectDeals(db: Executor) {
  return db
    .select({
      id: deals.id,
      title: deals.title,
      position: deals.position,
      stageId: deals.stageId,
      valueMinor: deals.valueMinor,
      currency: deals.currency,
      expectedCloseDate: deals.expectedCloseDate,
      probability: deals.probability,
      customerId: deals.customerId,
      customerName: customers.name,
      ownerId: deals.ownerId,
      ownerName: owner.name,
      pipelineId: deals.pipelineId,
      pipelineName: pipelines.name,
      stageName: pipelineStages.name,
      stageKind: pipelineStages.kind,
      stageProbability: pipelineStages.probability,
      source: deals.source,
      lostReason: deals.lostReason,
      wonAt: deals.wonAt,
      lostAt: deals.lostAt,
      projectId: projects.id,
      projectName: projects.name,
      version: deals.version,
      moveVersion: deals.moveVersion,
      createdAt: deals.createdAt,
      updatedAt: deals.updatedAt,
    })
    .from(deals)
    .innerJoin(pipelines, and(eq(pipelines.businessId, deals.businessId), eq(pipelines.id, deals.pipelineId)))
    .innerJoin(pipelineStages, and(eq(pipelineStages.businessId, deals.businessId), eq(pipelineStages.id, deals.stageId)))
    .leftJoin(customers, and(eq(customers.businessId, deals.businessId), eq(customers.id, deals.customerId)))
    .leftJoin(owner, and(eq(owner.businessId, deals.businessId), eq(owner.id, deals.ownerId)))
    .leftJoin(projects, and(eq(projects.businessId, deals.businessId), eq(projects.dealId, deals.id)));
}

type DealRow = Awaited<ReturnType<ReturnType<typeof selectDeals>['execute']>>[number];

function toRecord(ctx: Ctx, r: DealRow): DealRecord {
  return {
    id: r.id,
    title: r.title,
    position: r.position,
    stageId: r.stageId,
    valueMinor: r.valueMinor,
    currency: r.currency,
    expectedCloseDate: r.expectedCloseDate,
    probability: r.probability,
    customer: r.customerId ? { id: r.customerId, name: r.customerName ?? '' } : null,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
    mine: r.ownerId === ctx.personnelId,
    pipeline: { id: r.pipelineId, name: r.pipelineName },
    stage: { id: r.stageId, name: r.stageName, kind: r.stageKind, probability: r.stageProbability },
    source: r.source,
    lostReason: r.lostReason,
    wonAt: r.wonAt,
    lostAt: r.lostAt,
    project: r.projectId ? { id: r.projectId, name: r.projectName ?? '' } : null,
    version: r.version,
    moveVersion: r.moveVersion,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export const getDeal = defineQuery('getDeal', ['deals', 'read'], async function getDeal(db: Executor, ctx: Ctx, id: string): Promise<DealRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await selectDeals(db).where(and(eq(deals.businessId, ctx.businessId), eq(deals.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return toRecord(ctx, row);
});

export type FindDealsArgs = DealFilters & { pipelineId?: string; stageId?: string; cursor?: string; limit?: number };

/** A page of deals, newest first (UUIDv7 ids grow with time), with the last id as the cursor. */
/** How many deals the caller may see stand in an open stage (neither won nor lost), for the business page. */
export const countOpenDeals = defineQuery('countOpenDeals', ['deals', 'read'], async function countOpenDeals(db: Executor, ctx: Ctx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(deals)
    .innerJoin(pipelineStages, and(eq(pipelineStages.businessId, deals.businessId), eq(pipelineStages.id, deals.stageId)))
    .where(and(dealScope(ctx, 'read'), eq(pipelineStages.kind, 'open')));
  return row?.n ?? 0;
});

export const findDeals = defineQuery('findDeals', ['deals', 'read'], async function findDeals(db: Executor, ctx: Ctx, args: FindDealsArgs = {}): Promise<{ data: DealRecord[]; nextCursor: string | null }> {
  const limit = args.limit ?? 50;
  const where: (SQL | undefined)[] = [eq(deals.businessId, ctx.businessId)];
  if (args.pipelineId) where.push(eq(deals.pipelineId, args.pipelineId));
  if (args.stageId) where.push(eq(deals.stageId, args.stageId));
  if (args.customerId) where.push(eq(deals.customerId, args.customerId));
  if (args.ownerId) where.push(eq(deals.ownerId, args.ownerId));
  if (args.tagId)
    where.push(
      sql`exists (select 1 from ${customerTags} where ${customerTags.businessId} = ${deals.businessId} and ${customerTags.customerId} = ${deals.customerId} and ${customerTags.tagId} = ${args.tagId})`,
    );
  if (args.closeFrom) where.push(sql`${deals.expectedCloseDate} >= ${args.closeFrom}::date`);
  if (args.closeTo) where.push(sql`${deals.expectedCloseDate} <= ${args.closeTo}::date`);
  if (args.cursor) {
    if (!isUuid(args.cursor)) throw new AppError('BAD_REQUEST', 'errors.BAD_REQUEST', { cursor: 'invalid' });
    where.push(lt(deals.id, args.cursor));
  }
  const rows = await selectDeals(db)
    .where(and(...where))
    .orderBy(desc(deals.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { data: page.map((r) => toRecord(ctx, r)), nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
});

/**
 * A customer's deals for its profile, newest first, within the caller's read scope: all of the
 * business's, or only the caller's own where the permission table grants reading "own" deals.
 * FORBIDDEN for a role that may not read deals. One range of deals_customer_idx.
 */
export const findDealsOfCustomer = defineQuery('findDealsOfCustomer', ['deals', 'read'], async function findDealsOfCustomer(db: Executor, ctx: Ctx, customerId: string, limit: number = 100): Promise<DealRecord[]> {
  const scope = dealScope(ctx, 'read');
  if (!isUuid(customerId)) return [];
  const rows = await selectDeals(db)
    .where(and(scope, eq(deals.customerId, customerId)))
    .orderBy(desc(deals.id))
    .limit(limit);
  return rows.map((r) => toRecord(ctx, r));
});

// ─── Timeline ───────────────────────────────────────────────────────────────────────────────

export type DealEvent = { id: string; at: Date; action: string; changedFields: string[] | null; meta: Record<string, unknown> | null; actorName: string | null };

/** The deal's own history from the audit log (who, when, which fields), newest first. */
export const findDealEvents = defineQuery('findDealEvents', ['deals', 'read'], async function findDealEvents(db: Executor, ctx: Ctx, dealId: string, limit: number = 100): Promise<DealEvent[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      action: auditLog.action,
      changedFields: auditLog.changedFields,
      meta: auditLog.meta,
      actorName: user.name,
    })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorUserId))
    .where(and(eq(auditLog.businessId, ctx.businessId), eq(auditLog.entityType, 'deal'), eq(auditLog.entityId, dealId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, meta: (r.meta as Record<string, unknown> | null) ?? null }));
});

export const stageNames = defineQuery('stageNames', ['deals', 'read'], async function stageNames(db: Executor, ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: pipelineStages.id, name: pipelineStages.name })
    .from(pipelineStages)
    .where(and(eq(pipelineStages.businessId, ctx.businessId), inArray(pipelineStages.id, valid)));
  return new Map(rows.map((r) => [r.id, r.name]));
});
