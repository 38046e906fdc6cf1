import { requireBusinessPage } from '@/server/auth/session';
import { buildOpenApiDocument } from '@/server/api/openapi';
import { ApiReference, type OpenApiDoc } from '@/modules/api-keys/components/api-reference';

export default async function ApiReferencePage({ params }: { params: Promise<{ business: string }> }) {
  await requireBusinessPage((await params).business);
  return <ApiReference doc={buildOpenApiDocument() as unknown as OpenApiDoc} />;
}
