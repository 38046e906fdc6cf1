import { getDb } from '@/server/db/client';
import { getSessionUser } from '@/server/auth/session';
import { loadBusinessContext } from '@/server/auth/context';
import { isAppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { getQuoteDocument, quotePdfFileName, renderQuotePdf } from '@/modules/quotes';

export const dynamic = 'force-dynamic';

/** The quote's PDF, for members of its business who may read deals. */
export async function GET(_request: Request, { params }: { params: Promise<{ business: string; id: string }> }) {
  const notFound = () => new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  const { business: slug, id } = await params;
  if (!isUuid(id)) return notFound();
  const ctx = await loadBusinessContext(getDb(), user.id, slug).catch(() => null);
  if (!ctx) return notFound();
  try {
    const doc = await getQuoteDocument(getDb(), ctx, id);
    const pdf = await renderQuotePdf(doc);
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${quotePdfFileName(doc)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (err) {
    if (isAppError(err)) return err.code === 'FORBIDDEN' ? new Response(null, { status: 403 }) : notFound();
    throw err;
  }
}
