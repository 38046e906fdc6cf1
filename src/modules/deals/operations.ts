import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { findCustomerOptions } from '@/modules/interactions';
import { findStageCards } from './queries';
import { defineOperation } from '@/server/actions/operation';
import {
  createDealSchema,
  createPipelineSchema,
  createStageSchema,
  dealIdSchema,
  loadMoreSchema,
  moveDealSchema,
  pipelineIdSchema,
  reorderStagesSchema,
  stageIdSchema,
  updateDealSchema,
  updatePipelineSchema,
  updateStageSchema,
} from './schemas';
import {
  createDeal,
  createPipeline,
  createStage,
  deleteDeal,
  deletePipeline,
  deleteStage,
  moveDeal,
  reorderStages,
  updateDeal,
  updatePipeline,
  updateStage,
} from './mutations';

export const createPipelineOperation = defineOperation('createPipeline', { schema: createPipelineSchema, permission: ['pipelines', 'create'] }, async (ctx, input) => ({
  message: 'deals.pipelineCreated',
  values: { name: input.name },
  data: await createPipeline(getDb(), ctx, input),
}));

export const updatePipelineOperation = defineOperation('updatePipeline', { schema: updatePipelineSchema, permission: ['pipelines', 'update'] }, async (ctx, input) => ({
  message: 'deals.pipelineUpdated',
  values: { name: input.name },
  data: await updatePipeline(getDb(), ctx, input),
}));

export const deletePipelineOperation = defineOperation('deletePipeline', { schema: pipelineIdSchema, permission: ['pipelines', 'delete'] }, async (ctx, input) => {
  const { name } = await deletePipeline(getDb(), ctx, input.id);
  return { message: 'deals.pipelineDeleted', values: { name }, data: null };
});

export const createStageOperation = defineOperation('createStage', { schema: createStageSchema, permission: ['pipelines', 'update'] }, async (ctx, input) => ({
  message: 'deals.stageCreated',
  values: { name: input.name },
  data: await createStage(getDb(), ctx, input),
}));

export const updateStageOperation = defineOperation('updateStage', { schema: updateStageSchema, permission: ['pipelines', 'update'] }, async (ctx, input) => ({
  message: 'deals.stageUpdated',
  values: { name: input.name },
  data: await updateStage(getDb(), ctx, input),
}));

export const deleteStageOperation = defineOperation('deleteStage', { schema: stageIdSchema, permission: ['pipelines', 'update'] }, async (ctx, input) => {
  const { name } = await deleteStage(getDb(), ctx, input.id);
  return { message: 'deals.stageDeleted', values: { name }, data: null };
});

export const reorderStagesOperation = defineOperation('reorderStages', { schema: reorderStagesSchema, permission: ['pipelines', 'update'] }, async (ctx, input) => {
  await reorderStages(getDb(), ctx, input);
  return { message: 'deals.stagesReordered', data: null };
});

export const createDealOperation = defineOperation('createDeal', { schema: createDealSchema, permission: ['deals', 'create'] }, async (ctx, input) => ({
  message: 'deals.created',
  values: { title: input.title },
  data: await createDeal(getDb(), ctx, input),
}));

export const updateDealOperation = defineOperation('updateDeal', { schema: updateDealSchema, permission: ['deals', 'update'] }, async (ctx, input) => {
  const result = await updateDeal(getDb(), ctx, input);
  return { message: 'deals.updated', values: { title: result.title }, data: { version: result.version } };
});

export const moveDealOperation = defineOperation('moveDeal', { schema: moveDealSchema, permission: ['deals', 'update'] }, async (ctx, input) => {
  const result = await moveDeal(getDb(), ctx, input);
  return {
    message: result.kind === 'won' ? 'deals.movedWon' : 'deals.moved',
    values: { title: result.title },
    data: { moveVersion: result.moveVersion, position: result.position, stageId: result.stageId },
  };
});

export const deleteDealOperation = defineOperation('deleteDeal', { schema: dealIdSchema, permission: ['deals', 'delete'] }, async (ctx, input) => {
  const { title } = await deleteDeal(getDb(), ctx, input.id);
  return { message: 'deals.deleted', values: { title }, data: null };
});

/** The next cards of a board column ("show more"). */
export const loadMoreDealsOperation = defineOperation('loadMoreDeals', { schema: loadMoreSchema, permission: ['deals', 'read'] }, async (ctx, input) => ({
  message: 'deals.loaded',
  data: await findStageCards(getDb(), ctx, input),
}));

/** Customers for the deal form's picker: folded search text, ILIKE. */
export const searchDealCustomersOperation = defineOperation(
  'searchDealCustomers',
  { schema: z.object({ search: z.string().max(100) }), permission: ['deals', 'read'] },
  async (ctx, input) => ({ message: 'deals.loaded', data: await findCustomerOptions(getDb(), ctx, input.search, 20) }),
);
