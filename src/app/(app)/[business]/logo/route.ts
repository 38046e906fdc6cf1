import { getDb } from '@/server/db/client';
import { getSessionUser } from '@/server/auth/session';
import { loadBusinessContext } from '@/server/auth/context';
import { getBusiness } from '@/modules/businesses';
import { contentTypeOf, readBusinessFile } from '@/server/files/storage';

export const dynamic = 'force-dynamic';

/** The business's logo, for its members only. */
export async function GET(_request: Request, { params }: { params: Promise<{ business: string }> }) {
  const notFound = () => new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  const { business: slug } = await params;
  const ctx = await loadBusinessContext(getDb(), user.id, slug).catch(() => null);
  if (!ctx) return notFound();
  const business = await getBusiness(getDb(), ctx);
  const bytes = business.logoPath ? await readBusinessFile(business.logoPath) : null;
  if (!bytes || !business.logoPath) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': contentTypeOf(business.logoPath),
      'Cache-Control': 'private, max-age=300',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
}
