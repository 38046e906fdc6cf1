import 'server-only';
import { and, eq } from 'drizzle-orm';
import { tasks } from '@/server/db/schema';
import type { TxSubscriber } from '@/server/events/domain';

/** Two customers merged: this module's tasks of the merged one move to the survivor, in the merge's transaction. */
export const tasksCustomerMergeSubscriber: TxSubscriber = {
  name: 'tasks.customer-merge',
  on: 'customer.merge',
  mode: 'tx',
  async handle(tx, event) {
    for (const mergedId of event.refs?.mergedIds ?? []) {
      await tx
        .update(tasks)
        .set({ customerId: event.entityId })
        .where(and(eq(tasks.businessId, event.businessId), eq(tasks.customerId, mergedId)));
    }
  },
};
