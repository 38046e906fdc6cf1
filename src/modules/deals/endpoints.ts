import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { authorize } from '@/server/auth/authorize';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { findDeals, getBoard, getDeal, getPipeline, listPipelines, type DealRecord, type PipelineRecord } from './queries';
import { ensureDefaultPipeline, moveDeal, updateDeal } from './mutations';
import { fieldErrorsOf } from '@/server/actions/operation';
import { STAGE_KINDS, createDealSchema, dealFiltersSchema, dealContentSchema, moneySchema, moveDealSchema, pipelineFieldsSchema, updateDealSchema } from './schemas';
import {
  createDealOperation,
  createPipelineOperation,
  deleteDealOperation,
  deletePipelineOperation,
  updatePipelineOperation,
} from './operations';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';
import { listQuery } from '@/server/api/list-query';

const ref = z.object({ id: z.uuid(), name: z.string() }).nullable();
const money = z.object({ amountMinor: z.number().int().describe('Minor units of the currency, by its ISO 4217 exponent: 1234.56 TRY is 123456, 1500 JPY is 1500, 1.234 KWD is 1234'), currency: z.string().length(3) });

export const stageJson = z.object({ id: z.uuid(), name: z.string(), position: z.number().int(), probability: z.number().int(), kind: z.enum(STAGE_KINDS), version: z.number().int(), dealCount: z.number().int() });
export const pipelineJson = z.object({ id: z.uuid(), name: z.string(), projectTemplate: ref, version: z.number().int(), stages: z.array(stageJson) });

function pipelineToJson(p: PipelineRecord): z.infer<typeof pipelineJson> {
  return { id: p.id, name: p.name, projectTemplate: p.projectTemplate, version: p.version, stages: p.stages };
}

export const dealJson = z.object({
  id: z.uuid(),
  title: z.string(),
  pipelineId: z.uuid(),
  stage: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(STAGE_KINDS), probability: z.number().int() }),
  position: z.string().describe('Order key within the stage (byte-wise)'),
  value: money,
  expectedCloseDate: z.string().nullable().describe('YYYY-MM-DD'),
  probability: z.number().int().nullable().describe('Null: the stage’s probability applies'),
  customer: ref,
  owner: ref,
  source: z.string().nullable(),
  lostReason: z.string().nullable(),
  wonAt: z.string().nullable(),
  lostAt: z.string().nullable(),
  project: ref.describe('The linked project: winning the deal records the win there instead of making a new project'),
  version: z.number().int().describe('Content version: send it back with content changes'),
  moveVersion: z.number().int().describe('Counts moves; moves never change `version`'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

function dealToJson(d: DealRecord): z.infer<typeof dealJson> {
  return {
    id: d.id,
    title: d.title,
    pipelineId: d.pipeline.id,
    stage: d.stage,
    position: d.position,
    value: { amountMinor: d.valueMinor, currency: d.currency },
    expectedCloseDate: d.expectedCloseDate,
    probability: d.probability,
    customer: d.customer,
    owner: d.owner,
    source: d.source,
    lostReason: d.lostReason,
    wonAt: d.wonAt?.toISOString() ?? null,
    lostAt: d.lostAt?.toISOString() ?? null,
    project: d.project,
    version: d.version,
    moveVersion: d.moveVersion,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export const listPipelinesEndpoint = defineEndpoint({
  method: 'GET',
  path: '/pipelines',
  tag: 'Deals',
  summary: 'The business’s pipelines with their stages in order (the first use creates the default one)',
  auth: 'any',
  response: z.object({ data: z.array(pipelineJson) }),
  run: async ({ ctx }) => {
    authorize(ctx, 'pipelines', 'read');
    await ensureDefaultPipeline(getDb(), ctx);
    return { data: (await listPipelines(getDb(), ctx)).map(pipelineToJson) };
  },
});

export const createPipelineEndpoint = defineEndpoint({
  method: 'POST',
  path: '/pipelines',
  tag: 'Deals',
  summary: 'Create a pipeline (it starts with the usual five stages)',
  auth: 'any',
  body: pipelineFieldsSchema,
  response: pipelineJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    const { id } = await callOperation(createPipelineOperation, ctx, body);
    return pipelineToJson(await getPipeline(getDb(), ctx, id));
  },
});

export const updatePipelineEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/pipelines/{id}',
  tag: 'Deals',
  summary: 'Rename a pipeline or choose its project template; send `version` to refuse a stale write (409)',
  auth: 'any',
  body: pipelineFieldsSchema.partial().extend({ version: z.number().int().optional() }),
  response: pipelineJson,
  run: async ({ ctx, params, body }) => {
    authorize(ctx, 'pipelines', 'update');
    const current = await getPipeline(getDb(), ctx, params.id!);
    const patch = body as Record<string, unknown>;
    await callOperation(updatePipelineOperation, ctx, {
      name: current.name,
      projectTemplateId: current.projectTemplate?.id ?? null,
      ...patch,
      id: current.id,
      version: (patch.version as number | undefined) ?? current.version,
    });
    return pipelineToJson(await getPipeline(getDb(), ctx, current.id));
  },
});

export const deletePipelineEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/pipelines/{id}',
  tag: 'Deals',
  summary: 'Delete a pipeline without deals (not the last one)',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deletePipelineOperation, ctx, { id: params.id });
    return null;
  },
});

const boardCard = z.object({
  id: z.uuid(),
  title: z.string(),
  position: z.string(),
  value: money,
  expectedCloseDate: z.string().nullable(),
  probability: z.number().int().nullable(),
  customer: ref,
  owner: ref,
});

