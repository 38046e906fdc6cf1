import { getDb } from '@/server/db/client';
import { getSessionUser } from '@/server/auth/session';
import { loadBusinessContext } from '@/server/auth/context';
import { can } from '@/lib/permissions';
import { searchCustomerOptions } from '@/modules/reminders';

export const dynamic = 'force-dynamic';

/**
 * `GET /<business>/reminders/customer-options?q=`: customers for the reminder form's picker, for
 * members who may read customers. A GET route rather than a Server Action: an action would make
 * the page refetch after every keystroke.
 */
export async function GET(request: Request, { params }: { params: Promise<{ business: string }> }) {
  const headers = { 'Cache-Control': 'no-store' };
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401, headers });
  const { business: slug } = await params;
  const ctx = await loadBusinessContext(getDb(), user.id, slug).catch(() => null);
  if (!ctx || !can(ctx.role, 'customers', 'read')) return new Response(null, { status: 404, headers });
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100);
  return Response.json({ data: await searchCustomerOptions(getDb(), ctx, q) }, { headers });
}
