import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { businesses, personnel, userSettings } from '../db/schema';
import { AppError } from '../../lib/errors';
import { isUuid } from '../../lib/ids';
import { isValidTimeZone } from '../../lib/validation';
import type { Role } from '../../lib/permissions';

/**
 * Who is acting, in which business, with which role. Built once per request from the session
 * (never from a request body) and passed as the first argument of every query and mutation.
 */
export type Ctx = {
  businessId: string;
  businessSlug: string;
  userId: string;
  personnelId: string;
  role: Role;
  /**
   * The time zone every date this caller sees or enters is in: their own choice, else the
   * business's. Read here once per request; pages and queries never look it up again.
   */
  timeZone: string;
  /** Set when the caller is an API key; `userId` is then the key's creator, for "own" checks. */
  apiKeyId?: string;
  /** For an API key: its own role and its creator's current one; it acts with the intersection of these and `role` (scopeFor). */
  limitRoles?: readonly Role[];
};

/**
 * The context of a signed-in user in the business with this slug. A business the user does not
 * belong to (or an inactive membership) answers NOT_FOUND, so its existence is not revealed.
 */
export async function loadBusinessContext(db: Executor, userId: string, slug: string): Promise<Ctx> {
  return loadContextWhere(db, userId, eq(businesses.slug, slug));
}

/** The same, for a business named by its id (the API's X-Business-Id header). */
export async function loadBusinessContextById(db: Executor, userId: string, businessId: string): Promise<Ctx> {
  if (!isUuid(businessId)) throw new AppError('NOT_FOUND');
  return loadContextWhere(db, userId, eq(businesses.id, businessId));
}

async function loadContextWhere(db: Executor, userId: string, where: SQL): Promise<Ctx> {
  const [row] = await db
    .select({
      businessId: businesses.id,
      slug: businesses.slug,
      personnelId: personnel.id,
      role: personnel.role,
      businessTimeZone: businesses.timeZone,
      userTimeZone: userSettings.timeZone,
    })
    .from(businesses)
    .innerJoin(personnel, and(eq(personnel.businessId, businesses.id), eq(personnel.userId, userId), eq(personnel.active, true)))
    .leftJoin(userSettings, eq(userSettings.userId, userId))
    .where(where)
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  return {
    businessId: row.businessId,
    businessSlug: row.slug,
    userId,
    personnelId: row.personnelId,
    role: row.role,
    timeZone: effectiveTimeZone(row.userTimeZone, row.businessTimeZone),
  };
}

/** The user's own zone when they chose one (and it is still a zone this runtime knows), else the business's. */
export function effectiveTimeZone(userTimeZone: string | null | undefined, businessTimeZone: string): string {
  return userTimeZone && isValidTimeZone(userTimeZone) ? userTimeZone : businessTimeZone;
}
