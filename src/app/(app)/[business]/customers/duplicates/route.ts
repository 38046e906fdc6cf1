import { businessRoute } from '@/server/http/business-route';
import { duplicatesResponse } from '@/modules/customers';

export const dynamic = 'force-dynamic';

export const GET = businessRoute<{ business: string }>('customer duplicates', ({ request, ctx }) => duplicatesResponse(request, ctx));
