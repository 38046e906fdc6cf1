import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getAuth } from './auth';
import { getDb } from '../db/client';
import { loadBusinessContext, type Ctx } from './context';
import { AppError } from '../../lib/errors';
import { notFound } from 'next/navigation';

export type SessionUser = { id: string; name: string; email: string };

/** The signed-in user of this request, or null. Cached for the request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages under /[business]: the context, or 404 when the user is not a member. */
export const requireBusinessPage = cache(async (slug: string): Promise<{ user: SessionUser; ctx: Ctx }> => {
  const user = await requireUser(`/${slug}`);
  try {
    const ctx = await loadBusinessContext(getDb(), user.id, slug);
    return { user, ctx };
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
});
