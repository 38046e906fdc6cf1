import 'server-only';
import { accountAuditLog, auditLog } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import { newId } from '@/lib/ids';
import type { DomainAction } from '@/server/events/domain';

export type AuditEntry = {
  action: DomainAction;
  entityType: string;
  entityId: string;
  /** Names of the fields that changed: never their values, which may be personal data. */
  changedFields?: string[];
  meta?: Record<string, string | number | boolean | null>;
};

/** Records a change in the business's audit log, inside the caller's transaction. */
export async function recordAudit(
  tx: Executor,
  actor: { businessId: string; userId: string | null; apiKeyId?: string },
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    businessId: actor.businessId,
    id: newId(),
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changedFields: entry.changedFields ?? null,
    meta: entry.meta ?? null,
  });
}

/** Records an event in a user's own log, which outlives the business (e.g. its deletion). */
export async function recordAccountAudit(
  tx: Executor,
  userId: string,
  entry: Omit<AuditEntry, 'changedFields'>,
): Promise<void> {
  await tx.insert(accountAuditLog).values({
    id: newId(),
    userId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    meta: entry.meta ?? null,
  });
}

export { changedKeys } from '@/lib/changes';
