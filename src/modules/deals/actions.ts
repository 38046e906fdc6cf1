'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import {
  createDealOperation,
  createPipelineOperation,
  createStageOperation,
  deleteDealOperation,
  deletePipelineOperation,
  deleteStageOperation,
  loadMoreDealsOperation,
  searchDealCustomersOperation,
  moveDealOperation,
  reorderStagesOperation,
  updateDealOperation,
  updatePipelineOperation,
  updateStageOperation,
} from './operations';

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

/** The next cards of a board column ("show more"). */
export async function loadMoreDealsAction(slug: string, input: unknown) {
  return runBusinessAction(loadMoreDealsOperation, slug, input);
}

/** Customers for the deal form's picker: folded search text, ILIKE. */
export async function searchDealCustomersAction(slug: string, input: unknown) {
  return runBusinessAction(searchDealCustomersOperation, slug, input);
}
