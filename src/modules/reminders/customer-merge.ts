import 'server-only';
import { and, eq } from 'drizzle-orm';
import { reminders } from '@/server/db/schema';
import type { TxSubscriber } from '@/server/events/domain';

/** Two customers merged: this module's reminders of the merged one move to the survivor, in the merge's transaction. */
export const remindersCustomerMergeSubscriber: TxSubscriber = {
  name: 'reminders.customer-merge',
  on: 'customer.merge',
  mode: 'tx',
  async handle(tx, event) {
    for (const mergedId of event.refs?.mergedIds ?? []) {
      await tx
        .update(reminders)
        .set({ customerId: event.entityId })
        .where(and(eq(reminders.businessId, event.businessId), eq(reminders.customerId, mergedId)));
    }
  },
};
