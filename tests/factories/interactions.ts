import type { Executor } from '@/server/db/client';
import { interactionCustomers, interactions, messageTemplates, outboxMessages } from '@/server/db/schema';
import { newId } from '@/lib/ids';

/**
 * An interaction row with its customer links, written directly, for tests that need one to aim
 * at (the role matrix, isolation). Tests of the module itself go through its operations.
 */
export async function insertTestInteraction(
  db: Executor,
  businessId: string,
  fields: { customerIds: string[]; createdById?: string | null; subject?: string; occurredAt?: Date },
): Promise<{ id: string }> {
  const id = newId();
  const occurredAt = fields.occurredAt ?? new Date();
  await db.insert(interactions).values({
    businessId,
    id,
    type: 'call',
    direction: 'outbound',
    occurredAt,
    subject: fields.subject ?? null,
    createdById: fields.createdById ?? null,
  });
  if (fields.customerIds.length > 0) {
    await db.insert(interactionCustomers).values(fields.customerIds.map((customerId) => ({ businessId, interactionId: id, customerId, occurredAt })));
  }
  return { id };
}

export async function insertTestTemplate(
  db: Executor,
  businessId: string,
  fields: { name?: string; channel?: 'email' | 'sms'; subject?: string | null; body?: string } = {},
): Promise<{ id: string }> {
  const id = newId();
  await db.insert(messageTemplates).values({
    businessId,
    id,
    channel: fields.channel ?? 'email',
    name: fields.name ?? `Şablon ${id.slice(-6)}`,
    subject: fields.subject ?? 'Merhaba {{customer.firstName}}',
    body: fields.body ?? 'Sevgili {{customer.name}}, {{business.name}}',
  });
  return { id };
}

export async function insertTestOutboxMessage(
  db: Executor,
  businessId: string,
  fields: { customerId?: string | null; interactionId?: string | null; toAddress: string; subject?: string; body?: string },
): Promise<{ id: string }> {
  const id = newId();
  await db.insert(outboxMessages).values({
    businessId,
    id,
    channel: 'email',
    toAddress: fields.toAddress,
    subject: fields.subject ?? 'Konu',
    body: fields.body ?? 'Metin',
    status: 'held',
    customerId: fields.customerId ?? null,
    interactionId: fields.interactionId ?? null,
  });
  return { id };
}
