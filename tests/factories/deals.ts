import { sql } from 'drizzle-orm';
import type { Executor } from '@/server/db/client';
import { deals } from '@/server/db/schema';
import { newId } from '@/lib/ids';
import { keysBetween } from '@/lib/ordering';

/**
 * Many deals at once, spread evenly over stages (for the board benchmark and seed), appended at
 * the end of each stage with ordered keys; written in batches of 1,000 rows.
 */
export async function insertTestDeals(
  db: Executor,
  args: { businessId: string; pipelineId: string; stageIds: string[]; count: number; currency: string; ownerId?: string | null; customerIds?: string[] },
): Promise<number> {
  const perStage = Math.ceil(args.count / args.stageIds.length);
  const rows: (typeof deals.$inferInsert)[] = [];
  for (const [s, stageId] of args.stageIds.entries()) {
    const [last] = (
      await db.execute<{ position: string }>(
        sql`select position from deals where business_id = ${args.businessId} and stage_id = ${stageId} order by position desc limit 1`,
      )
    ).rows;
    const n = Math.min(perStage, args.count - s * perStage);
    if (n <= 0) break;
    const keys = keysBetween(last?.position ?? null, null, n);
    for (let i = 0; i < n; i++) {
      const number = s * perStage + i + 1;
      rows.push({
        businessId: args.businessId,
        id: newId(),
        pipelineId: args.pipelineId,
        stageId,
        position: keys[i]!,
        title: `Fırsat ${number}`,
        customerId: args.customerIds?.length ? args.customerIds[number % args.customerIds.length]! : null,
        valueMinor: ((number * 7919) % 500_000) * 100,
        currency: args.currency,
        ownerId: args.ownerId ?? null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(deals).values(rows.slice(i, i + 1000));
  return rows.length;
}
