'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import { createQuoteOperation, deleteQuoteOperation, sendQuoteOperation, updateQuoteOperation } from './operations';

export async function createQuoteAction(slug: string, input: unknown) {
  return runBusinessAction(createQuoteOperation, slug, input);
}

export async function updateQuoteAction(slug: string, input: unknown) {
  return runBusinessAction(updateQuoteOperation, slug, input);
}

export async function deleteQuoteAction(slug: string, input: unknown) {
  return runBusinessAction(deleteQuoteOperation, slug, input);
}

export async function sendQuoteAction(slug: string, input: unknown) {
  return runBusinessAction(sendQuoteOperation, slug, input);
}
