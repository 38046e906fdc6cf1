import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, asc, eq, gt } from 'drizzle-orm';
import { businesses, personnel, userSettings } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import type { Role } from '@/lib/permissions';
import { DEFAULT_TASK_REMINDER_MINUTES } from '@/modules/tasks/client';

export type BusinessSummary = { id: string; slug: string; name: string; role: Role };

/** The businesses a user belongs to (an active personnel record with their login). */
export async function findUserBusinesses(db: Executor, userId: string): Promise<BusinessSummary[]> {
  return db
    .select({ id: businesses.id, slug: businesses.slug, name: businesses.name, role: personnel.role })
    .from(personnel)
    .innerJoin(businesses, eq(businesses.id, personnel.businessId))
    .where(and(eq(personnel.userId, userId), eq(personnel.active, true)))
    .orderBy(asc(businesses.name));
}

/**
 * One page of a user's businesses for the API, in the order they were made (ids are UUIDv7),
 * with a keyset cursor: the last id of the page.
 */
export async function findUserBusinessesPage(
  db: Executor,
  userId: string,
  args: { cursor?: string; limit: number },
): Promise<{ data: BusinessSummary[]; nextCursor: string | null }> {
  if (args.cursor !== undefined && !isUuid(args.cursor)) throw new AppError('BAD_REQUEST', 'errors.BAD_REQUEST', { cursor: 'invalid' });
  const rows = await db
    .select({ id: businesses.id, slug: businesses.slug, name: businesses.name, role: personnel.role })
    .from(personnel)
    .innerJoin(businesses, eq(businesses.id, personnel.businessId))
    .where(and(eq(personnel.userId, userId), eq(personnel.active, true), args.cursor ? gt(businesses.id, args.cursor) : undefined))
    .orderBy(asc(businesses.id))
    .limit(args.limit + 1);
  const data = rows.slice(0, args.limit);
  return { data, nextCursor: rows.length > args.limit ? (data[data.length - 1]?.id ?? null) : null };
}

/** Where /dashboard sends a user: the business used last if still a member, else the first one. */
export async function findLandingBusinessSlug(db: Executor, userId: string): Promise<string | null> {
  return (await findLandingBusiness(db, userId))?.slug ?? null;
}

export async function findLandingBusinessId(db: Executor, userId: string): Promise<string | null> {
  return (await findLandingBusiness(db, userId))?.id ?? null;
}

async function findLandingBusiness(db: Executor, userId: string): Promise<BusinessSummary | null> {
  const list = await findUserBusinesses(db, userId);
  if (list.length === 0) return null;
  const [settings] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
  return list.find((b) => b.id === settings?.lastBusinessId) ?? list[0]!;
}

/** The user's own time zone, or null when they see each business's. */
export async function getUserTimeZone(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db.select({ timeZone: userSettings.timeZone }).from(userSettings).where(eq(userSettings.userId, userId));
  return row?.timeZone ?? null;
}

/** How many minutes before its due time a new task of this user reminds (null: none); unset: an hour. */
export async function getUserTaskReminderMinutes(db: Executor, userId: string): Promise<number | null> {
  const [row] = await db.select({ minutes: userSettings.taskReminderMinutes }).from(userSettings).where(eq(userSettings.userId, userId));
  return row ? row.minutes : DEFAULT_TASK_REMINDER_MINUTES;
}

export type BusinessDetails = typeof businesses.$inferSelect;

export const getBusiness = defineQuery('getBusiness', ['business', 'read'], async function getBusiness(db: Executor, ctx: Ctx): Promise<BusinessDetails> {
  const [row] = await db.select().from(businesses).where(eq(businesses.id, ctx.businessId));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
});

/** The business's language (its creator's): default stages and task columns are named in it. */
export async function getBusinessLanguage(db: Executor, businessId: string): Promise<'tr' | 'en'> {
  const [row] = await db.select({ language: businesses.language }).from(businesses).where(eq(businesses.id, businessId));
  return row?.language === 'en' ? 'en' : 'tr';
}

export type BusinessOwner = { personnelId: string; name: string; email: string | null };

/** The business's owners (active, oldest first): who the business page names as its owner. */
export const getBusinessOwners = defineQuery('getBusinessOwners', ['business', 'read'], async function getBusinessOwners(db: Executor, ctx: Ctx): Promise<BusinessOwner[]> {
  return db
    .select({ personnelId: personnel.id, name: personnel.name, email: personnel.email })
    .from(personnel)
    .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.role, 'owner'), eq(personnel.active, true)))
    .orderBy(asc(personnel.createdAt), asc(personnel.id))
    .limit(10);
});
