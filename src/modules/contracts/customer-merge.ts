import 'server-only';
import { and, eq } from 'drizzle-orm';
import { contracts } from '@/server/db/schema';
import type { TxSubscriber } from '@/server/events/domain';

/** Two customers merged: this module's contracts of the merged one move to the survivor, in the merge's transaction. */
export const contractsCustomerMergeSubscriber: TxSubscriber = {
  name: 'contracts.customer-merge',
  on: 'customer.merge',
  mode: 'tx',
  async handle(tx, event) {
    for (const mergedId of event.refs?.mergedIds ?? []) {
      await tx
        .update(contracts)
        .set({ customerId: event.entityId })
        .where(and(eq(contracts.businessId, event.businessId), eq(contracts.customerId, mergedId)));
    }
  },
};
