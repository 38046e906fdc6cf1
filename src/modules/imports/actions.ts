'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import { deleteImportOperation, previewImportOperation, startImportOperation, uploadImportOperation } from './operations';

export async function uploadImportAction(slug: string, input: FormData) {
  return runBusinessAction(uploadImportOperation, slug, { file: input instanceof FormData ? input.get('file') : undefined });
}

export async function previewImportAction(slug: string, input: unknown) {
  return runBusinessAction(previewImportOperation, slug, input);
}

export async function startImportAction(slug: string, input: unknown) {
  return runBusinessAction(startImportOperation, slug, input);
}

export async function deleteImportAction(slug: string, input: unknown) {
  return runBusinessAction(deleteImportOperation, slug, input);
}
