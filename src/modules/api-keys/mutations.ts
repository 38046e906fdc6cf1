import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { apiKeys, businesses, personnel } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { ROLES, type Role } from '@/lib/permissions';
import { emitChange } from '@/server/events/domain';
import type { createApiKeySchema } from './schemas';

const KEY_PREFIX = 'tzg_';

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A role may hand a key at most its own authority (lower index in ROLES = more). */
function roleAtMost(role: Role, ceiling: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(ceiling);
}

/** Makes a key and returns it in full: the only time it is ever available. */
export async function createApiKey(
  db: Executor,
  ctx: Ctx,
  input: z.output<typeof createApiKeySchema>,
): Promise<{ id: string; key: string; prefix: string }> {
  if (ctx.apiKeyId) throw new AppError('FORBIDDEN', 'apiKeys.errors.keysCannotManageKeys');
  if (!roleAtMost(input.role, ctx.role)) {
    throw new AppError('FORBIDDEN', 'apiKeys.errors.roleAboveYours', { role: 'roleNotAllowed' });
  }
  const prefix = randomBytes(9).toString('base64url');
  const key = `${KEY_PREFIX}${prefix}_${randomBytes(32).toString('base64url')}`;
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(apiKeys).values({
      businessId: ctx.businessId,
      id,
      name: input.name,
      role: input.role,
      prefix,
      keyHash: hashKey(key),
      createdByUserId: ctx.userId,
      expiresAt: input.expiresAt,
    });
    await emitChange(tx, ctx, { action: 'create', entityType: 'apiKey', entityId: id, meta: { role: input.role } });
  });
  return { id, key, prefix };
}

export async function revokeApiKey(db: Executor, ctx: Ctx, id: string): Promise<void> {
  if (ctx.apiKeyId) throw new AppError('FORBIDDEN', 'apiKeys.errors.keysCannotManageKeys');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
      .where(and(eq(apiKeys.businessId, ctx.businessId), eq(apiKeys.id, id)))
      .returning({ id: apiKeys.id });
    if (!row) throw new AppError('NOT_FOUND');
    await emitChange(tx, ctx, { action: 'delete', entityType: 'apiKey', entityId: id });
  });
}

export type ApiKeyPrincipal = {
  keyId: string;
  businessId: string;
  businessSlug: string;
  /** The key's role, capped by its creator's current role. */
  role: Role;
  /** The key's own role and its creator's current one: it may do only what both may. */
  limitRoles: readonly Role[];
  createdByUserId: string;
  personnelId: string;
  /** A key has no person to choose a zone: it works in the business's. */
  timeZone: string;
};

/**
 * The lookup of every API call, built once per executor and run as a prepared statement: building
 * the query and planning it cost more than running it (docs/decisions/012-lean-api-path.md).
 */
const keyLookups = new WeakMap<Executor, ReturnType<typeof buildKeyLookup>>();

function buildKeyLookup(db: Executor) {
  return (
    db
      .select({
        id: apiKeys.id,
        businessId: apiKeys.businessId,
        slug: businesses.slug,
        timeZone: businesses.timeZone,
        role: apiKeys.role,
        keyHash: apiKeys.keyHash,
        createdByUserId: apiKeys.createdByUserId,
        creatorRole: personnel.role,
        creatorPersonnelId: personnel.id,
        expired: sql<boolean>`${apiKeys.expiresAt} is not null and ${apiKeys.expiresAt} <= now()`,
        stale: sql<boolean>`${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < now() - interval '1 minute'`,
      })
      .from(apiKeys)
      .innerJoin(businesses, eq(businesses.id, apiKeys.businessId))
      // A key acts for its creator: when the creator leaves the business, the key stops working.
      .innerJoin(
        personnel,
        and(eq(personnel.businessId, apiKeys.businessId), eq(personnel.userId, apiKeys.createdByUserId), eq(personnel.active, true)),
      )
      .where(and(eq(apiKeys.prefix, sql.placeholder('prefix')), isNull(apiKeys.revokedAt)))
      .prepare('api_key_by_prefix')
  );
}

function keyLookup(db: Executor): ReturnType<typeof buildKeyLookup> {
  let lookup = keyLookups.get(db);
  if (!lookup) keyLookups.set(db, (lookup = buildKeyLookup(db)));
  return lookup;
}

/**
 * The key's business and role, or null for a malformed, unknown, revoked or expired key. One
 * indexed read; the hash comparison takes constant time; `last_used_at` is written at most once
 * a minute so that busy keys do not turn every read into a write.
 */
export async function verifyApiKey(db: Executor, key: string): Promise<ApiKeyPrincipal | null> {
  const match = /^tzg_([A-Za-z0-9_-]{12})_[A-Za-z0-9_-]{43}$/.exec(key);
  if (!match) return null;
  const rows = await keyLookup(db).execute({ prefix: match[1]! });
  const wanted = Buffer.from(hashKey(key), 'hex');
  const row = rows.find((r) => timingSafeEqual(Buffer.from(r.keyHash, 'hex'), wanted));
  if (!row || row.expired) return null;
  if (row.stale) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiKeys.businessId, row.businessId), eq(apiKeys.id, row.id)));
  }
  // A creator demoted after making the key takes the key down with them: `role` (for rules that
  // rank roles, such as which roles may be given) is the lower of the two, and every permission
  // check uses the intersection of the key's and the creator's current powers (limitRoles).
  const role = roleAtMost(row.role, row.creatorRole) ? row.role : row.creatorRole;
  return {
    keyId: row.id,
    businessId: row.businessId,
    businessSlug: row.slug,
    role,
    limitRoles: [row.role, row.creatorRole],
    createdByUserId: row.createdByUserId!,
    personnelId: row.creatorPersonnelId,
    timeZone: row.timeZone,
  };
}
