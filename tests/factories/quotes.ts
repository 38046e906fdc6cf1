import type { Executor } from '@/server/db/client';
import { deals, pipelineStages, pipelines } from '@/server/db/schema';
import { newId } from '@/lib/ids';

export type TestDeal = { id: string; pipelineId: string; stageId: string; title: string };

/**
 * A pipeline with one open stage and a deal on it, written directly: quotes and contracts tests
 * need a deal to hang on, not the deals module's board logic. Each call makes its own pipeline
 * (a unique name), and the deal's position key is the fixed first key of an empty stage.
 */
export async function insertTestDeal(
  db: Executor,
  businessId: string,
  fields: { title?: string; customerId?: string | null; ownerId?: string | null; currency?: string; valueMinor?: number } = {},
): Promise<TestDeal> {
  const pipelineId = newId();
  const stageId = newId();
  const id = newId();
  await db.insert(pipelines).values({ businessId, id: pipelineId, name: `Satış ${pipelineId.slice(-8)}` });
  await db.insert(pipelineStages).values({ businessId, id: stageId, pipelineId, name: 'Görüşme', position: 0, probability: 20 });
  const title = fields.title ?? `Fırsat ${id.slice(-6)}`;
  await db.insert(deals).values({
    businessId,
    id,
    pipelineId,
    stageId,
    position: 'a0',
    title,
    customerId: fields.customerId ?? null,
    ownerId: fields.ownerId ?? null,
    currency: fields.currency ?? 'TRY',
    valueMinor: fields.valueMinor ?? 0,
  });
  return { id, pipelineId, stageId, title };
}
