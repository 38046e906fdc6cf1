import { openApiResponse } from '@/composition/api';

export const dynamic = 'force-dynamic';

export function GET() {
  return openApiResponse();
}
