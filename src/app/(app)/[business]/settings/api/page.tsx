import { requireBusinessPage } from '@/server/auth/session';
import { openApiDocument } from '@/composition/api';
import { ApiReference, type OpenApiDoc } from '@/modules/api-keys/ui';

export default async function ApiReferencePage({ params }: { params: Promise<{ business: string }> }) {
  await requireBusinessPage((await params).business);
  return <ApiReference doc={openApiDocument() as unknown as OpenApiDoc} />;
}
