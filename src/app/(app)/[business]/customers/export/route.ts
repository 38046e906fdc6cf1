import { exportCsvResponse } from '@/modules/customers';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ business: string }> }) {
  return exportCsvResponse(request, (await params).business);
}
