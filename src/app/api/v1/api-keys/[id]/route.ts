import { routeHandlers } from '@/server/api/registry';

export const dynamic = 'force-dynamic';
export const { DELETE } = routeHandlers('/api-keys/{id}');
