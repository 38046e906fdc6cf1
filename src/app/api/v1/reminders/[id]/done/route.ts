import { routeHandlers } from '@/composition/api';

export const dynamic = 'force-dynamic';
export const { POST } = routeHandlers('/reminders/{id}/done');
