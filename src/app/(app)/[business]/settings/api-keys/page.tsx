import { notFound } from 'next/navigation';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can } from '@/lib/permissions';
import { findApiKeys } from '@/modules/api-keys';
import { ApiKeysManager } from '@/modules/api-keys/ui';

export default async function ApiKeysPage({ params }: { params: Promise<{ business: string }> }) {
  const { business: slug } = await params;
  const { ctx } = await requireBusinessPage(slug);
  if (!can(ctx.role, 'apiKeys', 'read')) notFound();
  const keys = await findApiKeys(getDb(), ctx);
  return (
    <ApiKeysManager
      slug={slug}
      actorRole={ctx.role}
      canManage={can(ctx.role, 'apiKeys', 'create')}
      keys={keys.map((k) => ({
        ...k,
        expiresAt: k.expiresAt?.toISOString() ?? null,
        revokedAt: k.revokedAt?.toISOString() ?? null,
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
        createdAt: k.createdAt.toISOString(),
      }))}
    />
  );
}
