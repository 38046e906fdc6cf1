import { getDb } from '@/server/db/client';
import { isSameOrigin } from '@/server/auth/origin';
import { isAppError } from '@/lib/errors';
import { respondQuoteSchema } from '@/modules/quotes/client';
import { respondToQuote } from '@/modules/quotes';

export const dynamic = 'force-dynamic';

/**
 * The customer's accept or decline, posted by the public page's form. Same-origin only (a form
 * on another site cannot answer for the customer); the token is the only authority.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!isSameOrigin(request.headers, new URL(request.url).host)) return new Response(null, { status: 403 });
  const form = await request.formData().catch(() => null);
  const parsed = respondQuoteSchema.safeParse({ token, decision: form?.get('decision') });
  if (!parsed.success) return new Response(null, { status: 400 });
  const back = new URL(`/q/${encodeURIComponent(token)}`, request.url);
  try {
    await respondToQuote(getDb(), parsed.data.token, parsed.data.decision);
    back.searchParams.set('done', '1');
  } catch (err) {
    if (!isAppError(err)) throw err;
    if (err.code === 'NOT_FOUND') return new Response(null, { status: 404 });
    // CONFLICT: answered already, or expired; the page says which.
  }
  return Response.redirect(back, 303);
}
