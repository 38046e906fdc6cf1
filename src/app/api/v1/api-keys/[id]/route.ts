import { routeHandlers } from '@/composition/api';

export const dynamic = 'force-dynamic';
export const { DELETE } = routeHandlers('/api-keys/{id}');
