import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/server/db/client';
import { customers, interactionCustomers } from '@/server/db/schema';
import type { TxSubscriber } from '@/server/events/domain';

/**
 * Sets each customer's last_interaction_at to the newest occurred_at of its interactions (null when
 * none is left), in the caller's transaction. A max over the timeline index: one short index read.
 */
export async function refreshLastInteraction(tx: Executor, businessId: string, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await tx
    .update(customers)
    .set({
      lastInteractionAt: sql`(select max(${interactionCustomers.occurredAt}) from ${interactionCustomers}
        where ${interactionCustomers.businessId} = ${customers.businessId} and ${interactionCustomers.customerId} = ${customers.id})`,
    })
    .where(and(eq(customers.businessId, businessId), inArray(customers.id, [...customerIds])));
}

/**
 * Recomputes a customer's purchase summary in the caller's transaction, from its purchases:
 *
 * - `lifetime_value_minor`: the sum of the totals of **paid** purchases in the business's currency.
 *   Pending orders are not money received yet, cancelled and refunded ones never were; an order in
 *   another currency cannot be added without an exchange rate, so it is listed but not summed.
 * - `purchase_count` and `last_purchase_at`: over paid purchases, in any currency.
 */
export async function refreshPurchaseSummary(tx: Executor, businessId: string, customerId: string): Promise<void> {
  await tx.execute(sql`
    update customers c set
      lifetime_value_minor = s.ltv,
      purchase_count = s.n,
      last_purchase_at = s.last
    from (
      select
        coalesce(sum(p.total_minor) filter (where p.status = 'paid' and p.currency = b.currency), 0) as ltv,
        count(*) filter (where p.status = 'paid')::int as n,
        max(p.ordered_at) filter (where p.status = 'paid') as last
      from businesses b
      left join purchases p on p.business_id = b.id and p.customer_id = ${customerId}
      where b.id = ${businessId}
    ) s
    where c.business_id = ${businessId} and c.id = ${customerId}`);
}

/** A customer's timeline changed: its last-interaction date follows in the same transaction. */
export const lastInteractionSubscriber: TxSubscriber = {
  name: 'customers.last-interaction',
  on: ['interaction.create', 'interaction.update', 'interaction.delete'],
  mode: 'tx',
  async handle(tx, event) {
    await refreshLastInteraction(tx, event.businessId, event.refs?.customerIds ?? []);
  },
};

/** A purchase changed: the customers' lifetime value and purchase count follow in the same transaction. */
export const purchaseSummarySubscriber: TxSubscriber = {
  name: 'customers.purchase-summary',
  on: ['purchase.create', 'purchase.update', 'purchase.delete'],
  mode: 'tx',
  async handle(tx, event) {
    for (const customerId of event.refs?.customerIds ?? []) await refreshPurchaseSummary(tx, event.businessId, customerId);
  },
};
