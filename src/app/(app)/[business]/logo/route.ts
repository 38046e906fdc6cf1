import { businessRoute } from '@/server/http/business-route';
import { getDb } from '@/server/db/client';
import { AppError } from '@/lib/errors';
import { getBusiness } from '@/modules/businesses';
import { contentTypeOf, readBusinessFile } from '@/server/files/storage';

export const dynamic = 'force-dynamic';

/** The business's logo, for its members only. */
export const GET = businessRoute<{ business: string }>('logo', async ({ ctx }) => {
  const business = await getBusiness(getDb(), ctx);
  const bytes = business.logoPath ? await readBusinessFile(business.logoPath) : null;
  if (!bytes || !business.logoPath) throw new AppError('NOT_FOUND');
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': contentTypeOf(business.logoPath),
      'Cache-Control': 'private, max-age=300',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
});
