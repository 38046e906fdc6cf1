import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { customers, interactionCustomers, interactionPersonnel, interactions, messageTemplates, personnel } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { authorize } from '@/server/auth/authorize';
import { publishEvent } from '@/server/events/publish';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { changedKeys } from '@/lib/changes';
import { emitChange } from '@/server/events/domain';
import type {
  createInteractionSchema,
  createTemplateSchema,
  InteractionDirection,
  InteractionType,
  updateInteractionSchema,
  updateTemplateSchema,
} from './schemas';

/**
 * Locks the customers' rows (in id order, so two writers cannot deadlock) and checks they are the
 * business's. Taken before the interaction rows change: the recomputation of last_interaction_at
 * that follows then runs after any other writer to the same customer has committed, and sees its rows.
 */
async function lockCustomers(tx: Transaction, ctx: Ctx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), inArray(customers.id, ids)))
    .orderBy(asc(customers.id))
    .for('update');
  if (rows.length !== new Set(ids).size) {
    throw new AppError('NOT_FOUND', 'interactions.errors.customerNotFound', { customerIds: 'invalid' });
  }
}

async function checkPersonnel(tx: Transaction, ctx: Ctx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: personnel.id })
    .from(personnel)
    .where(and(eq(personnel.businessId, ctx.businessId), inArray(personnel.id, ids)));
  if (rows.length !== ids.length) throw new AppError('NOT_FOUND', 'interactions.errors.personnelNotFound', { personnelIds: 'invalid' });
}

export type NewInteraction = {
  type: InteractionType;
  direction: InteractionDirection | null;
  occurredAt: Date;
  durationMinutes: number | null;
  subject: string | null;
  body: string | null;
  outcome: string | null;
  customerIds: string[];
  personnelIds: string[];
};

/** Writes an interaction and its links in the caller's transaction (also used when a message is sent). */
export async function insertInteraction(tx: Transaction, ctx: Ctx, input: NewInteraction): Promise<string> {
  const { customerIds, personnelIds, ...fields } = input;
  await lockCustomers(tx, ctx, customerIds);
  await checkPersonnel(tx, ctx, personnelIds);
  const id = newId();
  await tx.insert(interactions).values({ businessId: ctx.businessId, id, ...fields, createdById: ctx.personnelId });
  await tx
    .insert(interactionCustomers)
    .values(customerIds.map((customerId) => ({ businessId: ctx.businessId, interactionId: id, customerId, occurredAt: fields.occurredAt })));
  if (personnelIds.length > 0) {
    await tx.insert(interactionPersonnel).values(personnelIds.map((personnelId) => ({ businessId: ctx.businessId, interactionId: id, personnelId })));
  }
  // The customers' last-interaction dates follow through the event (customers' subscriber).
  await emitChange(tx, ctx, { action: 'create', entityType: 'interaction', entityId: id, meta: { type: fields.type }, refs: { customerIds } });
  await publishEvent(tx, { businessId: ctx.businessId, kind: 'interaction.created', id, actorUserId: ctx.userId });
  return id;
}

/**
 * A note on a customer's timeline that no user wrote: the customer's own answer through a public
 * link (a quote accepted or declined). Inbound, with no author; the audit entry has no actor.
 */
export async function logCustomerNote(
  tx: Transaction,
  businessId: string,
  input: { customerId: string; subject: string; body: string; occurredAt: Date },
): Promise<string> {
  const id = newId();
  await tx.insert(interactions).values({
    businessId,
    id,
    type: 'note',
    direction: 'inbound',
    occurredAt: input.occurredAt,
    subject: input.subject,
    body: input.body,
    createdById: null,
  });
  await tx.insert(interactionCustomers).values({ businessId, interactionId: id, customerId: input.customerId, occurredAt: input.occurredAt });
  await emitChange(
    tx,
    { businessId, userId: null },
    { action: 'create', entityType: 'interaction', entityId: id, meta: { type: 'note' }, refs: { customerIds: [input.customerId] } },
  );
  await publishEvent(tx, { businessId, kind: 'interaction.created', id, actorUserId: null });
  return id;
}

export async function createInteraction(db: Executor, ctx: Ctx, input: z.output<typeof createInteractionSchema>): Promise<{ id: string }> {
  const id = await db.transaction((tx) => insertInteraction(tx, ctx, input));
  return { id };
}

/**
 * The interaction, locked, if the context may change it: everyone with the "all" scope, and with
 * "own" only the person who logged it. The condition is part of the query.
 */
async function lockOwnInteraction(tx: Transaction, ctx: Ctx, id: string, action: 'update' | 'delete') {
  const scope = authorize(ctx, 'interactions', action);
  const where = and(eq(interactions.businessId, ctx.businessId), eq(interactions.id, id));
  const [row] = await tx
    .select()
    .from(interactions)
    .where(scope === 'own' ? and(where, eq(interactions.createdById, ctx.personnelId)) : where)
    .for('update');
  if (row) return row;
  if (scope === 'own') {
    const [exists] = await tx.select({ id: interactions.id }).from(interactions).where(where);
    if (exists) throw new AppError('FORBIDDEN', 'interactions.errors.notOwn');
  }
  throw new AppError('NOT_FOUND');
}

async function linkedCustomerIds(tx: Transaction, ctx: Ctx, interactionId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: interactionCustomers.customerId })
    .from(interactionCustomers)
    .where(and(eq(interactionCustomers.businessId, ctx.businessId), eq(interactionCustomers.interactionId, interactionId)));
  return rows.map((r) => r.id);
}

