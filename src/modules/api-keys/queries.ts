import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, desc, eq, lt } from 'drizzle-orm';
import { apiKeys } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import type { Role } from '@/lib/permissions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';

export type ApiKeySummary = {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
};

// What is shown of a key: never its hash.
const summaryColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  role: apiKeys.role,
  prefix: apiKeys.prefix,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
  createdAt: apiKeys.createdAt,
};

/** The business's keys, newest first; never their hashes. */
export const findApiKeys = defineQuery('findApiKeys', ['apiKeys', 'read'], async function findApiKeys(db: Executor, ctx: Ctx): Promise<ApiKeySummary[]> {
  return db
    .select(summaryColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.businessId, ctx.businessId)))
    .orderBy(desc(apiKeys.createdAt));
});

/** One page of the business's keys for the API, newest first, with a keyset cursor (the last id). */
export const findApiKeysPage = defineQuery('findApiKeysPage', ['apiKeys', 'read'], async function findApiKeysPage(db: Executor, ctx: Ctx, args: { cursor?: string; limit: number }): Promise<{ data: ApiKeySummary[]; nextCursor: string | null }> {
  if (args.cursor !== undefined && !isUuid(args.cursor)) throw new AppError('BAD_REQUEST', 'errors.BAD_REQUEST', { cursor: 'invalid' });
  const rows = await db
    .select(summaryColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.businessId, ctx.businessId), args.cursor ? lt(apiKeys.id, args.cursor) : undefined))
    // Ids are UUIDv7: newest first by id is newest first by creation, and a stable key to page on.
    .orderBy(desc(apiKeys.id))
    .limit(args.limit + 1);
  const data = rows.slice(0, args.limit);
  return { data, nextCursor: rows.length > args.limit ? (data[data.length - 1]?.id ?? null) : null };
});
