import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { apiKeys } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import type { Role } from '@/lib/permissions';

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

/** The business's keys, newest first; never their hashes. */
export async function findApiKeys(db: Executor, ctx: Ctx): Promise<ApiKeySummary[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      prefix: apiKeys.prefix,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      createdAt: apiKeys.createdAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.businessId, ctx.businessId)))
    .orderBy(desc(apiKeys.createdAt));
}
