import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { outboxMessages } from '@/server/db/schema';
import type { TxSubscriber } from '@/server/events/domain';

/**
 * Two customers merged: the merged one's timeline joins the survivor's (a link both had is kept
 * once; the merged one's links go with its delete) and its messages move, in the merge's transaction.
 */
export const interactionsCustomerMergeSubscriber: TxSubscriber = {
  name: 'interactions.customer-merge',
  on: 'customer.merge',
  mode: 'tx',
  async handle(tx, event) {
    const b = event.businessId;
    const survivorId = event.entityId;
    for (const mergedId of event.refs?.mergedIds ?? []) {
      await tx.execute(sql`insert into interaction_customers (business_id, interaction_id, customer_id, occurred_at)
        select business_id, interaction_id, ${survivorId}::uuid, occurred_at from interaction_customers
        where business_id = ${b} and customer_id = ${mergedId}::uuid on conflict do nothing`);
      await tx
        .update(outboxMessages)
        .set({ customerId: survivorId })
        .where(and(eq(outboxMessages.businessId, b), eq(outboxMessages.customerId, mergedId)));
    }
  },
};
