import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { ROLES } from '@/lib/permissions';
import { authorize } from '@/server/auth/authorize';
import { createApiKeySchema } from './schemas';
import { findApiKeysPage } from './queries';
import { listQuery } from '@/server/api/list-query';
import { createApiKeyOperation, revokeApiKeyOperation } from './operations';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';

const apiKeyJson = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const listApiKeys = defineEndpoint({
  method: 'GET',
  path: '/api-keys',
  tag: 'API keys',
  summary: 'The business’s API keys (never the keys themselves), newest first, with keyset paging',
  auth: 'session',
  query: listQuery.omit({ search: true }),
  response: z.object({ data: z.array(apiKeyJson), nextCursor: z.uuid().nullable() }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'apiKeys', 'read');
    const page = await findApiKeysPage(getDb(), ctx, query);
    return {
      data: page.data.map((k) => ({
        ...k,
        expiresAt: k.expiresAt?.toISOString() ?? null,
        revokedAt: k.revokedAt?.toISOString() ?? null,
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
        createdAt: k.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  },
});

export const createApiKeyEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api-keys',
  tag: 'API keys',
  summary: 'Make an API key; the answer holds the key, shown this once only',
  auth: 'session',
  body: createApiKeySchema,
  response: z.object({ id: z.uuid(), key: z.string(), prefix: z.string() }),
  successStatus: 201,
  run: async ({ ctx, body }) => callOperation(createApiKeyOperation, ctx, body),
});

export const revokeApiKeyEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/api-keys/{id}',
  tag: 'API keys',
  summary: 'Revoke an API key; its next use answers 401',
  auth: 'any',
  successStatus: 204,
  // A key calling this is refused by the mutation itself: keys never manage keys.
  run: async ({ ctx, params }) => {
    await callOperation(revokeApiKeyOperation, ctx, { id: params.id });
    return null;
  },
});
