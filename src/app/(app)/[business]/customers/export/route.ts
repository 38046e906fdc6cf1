import { businessRoute } from '@/server/http/business-route';
import { exportCsvResponse } from '@/modules/customers';

export const dynamic = 'force-dynamic';

export const GET = businessRoute<{ business: string }>('customers export', ({ request, ctx }) => exportCsvResponse(request, ctx));
