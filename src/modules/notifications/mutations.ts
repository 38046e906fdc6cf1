import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { notificationPreferences, notifications } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { publishEvent } from '@/server/events/publish';
import type { markNotificationsReadSchema, notificationPreferencesSchema } from './schemas';

/**
 * Marks the caller's own notifications read: the ids are matched within this user and business,
 * so another user's ids change nothing. Answers how many changed.
 */
export async function markNotificationsRead(
  db: Executor,
  ctx: Ctx,
  input: z.output<typeof markNotificationsReadSchema>,
): Promise<{ count: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.businessId, ctx.businessId),
          eq(notifications.userId, ctx.userId),
          isNull(notifications.readAt),
          input.all ? undefined : inArray(notifications.id, input.ids ?? []),
        ),
      )
      .returning({ id: notifications.id });
    // The user's other tabs update their bell; the event names the user's first changed row.
    if (rows[0]) await publishEvent(tx, { businessId: ctx.businessId, kind: 'notification.updated', id: rows[0].id, actorUserId: ctx.userId });
    return { count: rows.length };
  });
}

/** Saves how a user wants to hear about things; kept per user, across businesses. */
export async function saveNotificationPreferences(
  db: Executor,
  userId: string,
  input: z.output<typeof notificationPreferencesSchema>,
): Promise<void> {
  const values = { inApp: input.inApp, email: input.email, ...(input.locale ? { locale: input.locale } : {}) };
  await db
    .insert(notificationPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...values, updatedAt: sql`now()` } });
}
