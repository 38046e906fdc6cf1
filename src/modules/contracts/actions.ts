'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import { createContractOperation, deleteContractOperation, updateContractOperation } from './operations';

/** Takes FormData (the file travels in it) or a plain object. */
function inputOf(input: unknown): unknown {
  return input instanceof FormData ? Object.fromEntries(input.entries()) : input;
}

export async function createContractAction(slug: string, input: unknown) {
  return runBusinessAction(createContractOperation, slug, inputOf(input));
}

export async function updateContractAction(slug: string, input: unknown) {
  return runBusinessAction(updateContractOperation, slug, inputOf(input));
}

export async function deleteContractAction(slug: string, input: unknown) {
  return runBusinessAction(deleteContractOperation, slug, inputOf(input));
}
