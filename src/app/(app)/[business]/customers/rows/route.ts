import { customerRowsResponse } from '@/modules/customers/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ business: string }> }) {
  return customerRowsResponse(request, (await params).business);
}
