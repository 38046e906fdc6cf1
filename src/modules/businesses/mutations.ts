import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { businesses, notificationPreferences, userSettings } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { slugify } from '@/lib/text';
import { removeBusinessFile, removeBusinessFiles, saveBusinessFile, sniffImage } from '@/server/files/storage';
import { changedKeys } from '@/lib/changes';
import { emitChange } from '@/server/events/domain';
import { publishEvent } from '@/server/events/publish';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/i18n/locale';
import { RESERVED_SLUGS, type createBusinessSchema, type deleteBusinessSchema, type updateBusinessSchema } from './schemas';

type Creator = { id: string; name: string; email: string };

async function freeSlug(db: Executor, name: string): Promise<string> {
  const base = slugify(name) || 'isletme';
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = attempt === 0 && !RESERVED_SLUGS.has(base) ? base : `${base}-${randomBytes(3).toString('hex')}`;
    const [taken] = await db.select({ id: businesses.id }).from(businesses).where(eq(businesses.slug, candidate));
    if (!taken) return candidate;
  }
  throw new AppError('CONFLICT');
}

/** The language the creator's account is set to (their notification language), if any. */
async function accountLocale(db: Executor, userId: string): Promise<Locale | null> {
  const [row] = await db.select({ locale: notificationPreferences.locale }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return isLocale(row?.locale) ? row.locale : null;
}

/**
 * Creates a business with its creator as the first personnel record, in the role owner. Its
 * language is the creator's: the one their request asks for (the app's language cookie, then
 * Accept-Language), else their account's, else Turkish.
 */
export async function createBusiness(
  db: Executor,
  creator: Creator,
  input: z.output<typeof createBusinessSchema>,
  requested: Locale | null = null,
): Promise<{ id: string; slug: string }> {
  return db.transaction(async (tx) => {
    const id = newId();
    const slug = await freeSlug(tx, input.name);
    const language = requested ?? (await accountLocale(tx, creator.id)) ?? DEFAULT_LOCALE;
    await tx.insert(businesses).values({ id, slug, ...input, language });
    await rememberLastBusiness(tx, creator.id, id);
    // The personnel module makes the creator the business's first person, in the role owner, in
    // its subscriber to this event (same transaction).
    await emitChange(tx, { businessId: id, userId: creator.id }, { action: 'create', entityType: 'business', entityId: id });
    await publishEvent(tx, { businessId: id, kind: 'business.created', id, actorUserId: creator.id });
    return { id, slug };
  });
}

export async function updateBusiness(
  db: Executor,
  ctx: Ctx,
  input: z.output<typeof updateBusinessSchema>,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(businesses).where(eq(businesses.id, ctx.businessId)).for('update');
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
    const { version, ...patch } = input;
    const changed = changedKeys(current, patch);
    const [row] = await tx
      .update(businesses)
      .set({ ...patch, version: version + 1, updatedAt: sql`now()` })
      .where(and(eq(businesses.id, ctx.businessId), eq(businesses.version, version)))
      .returning({ version: businesses.version });
    if (!row) throw new AppError('CONFLICT', 'errors.STALE');
    await emitChange(tx, ctx, { action: 'update', entityType: 'business', entityId: ctx.businessId, changedFields: changed });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'business.updated', id: ctx.businessId, actorUserId: ctx.userId });
    return row;
  });
}

/**
 * Deletes the business and, through the foreign keys, all of its data. The typed name guards
 * against a slip; the deletion is recorded in the owner's own log, which outlives the business.
 */
export async function deleteBusiness(db: Executor, ctx: Ctx, input: z.output<typeof deleteBusinessSchema>): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(businesses).where(eq(businesses.id, ctx.businessId)).for('update');
    if (!current) throw new AppError('NOT_FOUND');
    if (current.name.trim() !== input.confirmName.trim()) {
      throw new AppError('VALIDATION', 'errors.VALIDATION', { confirmName: 'confirmName' });
    }
    await tx.delete(businesses).where(eq(businesses.id, ctx.businessId));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'business', entityId: ctx.businessId });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'business.deleted', id: ctx.businessId, actorUserId: ctx.userId });
  });
  // Files go after the rows are gone for good; a failed commit above keeps them.
  await removeBusinessFiles(ctx.businessId);
}

/**
 * Stores a new logo (PNG, JPEG or WebP, checked by content) and drops the old one. The file is
 * written under a new name first, so a failed update never leaves the business without a logo.
 */
export async function setBusinessLogo(db: Executor, ctx: Ctx, bytes: Uint8Array | null): Promise<void> {
  const image = bytes ? sniffImage(bytes, 'logo') : null;
  const saved = image && bytes ? await saveBusinessFile(ctx.businessId, `logo-${newId()}.${image.ext}`, bytes) : null;
  let previous: string | null = null;
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx.select({ logoPath: businesses.logoPath }).from(businesses).where(eq(businesses.id, ctx.businessId)).for('update');
      if (!current) throw new AppError('NOT_FOUND');
      previous = current.logoPath;
      await tx
        .update(businesses)
        .set({ logoPath: saved, version: sql`${businesses.version} + 1`, updatedAt: sql`now()` })
        .where(eq(businesses.id, ctx.businessId));
      await emitChange(tx, ctx, { action: 'update', entityType: 'business', entityId: ctx.businessId, changedFields: ['logo'] });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'business.updated', id: ctx.businessId, actorUserId: ctx.userId });
    });
  } catch (err) {
    await removeBusinessFile(saved);
    throw err;
  }
  await removeBusinessFile(previous);
}

/** The user's own time zone, or null to see each business's; read into ctx.timeZone on the next request. */
export async function setUserTimeZone(db: Executor, userId: string, timeZone: string | null): Promise<void> {
  await db
    .insert(userSettings)
    .values({ userId, timeZone })
    .onConflictDoUpdate({ target: userSettings.userId, set: { timeZone, updatedAt: sql`now()` } });
}

export async function rememberLastBusiness(db: Executor, userId: string, businessId: string): Promise<void> {
  await db
    .insert(userSettings)
    .values({ userId, lastBusinessId: businessId })
    .onConflictDoUpdate({ target: userSettings.userId, set: { lastBusinessId: businessId, updatedAt: sql`now()` } });
}

/** The user's default reminder for the tasks they make (minutes before the due time, null: none). */
export async function setUserTaskReminder(db: Executor, userId: string, minutes: number | null): Promise<void> {
  await db
    .insert(userSettings)
    .values({ userId, taskReminderMinutes: minutes })
    .onConflictDoUpdate({ target: userSettings.userId, set: { taskReminderMinutes: minutes, updatedAt: sql`now()` } });
}
