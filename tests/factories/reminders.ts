import type { Executor } from '@/server/db/client';
import { reminders } from '@/server/db/schema';
import { newId } from '@/lib/ids';

/**
 * A reminder row for tests of other modules and the shared matrices (the reminders module's own
 * tests go through its operations).
 */
export async function insertTestReminder(
  db: Executor,
  businessId: string,
  fields: {
    title?: string;
    dueAt?: Date;
    assigneeId?: string | null;
    createdById?: string | null;
    customerId?: string | null;
    repeat?: 'none' | 'daily' | 'weekly' | 'monthly';
  } = {},
): Promise<{ id: string; title: string; version: number }> {
  const id = newId();
  const title = fields.title ?? `Hatırlatıcı ${id.slice(-6)}`;
  await db.insert(reminders).values({
    businessId,
    id,
    title,
    // Whole minutes, as the app stores them.
    dueAt: fields.dueAt ?? new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 24 * 3600_000),
    assigneeId: fields.assigneeId ?? null,
    createdById: fields.createdById ?? null,
    customerId: fields.customerId ?? null,
    repeat: fields.repeat ?? 'none',
  });
  return { id, title, version: 1 };
}
