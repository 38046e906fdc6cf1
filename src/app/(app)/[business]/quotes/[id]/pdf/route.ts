import { businessRoute } from '@/server/http/business-route';
import { getDb } from '@/server/db/client';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/ids';
import { getQuoteDocument, quotePdfFileName, renderQuotePdf } from '@/modules/quotes';

export const dynamic = 'force-dynamic';

/** The quote's PDF, for members of its business who may read deals. */
export const GET = businessRoute<{ business: string; id: string }>('quote pdf', async ({ ctx, params }) => {
  if (!isUuid(params.id)) throw new AppError('NOT_FOUND');
  const doc = await getQuoteDocument(getDb(), ctx, params.id);
  const pdf = await renderQuotePdf(doc);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${quotePdfFileName(doc)}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
