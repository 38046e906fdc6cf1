import 'server-only';
import { defineQuery } from '@/server/actions/query';
import { and, count, desc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import { notificationPreferences, notifications } from '@/server/db/schema';
import type { Executor } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import type { Locale } from '@/i18n/locale';

export type NotificationRecord = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
};

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

/** Notifications belong to one user in one business: every read is scoped by both. */
function mine(ctx: Ctx): SQL {
  return and(eq(notifications.businessId, ctx.businessId), eq(notifications.userId, ctx.userId))!;
}

export const countUnreadNotifications = defineQuery('countUnreadNotifications', ['business', 'read'], async function countUnreadNotifications(db: Executor, ctx: Ctx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(mine(ctx), isNull(notifications.readAt)));
  return row?.n ?? 0;
});

/** The caller's notifications, newest first, with a keyset cursor. */
export const findNotifications = defineQuery('findNotifications', ['business', 'read'], async function findNotifications(
  db: Executor,
  ctx: Ctx,
  args: { cursor?: string; limit?: number } = {},
): Promise<{ data: NotificationRecord[]; nextCursor: string | null }> {
  const limit = args.limit ?? 30;
  const filters: (SQL | undefined)[] = [mine(ctx)];
  const after = decodeCursor(args.cursor);
  // Ids are UUIDv7 made when the row is written: their order is the creation order.
  if (after) filters.push(lt(notifications.id, after));
  const rows = await db
    .select(columns)
    .from(notifications)
    .where(and(...filters))
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page, nextCursor: rows.length > limit && last ? last.id : null };
});

function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  if (!isUuid(cursor)) throw new AppError('BAD_REQUEST', 'errors.BAD_REQUEST', { cursor: 'invalid' });
  return cursor;
}

export type NotificationPreferences = { inApp: boolean; email: boolean; locale: Locale | null };

/** A user's choices; without a row, both channels are on. */
export async function getNotificationPreferences(db: Executor, userId: string): Promise<NotificationPreferences> {
  const [row] = await db
    .select({ inApp: notificationPreferences.inApp, email: notificationPreferences.email, locale: notificationPreferences.locale })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return {
    inApp: row?.inApp ?? true,
    email: row?.email ?? true,
    locale: row?.locale === 'en' || row?.locale === 'tr' ? row.locale : null,
  };
}
