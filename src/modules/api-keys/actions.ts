'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import { createApiKeyOperation, revokeApiKeyOperation } from './operations';

export async function createApiKeyAction(slug: string, input: unknown) {
  return runBusinessAction(createApiKeyOperation, slug, input);
}

export async function revokeApiKeyAction(slug: string, input: unknown) {
  return runBusinessAction(revokeApiKeyOperation, slug, input);
}
