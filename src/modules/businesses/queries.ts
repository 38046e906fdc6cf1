import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { businesses, personnel, userSettings } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/permissions';

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

export type BusinessDetails = typeof businesses.$inferSelect;

export async function getBusiness(db: Executor, ctx: Ctx): Promise<BusinessDetails> {
  const [row] = await db.select().from(businesses).where(eq(businesses.id, ctx.businessId));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