export async function updateInteraction(
  db: Executor,
  ctx: Ctx,
  input: z.output<typeof updateInteractionSchema>,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const target = await lockOwnInteraction(tx, ctx, input.id, 'update');
    if (target.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
    const { id, version, customerIds, personnelIds, ...patch } = input;
    const before = await linkedCustomerIds(tx, ctx, id);
    await lockCustomers(tx, ctx, [...new Set([...before, ...customerIds])]);
    await checkPersonnel(tx, ctx, personnelIds);
    const [row] = await tx
      .update(interactions)
      .set({ ...patch, version: version + 1, updatedAt: sql`now()` })
      .where(and(eq(interactions.businessId, ctx.businessId), eq(interactions.id, id), eq(interactions.version, version)))
      .returning({ version: interactions.version });
    if (!row) throw new AppError('CONFLICT', 'errors.STALE');
    // Replace the links: few rows, and occurred_at is copied into every customer link.
    await tx.delete(interactionCustomers).where(and(eq(interactionCustomers.businessId, ctx.businessId), eq(interactionCustomers.interactionId, id)));
    await tx
      .insert(interactionCustomers)
      .values(customerIds.map((customerId) => ({ businessId: ctx.businessId, interactionId: id, customerId, occurredAt: patch.occurredAt })));
    await tx.delete(interactionPersonnel).where(and(eq(interactionPersonnel.businessId, ctx.businessId), eq(interactionPersonnel.interactionId, id)));
    if (personnelIds.length > 0) {
      await tx.insert(interactionPersonnel).values(personnelIds.map((personnelId) => ({ businessId: ctx.businessId, interactionId: id, personnelId })));
    }
    const changed = changedKeys(target as Record<string, unknown>, patch as Record<string, unknown>).filter((k) =>
      k === 'occurredAt' ? target.occurredAt.getTime() !== patch.occurredAt.getTime() : true,
    );
    await emitChange(tx, ctx, {
      action: 'update',
      entityType: 'interaction',
      entityId: id,
      changedFields: changed,
      refs: { customerIds: [...new Set([...before, ...customerIds])] },
    });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'interaction.updated', id, actorUserId: ctx.userId });
    return row;
  });
}

export async function deleteInteraction(db: Executor, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockOwnInteraction(tx, ctx, id, 'delete');
    const linked = await linkedCustomerIds(tx, ctx, id);
    await lockCustomers(tx, ctx, linked);
    await tx.delete(interactions).where(and(eq(interactions.businessId, ctx.businessId), eq(interactions.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'interaction', entityId: id, refs: { customerIds: linked } });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'interaction.deleted', id, actorUserId: ctx.userId });
  });
}

// ─── Templates ──────────────────────────────────────────────────────────────────────────────

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = ((err as { cause?: unknown })?.cause ?? err) as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}

function nameTaken(err: unknown): never {
  if (isUniqueViolation(err, 'message_templates_name_key')) {
    throw new AppError('CONFLICT', 'interactions.errors.templateNameTaken', { name: 'invalid' });
  }
  throw err;
}

export async function createTemplate(db: Executor, ctx: Ctx, input: z.output<typeof createTemplateSchema>): Promise<{ id: string }> {
  const id = newId();
  // An SMS has no subject.
  const subject = input.channel === 'sms' ? null : input.subject;
  try {
    await db.transaction(async (tx) => {
      await tx.insert(messageTemplates).values({ businessId: ctx.businessId, id, ...input, subject });
      await emitChange(tx, ctx, { action: 'create', entityType: 'message_template', entityId: id });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'template.created', id, actorUserId: ctx.userId });
    });
  } catch (err) {
    nameTaken(err);
  }
  return { id };
}

export async function updateTemplate(db: Executor, ctx: Ctx, input: z.output<typeof updateTemplateSchema>): Promise<{ version: number }> {
  try {
    return await db.transaction(async (tx) => {
      const { id, version, ...fields } = input;
      const where = and(eq(messageTemplates.businessId, ctx.businessId), eq(messageTemplates.id, id));
      const [target] = await tx.select().from(messageTemplates).where(where).for('update');
      if (!target) throw new AppError('NOT_FOUND');
      if (target.version !== version) throw new AppError('CONFLICT', 'errors.STALE');
      const patch = { ...fields, subject: fields.channel === 'sms' ? null : fields.subject };
      const [row] = await tx
        .update(messageTemplates)
        .set({ ...patch, version: version + 1, updatedAt: sql`now()` })
        .where(and(where, eq(messageTemplates.version, version)))
        .returning({ version: messageTemplates.version });
      if (!row) throw new AppError('CONFLICT', 'errors.STALE');
      await emitChange(tx, ctx, { action: 'update', entityType: 'message_template', entityId: id, changedFields: changedKeys(target, patch) });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'template.updated', id, actorUserId: ctx.userId });
      return row;
    });
  } catch (err) {
    nameTaken(err);
  }
}

export async function deleteTemplate(db: Executor, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(messageTemplates)
      .where(and(eq(messageTemplates.businessId, ctx.businessId), eq(messageTemplates.id, id)))
      .returning({ id: messageTemplates.id });
    if (!row) throw new AppError('NOT_FOUND');
    await emitChange(tx, ctx, { action: 'delete', entityType: 'message_template', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'template.deleted', id, actorUserId: ctx.userId });
  });
}
