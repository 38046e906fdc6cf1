import 'server-only';
import { and, eq } from 'drizzle-orm';
import { deals } from '@/server/db/schema';
import type { TxSubscriber } from '@/server/events/domain';

/** Two customers merged: this module's deals of the merged one move to the survivor, in the merge's transaction. */
export const dealsCustomerMergeSubscriber: TxSubscriber = {
  name: 'deals.customer-merge',
  on: 'customer.merge',
  mode: 'tx',
  async handle(tx, event) {
    for (const mergedId of event.refs?.mergedIds ?? []) {
      await tx
        .update(deals)
        .set({ customerId: event.entityId })
        .where(and(eq(deals.businessId, event.businessId), eq(deals.customerId, mergedId)));
    }
  },
};
