import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { findUserBusinesses, getBusiness, rememberLastBusiness } from '@/modules/businesses';
import { AppShellFrame } from '@/components/app-shell';
import { LiveUpdates } from '@/components/live/live-updates';
import { NotificationBell } from '@/modules/notifications/ui';

/** Server time of this render: the live stream replays what changed after it. */
function renderTime(): number {
  return Date.now();
}

export default async function BusinessLayout({ children, params }: { children: ReactNode; params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { user, ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const [businesses, details] = await Promise.all([findUserBusinesses(db, user.id), getBusiness(db, ctx)]);
  // /dashboard opens the business used last; opening any page of one makes it that.
  await rememberLastBusiness(db, user.id, ctx.businessId);
  const current = businesses.find((b) => b.id === ctx.businessId)!;
  return (
    <AppShellFrame
      business={{
        slug: current.slug,
        name: current.name,
        logoUrl: details.logoPath ? `/${current.slug}/logo?v=${details.version}` : null,
      }}
      businesses={businesses.map((b) => ({ slug: b.slug, name: b.name }))}
      user={{ name: user.name, email: user.email }}
      bell={<NotificationBell ctx={ctx} slug={current.slug} />}
    >
      {/* Client components show times in the caller's zone (ctx.timeZone), not the browser's. */}
      <NextIntlClientProvider timeZone={ctx.timeZone}>
        <LiveUpdates slug={current.slug} renderedAt={renderTime()}>
          {children}
        </LiveUpdates>
      </NextIntlClientProvider>
    </AppShellFrame>
  );
}
