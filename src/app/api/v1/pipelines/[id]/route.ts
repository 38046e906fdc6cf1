import { routeHandlers } from '@/server/api/registry';

export const dynamic = 'force-dynamic';
export const { PATCH, DELETE } = routeHandlers('/pipelines/{id}');
