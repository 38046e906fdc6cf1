'use server';
import { getDb } from '@/server/db/client';
import { runBusinessAction } from '@/server/actions/run-action';
import { defineOperation } from '@/server/actions/operation';
import { findCustomerOptions } from '@/modules/interactions/queries';
import { z } from 'zod';
import {
  createDealOperation,
  createPipelineOperation,
  createStageOperation,
  deleteDealOperation,
  deletePipelineOperation,
  deleteStageOperation,
  moveDealOperation,
  reorderStagesOperation,
  updateDealOperation,
  updatePipelineOperation,
  updateStageOperation,
} from './operations';
import { findStageCards } from './queries';
import { loadMoreSchema } from './schemas';

export async function createPipelineAction(slug: string, input: unknown) {
  return runBusinessAction(createPipelineOperation, slug, input);
}
export async function updatePipelineAction(slug: string, input: unknown) {
  return runBusinessAction(updatePipelineOperation, slug, input);
}
export async function deletePipelineAction(slug: string, input: unknown) {
  return runBusinessAction(deletePipelineOperation, slug, input);
}
export async function createStageAction(slug: string, input: unknown) {
  return runBusinessAction(createStageOperation, slug, input);
}
export async function updateStageAction(slug: string, input: unknown) {
  return runBusinessAction(updateStageOperation, slug, input);
}
export async function deleteStageAction(slug: string, input: unknown) {
  return runBusinessAction(deleteStageOperation, slug, input);
}
export async function reorderStagesAction(slug: string, input: unknown) {
  return runBusinessAction(reorderStagesOperation, slug, input);
}
export async function createDealAction(slug: string, input: unknown) {
  return runBusinessAction(createDealOperation, slug, input);
}
export async function updateDealAction(slug: string, input: unknown) {
  return runBusinessAction(updateDealOperation, slug, input);
}
export async function moveDealAction(slug: string, input: unknown) {
  return runBusinessAction(moveDealOperation, slug, input);
}
export async function deleteDealAction(slug: string, input: unknown) {
  return runBusinessAction(deleteDealOperation, slug, input);
}

const loadMoreOperation = defineOperation('loadMoreDeals', { schema: loadMoreSchema, permission: ['deals', 'read'] }, async (ctx, input) => ({
  message: '',
  data: await findStageCards(getDb(), ctx, input),
}));

/** The next cards of a board column ("show more"). */
export async function loadMoreDealsAction(slug: string, input: unknown) {
  return runBusinessAction(loadMoreOperation, slug, input);
}

const customerSearchOperation = defineOperation('searchDealCustomers', { schema: z.object({ search: z.string().max(100) }), permission: ['deals', 'read'] }, async (ctx, input) => ({
  message: '',
  data: await findCustomerOptions(getDb(), ctx, input.search, 20),
}));

/** Customers for the deal form's picker: folded search text, ILIKE. */
export async function searchDealCustomersAction(slug: string, input: unknown) {
  return runBusinessAction(customerSearchOperation, slug, input);
}
