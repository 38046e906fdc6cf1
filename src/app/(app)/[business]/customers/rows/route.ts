import { businessRoute } from '@/server/http/business-route';
import { customerRowsResponse } from '@/modules/customers';

export const dynamic = 'force-dynamic';

export const GET = businessRoute<{ business: string }>('customer rows', ({ request, ctx }) => customerRowsResponse(request, ctx));
