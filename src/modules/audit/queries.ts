import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { apiKeys, auditLog, user } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { isUuid } from '@/lib/ids';
import type { FindAuditInput } from './schemas';

export type AuditEntryView = {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  changedFields: string[] | null;
  actorName: string | null;
  apiKeyName: string | null;
};

/** A page of the business's audit log, newest first, with a keyset cursor (the last entry's id). */
export const findAuditEntries = defineQuery('findAuditEntries', ['auditLog', 'read'], async function findAuditEntries(
  db: Executor,
  ctx: Ctx,
  args: FindAuditInput & { limit?: number },
): Promise<{ data: AuditEntryView[]; nextCursor: string | null }> {
  const limit = args.limit ?? 50;
  const filters: SQL[] = [eq(auditLog.businessId, ctx.businessId)];
  if (args.action) filters.push(eq(auditLog.action, args.action));
  if (args.entityType) filters.push(eq(auditLog.entityType, args.entityType));
  // UUIDv7 ids grow with time, so the id alone orders entries made in the same instant.
  if (args.cursor && isUuid(args.cursor)) filters.push(lt(auditLog.id, args.cursor));
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      changedFields: auditLog.changedFields,
      actorName: user.name,
      apiKeyName: apiKeys.name,
    })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorUserId))
    .leftJoin(apiKeys, and(eq(apiKeys.businessId, auditLog.businessId), eq(apiKeys.id, auditLog.actorApiKeyId)))
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { data: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
});

