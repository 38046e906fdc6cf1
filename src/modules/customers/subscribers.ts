import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/server/db/client';
import { businesses, customers, interactionCustomers } from '@/server/db/schema';
import { publishEvent } from '@/server/events/publish';
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

/**
 * A deal was won: its customer is a customer now (status `active`, from lead, inactive or lost),
 * unless the business turned that off. In the same transaction as the move.
 */
export const wonDealCustomerSubscriber: TxSubscriber = {
  name: 'customers.won-deal',
  on: ['deal.create', 'deal.update'],
  mode: 'tx',
  async handle(tx, event) {
    const ids = event.refs?.wonCustomerIds ?? [];
    if (ids.length === 0) return;
    const [business] = await tx.select({ on: businesses.wonDealActivatesCustomer }).from(businesses).where(eq(businesses.id, event.businessId));
    if (!business?.on) return;
    const changed = await tx
      .update(customers)
      .set({ status: 'active', version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(customers.businessId, event.businessId), inArray(customers.id, ids), sql`${customers.status} <> 'active'`))
      .returning({ id: customers.id });
    for (const { id } of changed) await publishEvent(tx, { businessId: event.businessId, kind: 'customer.updated', id, actorUserId: event.actor.userId });
  },
};
