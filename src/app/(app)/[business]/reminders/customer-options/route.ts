import { businessRoute } from '@/server/http/business-route';
import { getDb } from '@/server/db/client';
import { authorize } from '@/server/auth/authorize';
import { searchCustomerOptions } from '@/modules/reminders';

export const dynamic = 'force-dynamic';

/**
 * `GET /<business>/reminders/customer-options?q=`: customers for the reminder form's picker, for
 * members who may read customers. A GET route rather than a Server Action: an action would make
 * the page refetch after every keystroke.
 */
export const GET = businessRoute<{ business: string }>('reminders customer options', async ({ request, ctx }) => {
  authorize(ctx, 'customers', 'read');
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100);
  return Response.json({ data: await searchCustomerOptions(getDb(), ctx, q) }, { headers: { 'Cache-Control': 'no-store' } });
});
