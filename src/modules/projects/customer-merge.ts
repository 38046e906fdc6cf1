import 'server-only';
import { and, eq } from 'drizzle-orm';
import { projects } from '@/server/db/schema';
import type { TxSubscriber } from '@/server/events/domain';

/** Two customers merged: this module's projects of the merged one move to the survivor, in the merge's transaction. */
export const projectsCustomerMergeSubscriber: TxSubscriber = {
  name: 'projects.customer-merge',
  on: 'customer.merge',
  mode: 'tx',
  async handle(tx, event) {
    for (const mergedId of event.refs?.mergedIds ?? []) {
      await tx
        .update(projects)
        .set({ customerId: event.entityId })
        .where(and(eq(projects.businessId, event.businessId), eq(projects.customerId, mergedId)));
    }
  },
};
