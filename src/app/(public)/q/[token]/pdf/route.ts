import { createHash } from 'node:crypto';
import { getDb } from '@/server/db/client';
import { getQuoteDocumentByTokenHash, quotePdfFileName, renderQuotePdf } from '@/modules/quotes';

export const dynamic = 'force-dynamic';

/** The quote's PDF for the holder of its link; any other token answers 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const notFound = () => new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  if (token.length < 20 || token.length > 200) return notFound();
  const doc = await getQuoteDocumentByTokenHash(getDb(), createHash('sha256').update(token).digest('hex'));
  if (!doc) return notFound();
  const pdf = await renderQuotePdf(doc);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${quotePdfFileName(doc)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    },
  });
}
