import { routeHandlers } from '@/server/api/registry';

export const dynamic = 'force-dynamic';
export const { GET, PATCH, DELETE } = routeHandlers('/projects/{id}');
