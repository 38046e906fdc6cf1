import type { ReactNode } from 'react';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { findUserBusinesses } from '@/modules/businesses/queries';
import { rememberLastBusiness } from '@/modules/businesses/mutations';
import { AppShellFrame } from '@/components/app-shell';

export default async function BusinessLayout({ children, params }: { children: ReactNode; params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { user, ctx } = await requireBusinessPage(slug);
  const db = getDb();
  const businesses = await findUserBusinesses(db, user.id);
  // /dashboard opens the business used last; opening any page of one makes it that.
  await rememberLastBusiness(db, user.id, ctx.businessId);
  const current = businesses.find((b) => b.id === ctx.businessId)!;
  return (
    <AppShellFrame
      business={{ slug: current.slug, name: current.name }}
      businesses={businesses.map((b) => ({ slug: b.slug, name: b.name }))}
      user={{ name: user.name, email: user.email }}
    >
      {children}
    </AppShellFrame>
  );
}
