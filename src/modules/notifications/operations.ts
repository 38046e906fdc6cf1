import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import { markNotificationsReadSchema } from './schemas';
import { markNotificationsRead } from './mutations';

/**
 * Every member reads the business (the permission checked here); the notifications themselves are
 * the caller's own, which the mutation's where clause enforces.
 */
export const markNotificationsReadOperation = defineOperation(
  'markNotificationsRead',
  { schema: markNotificationsReadSchema, permission: ['business', 'read'] },
  async (ctx, input) => {
    const data = await markNotificationsRead(getDb(), ctx, input);
    return { message: input.all ? 'notifications.allMarkedRead' : 'notifications.markedRead', data };
  },
);
