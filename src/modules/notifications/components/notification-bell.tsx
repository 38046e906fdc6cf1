import { getDb } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { countUnreadNotifications, findNotifications } from '../queries';
import { NotificationBellMenu, type BellItem } from './notification-bell-menu';

/**
 * The bell of the top bar: the signed-in user's unread count and latest notifications in this
 * business. Rendered with the business's layout, so a live event that refreshes the page (a
 * notification created by the worker) updates it without a reload.
 */
export async function NotificationBell({ ctx, slug }: { ctx: Ctx; slug: string }) {
  const db = getDb();
  const [unread, latest] = await Promise.all([countUnreadNotifications(db, ctx), findNotifications(db, ctx, { limit: 8 })]);
  const items: BellItem[] = latest.data.map((n) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  }));
  return <NotificationBellMenu slug={slug} unread={unread} items={items} />;
}
