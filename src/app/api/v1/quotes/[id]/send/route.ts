import { routeHandlers } from '@/server/api/registry';

export const dynamic = 'force-dynamic';
export const { POST } = routeHandlers('/quotes/{id}/send');
