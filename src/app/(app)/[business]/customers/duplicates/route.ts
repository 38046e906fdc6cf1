import { duplicatesResponse } from '@/modules/customers';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ business: string }> }) {
  return duplicatesResponse(request, (await params).business);
}
