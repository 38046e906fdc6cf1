import { businessRoute } from '@/server/http/business-route';
import { getDb } from '@/server/db/client';
import { readBusinessFile } from '@/server/files/storage';
import { AppError } from '@/lib/errors';
import { getContract } from '@/modules/contracts';

export const dynamic = 'force-dynamic';

/** A contract's file, for members of its business who may read deals; always as a download. */
export const GET = businessRoute<{ business: string; id: string }>('contract file', async ({ ctx, params }) => {
  const contract = await getContract(getDb(), ctx, params.id);
  const bytes = contract.filePath ? await readBusinessFile(contract.filePath) : null;
  if (!bytes) throw new AppError('NOT_FOUND');
  const name = contract.fileName ?? 'contract';
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': contract.fileType ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
});
