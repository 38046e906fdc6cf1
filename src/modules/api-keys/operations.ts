import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import { apiKeyIdSchema, createApiKeySchema } from './schemas';
import { createApiKey, revokeApiKey } from './mutations';

export const createApiKeyOperation = defineOperation(
  'createApiKey',
  { schema: createApiKeySchema, permission: ['apiKeys', 'create'] },
  async (ctx, input) => ({ message: 'apiKeys.created', values: { name: input.name }, data: await createApiKey(getDb(), ctx, input) }),
);

export const revokeApiKeyOperation = defineOperation(
  'revokeApiKey',
  { schema: apiKeyIdSchema, permission: ['apiKeys', 'delete'] },
  async (ctx, input) => {
    await revokeApiKey(getDb(), ctx, input.id);
    return { message: 'apiKeys.revoked', data: null };
  },
);
