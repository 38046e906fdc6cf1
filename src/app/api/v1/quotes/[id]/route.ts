import { routeHandlers } from '@/composition/api';

export const dynamic = 'force-dynamic';
export const { GET, PATCH, DELETE } = routeHandlers('/quotes/{id}');
