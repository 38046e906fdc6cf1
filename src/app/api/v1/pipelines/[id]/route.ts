import { routeHandlers } from '@/composition/api';

export const dynamic = 'force-dynamic';
export const { PATCH, DELETE } = routeHandlers('/pipelines/{id}');