export const getBoardEndpoint = defineEndpoint({
  method: 'GET',
  path: '/pipelines/{id}/board',
  tag: 'Deals',
  summary: 'A pipeline’s board: per stage its deal count, value and weighted value (per currency) and its first 50 deals in order',
  auth: 'any',
  query: dealFiltersSchema,
  response: z.object({
    pipeline: pipelineJson,
    columns: z.array(
      stageJson.extend({
        count: z.number().int(),
        totals: z.array(z.object({ currency: z.string(), valueMinor: z.number().int(), weightedMinor: z.number().int() })),
        cards: z.array(boardCard),
      }),
    ),
  }),
  run: async ({ ctx, params, query }) => {
    authorize(ctx, 'deals', 'read');
    const board = await getBoard(getDb(), ctx, params.id!, query);
    return {
      pipeline: pipelineToJson(board.pipeline),
      columns: board.columns.map(({ cards, ...column }) => ({
        ...column,
        cards: cards.map((c) => ({
          id: c.id,
          title: c.title,
          position: c.position,
          value: { amountMinor: c.valueMinor, currency: c.currency },
          expectedCloseDate: c.expectedCloseDate,
          probability: c.probability,
          customer: c.customer,
          owner: c.owner,
        })),
      })),
    };
  },
});

const listDealsQuery = listQuery.omit({ search: true }).extend({
  pipelineId: z.uuid('invalid').optional(),
  stageId: z.uuid('invalid').optional(),
  customerId: z.uuid('invalid').optional(),
  ownerId: z.uuid('invalid').optional(),
});

export const listDealsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/deals',
  tag: 'Deals',
  summary: 'Deals, newest first, with keyset paging',
  auth: 'any',
  query: listDealsQuery,
  response: z.object({ data: z.array(dealJson), nextCursor: z.string().nullable() }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'deals', 'read');
    const page = await findDeals(getDb(), ctx, query);
    return { data: page.data.map(dealToJson), nextCursor: page.nextCursor };
  },
});

export const getDealEndpoint = defineEndpoint({
  method: 'GET',
  path: '/deals/{id}',
  tag: 'Deals',
  summary: 'One deal',
  auth: 'any',
  response: dealJson,
  run: async ({ ctx, params }) => {
    authorize(ctx, 'deals', 'read');
    return dealToJson(await getDeal(getDb(), ctx, params.id!));
  },
});

export const createDealEndpoint = defineEndpoint({
  method: 'POST',
  path: '/deals',
  tag: 'Deals',
  summary: 'Create a deal; without `pipelineId`/`stageId` it goes to the first stage of the first pipeline',
  auth: 'any',
  body: createDealSchema,
  response: dealJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    const { id } = await callOperation(createDealOperation, ctx, body);
    return dealToJson(await getDeal(getDb(), ctx, id));
  },
});

const patchDealBody = dealContentSchema
  .partial()
  .extend({
    version: z.number().int().optional().describe('Content version; a stale one gets 409'),
    stageId: z.uuid('invalid').optional().describe('A move: the stage to put the deal in'),
    beforeId: z.uuid('invalid').nullish().describe('A move: the deal right above it (null: none)'),
    afterId: z.uuid('invalid').nullish().describe('A move: the deal right below it (null: none)'),
    lostReason: z.string().max(500).nullish(),
    value: moneySchema.nullish(),
  });

export const updateDealEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/deals/{id}',
  tag: 'Deals',
  summary: 'Change a deal: a move (`stageId` with `beforeId`/`afterId`) never conflicts with content edits; content fields take `version` (409 when stale)',
  auth: 'any',
  body: patchDealBody,
  response: dealJson,
  run: async ({ ctx, params, body }) => {
    authorize(ctx, 'deals', 'update');
    const { stageId, beforeId, afterId, lostReason, version, ...content } = body as z.infer<typeof patchDealBody>;
    const contentKeys = Object.keys(content).filter((k) => (content as Record<string, unknown>)[k] !== undefined);
    const editsContent = contentKeys.length > 0 || (!stageId && lostReason !== undefined);
    if (!stageId && !editsContent) throw new AppError('VALIDATION', 'errors.VALIDATION', { stageId: 'required' });
    // A plain move needs nothing of the current deal: the move locks and checks it itself.
    const current = editsContent ? await getDeal(getDb(), ctx, params.id!) : { id: params.id! };
    if (!isUuid(current.id)) throw new AppError('NOT_FOUND');
    const move = stageId ? parseOrThrow(moveDealSchema, { id: current.id, stageId, beforeId: beforeId ?? null, afterId: afterId ?? null, lostReason: lostReason ?? null }) : null;
    const edit = editsContent && 'title' in current
      ? parseOrThrow(updateDealSchema, {
          title: current.title,
          customerId: current.customer?.id ?? null,
          value: { amountMinor: current.valueMinor, currency: current.currency },
          expectedCloseDate: current.expectedCloseDate,
          ownerId: current.owner?.id ?? null,
          probability: current.probability,
          source: current.source,
          ...content,
          ...(!stageId && lostReason !== undefined ? { lostReason } : {}),
          id: current.id,
          version: version ?? current.version,
        })
      : null;
    // Both parts in one transaction: a refused edit leaves no move behind, and the other way round.
    await getDb().transaction(async (tx) => {
      if (edit) await updateDeal(tx, ctx, edit);
      if (move) await moveDeal(tx, ctx, move);
    });
    return dealToJson(await getDeal(getDb(), ctx, current.id));
  },
});

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION', 'errors.VALIDATION', fieldErrorsOf(parsed.error));
  return parsed.data;
}

export const deleteDealEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/deals/{id}',
  tag: 'Deals',
  summary: 'Delete a deal',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deleteDealOperation, ctx, { id: params.id });
    return null;
  },
});
