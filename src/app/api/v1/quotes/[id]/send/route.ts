import { routeHandlers } from '@/composition/api';

export const dynamic = 'force-dynamic';
export const { POST } = routeHandlers('/quotes/{id}/send');
