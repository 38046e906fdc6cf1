import 'server-only';
import { and, eq } from 'drizzle-orm';
import { purchases } from '@/server/db/schema';
import type { TxSubscriber } from '@/server/events/domain';

/** Two customers merged: this module's purchases of the merged one move to the survivor, in the merge's transaction. */
export const purchasesCustomerMergeSubscriber: TxSubscriber = {
  name: 'purchases.customer-merge',
  on: 'customer.merge',
  mode: 'tx',
  async handle(tx, event) {
    for (const mergedId of event.refs?.mergedIds ?? []) {
      await tx
        .update(purchases)
        .set({ customerId: event.entityId })
        .where(and(eq(purchases.businessId, event.businessId), eq(purchases.customerId, mergedId)));
    }
  },
};
