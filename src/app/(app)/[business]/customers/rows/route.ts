import { customerRowsResponse } from '@/modules/customers';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ business: string }> }) {
  return customerRowsResponse(request, (await params).business);
}
