import { getDb } from '@/server/db/client';
import { getSessionUser } from '@/server/auth/session';
import { loadBusinessContext } from '@/server/auth/context';
import { readBusinessFile } from '@/server/files/storage';
import { isAppError } from '@/lib/errors';
import { getContract } from '@/modules/contracts';

export const dynamic = 'force-dynamic';

/** A contract's file, for members of its business who may read deals; always as a download. */
export async function GET(_request: Request, { params }: { params: Promise<{ business: string; id: string }> }) {
  const notFound = () => new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  const { business: slug, id } = await params;
  const ctx = await loadBusinessContext(getDb(), user.id, slug).catch(() => null);
  if (!ctx) return notFound();
  try {
    const contract = await getContract(getDb(), ctx, id);
    const bytes = contract.filePath ? await readBusinessFile(contract.filePath) : null;
    if (!bytes) return notFound();
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
  } catch (err) {
    if (isAppError(err)) return err.code === 'FORBIDDEN' ? new Response(null, { status: 403 }) : notFound();
    throw err;
  }
}
