import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import { configureImportSchema, importIdSchema, previewImportSchema, uploadImportSchema } from './schemas';
import { deleteImport, startImport, uploadImport } from './mutations';
import { previewImport } from './queries';

// Importing creates customers, so every step needs the right to create them.

export const uploadImportOperation = defineOperation(
  'uploadImport',
  { schema: uploadImportSchema, permission: ['customers', 'create'] },
  async (ctx, input) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    return { message: 'imports.uploaded', data: await uploadImport(getDb(), ctx, { name: input.file.name, bytes }) };
  },
);

export const previewImportOperation = defineOperation(
  'previewImport',
  { schema: previewImportSchema, permission: ['customers', 'create'] },
  async (ctx, input) => ({ message: 'imports.previewed', data: await previewImport(getDb(), ctx, input) }),
);

export const startImportOperation = defineOperation(
  'startImport',
  { schema: configureImportSchema, permission: ['customers', 'create'] },
  async (ctx, input) => {
    await startImport(getDb(), ctx, input);
    return { message: 'imports.started', data: null };
  },
);

export const deleteImportOperation = defineOperation(
  'deleteImport',
  { schema: importIdSchema, permission: ['customers', 'create'] },
  async (ctx, input) => {
    await deleteImport(getDb(), ctx, input.id);
    return { message: 'imports.deleted', data: null };
  },
);
