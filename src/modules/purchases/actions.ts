'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import { createPurchaseOperation, deletePurchaseOperation, importPurchasesOperation, updatePurchaseOperation } from './operations';

export async function createPurchaseAction(slug: string, input: unknown) {
  return runBusinessAction(createPurchaseOperation, slug, input);
}

export async function updatePurchaseAction(slug: string, input: unknown) {
  return runBusinessAction(updatePurchaseOperation, slug, input);
}

export async function deletePurchaseAction(slug: string, input: unknown) {
  return runBusinessAction(deletePurchaseOperation, slug, input);
}

export async function importPurchasesAction(slug: string, input: FormData) {
  return runBusinessAction(importPurchasesOperation, slug, { file: input instanceof FormData ? input.get('file') : undefined });
}
