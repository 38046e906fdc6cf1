import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { contracts, customers, deals } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { authorize } from '@/server/auth/authorize';
import { publishEvent } from '@/server/events/publish';
import { removeBusinessFile, saveBusinessFile } from '@/server/files/storage';
import { AppError, isAppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { MESSAGES } from '@/i18n/messages';
import { emitChange } from '@/server/events/domain';
import { createReminder, deleteReminder, updateReminder, getReminder } from '@/modules/reminders';
import { contractReminderDue } from './dates';
import { safeFileName, sniffContractFile } from './files';
import { ownContractSql } from './queries';
import type { createContractSchema, updateContractSchema } from './schemas';

type Fields = z.output<typeof createContractSchema>;

type StoredFile = { fileName: string; filePath: string; fileType: string; fileSize: number };

/** Writes the upload under DATA_DIR/files before the transaction; the caller removes it on failure. */
async function storeFile(ctx: Ctx, contractId: string, file: File | null): Promise<StoredFile | null> {
  if (!file) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = sniffContractFile(bytes, file.name);
  const filePath = await saveBusinessFile(ctx.businessId, `contract-${contractId}-${Date.now()}.${kind.ext}`, bytes);
  return { fileName: safeFileName(file.name), filePath, fileType: kind.type, fileSize: bytes.byteLength };
}

function reminderTitle(title: string, endDate: string): string {
  // The business's people read reminders; the business's language is Turkish by default.
  const [y, m, d] = endDate.split('-');
  return MESSAGES.tr.contracts.reminderTitle.replace('{date}', `${d}.${m}.${y}`).replace('{title}', title);
}

/**
 * Keeps the contract's end reminder in step with its dates: made when there is an end date, moved
 * when the end or the lead time changes, deleted when the contract ends or goes. Done through the
 * reminders module, in the caller's transaction. A reminder someone deleted by hand is made again.
 */
async function syncReminder(
  tx: Transaction,
  ctx: Ctx,
  contract: { title: string; endDate: string | null; status: string; remindDaysBefore: number; reminderId: string | null; customerId: string | null; assigneeId: string | null },
): Promise<string | null> {
  const due = contractReminderDue(contract);
  const existing = contract.reminderId ? await getReminder(tx, ctx, contract.reminderId).catch(() => null) : null;
  if (!due) {
    if (existing) await deleteReminder(tx, ctx, existing.id);
    return null;
  }
  const fields = {
    title: reminderTitle(contract.title, contract.endDate!),
    dueAt: due,
    customerId: contract.customerId,
    assigneeId: contract.assigneeId,
    note: null,
    repeat: 'none' as const,
  };
  if (existing) {
    await updateReminder(tx, ctx, { ...fields, id: existing.id, version: existing.version });
    return existing.id;
  }
  return (await createReminder(tx, ctx, fields)).id;
}

/** The deal or customer the contract hangs on, checked in this business; who the reminder is for. */
async function target(tx: Transaction, ctx: Ctx, dealId: string | null, customerId: string | null) {
  if (!dealId && !customerId) throw new AppError('VALIDATION', 'contracts.errors.target', { dealId: 'required' });
  let customer = customerId;
  let assigneeId: string | null = ctx.personnelId;
  if (dealId) {
    const [deal] = await tx.select({ customerId: deals.customerId, ownerId: deals.ownerId }).from(deals).where(and(eq(deals.businessId, ctx.businessId), eq(deals.id, dealId)));
    if (!deal) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND', { dealId: 'invalid' });
    customer = customer ?? deal.customerId;
    assigneeId = deal.ownerId ?? assigneeId;
  }
  if (customerId) {
    const [row] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, customerId)));
    if (!row) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND', { customerId: 'invalid' });
  }
  return { customerId: customer, assigneeId };
}

export async function createContract(db: Executor, ctx: Ctx, input: Fields): Promise<{ id: string }> {
  authorize(ctx, 'deals', 'create');
  const id = newId();
  const stored = await storeFile(ctx, id, input.file ?? null);
  try {
    await db.transaction(async (tx) => {
      const to = await target(tx, ctx, input.dealId, input.customerId);
      await tx.insert(contracts).values({
        businessId: ctx.businessId,
        id,
        dealId: input.dealId,
        customerId: input.customerId,
        title: input.title,
        status: input.status,
        startDate: input.startDate,
        endDate: input.endDate,
        remindDaysBefore: input.remindDaysBefore,
        ...(stored ?? {}),
      });
      const reminderId = await syncReminder(tx, ctx, { ...input, reminderId: null, customerId: to.customerId, assigneeId: to.assigneeId });
      if (reminderId) await tx.update(contracts).set({ reminderId }).where(and(eq(contracts.businessId, ctx.businessId), eq(contracts.id, id)));
      await emitChange(tx, ctx, { action: 'create', entityType: 'contract', entityId: id });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'contract.created', id, actorUserId: ctx.userId });
    });
  } catch (err) {
    await removeBusinessFile(stored?.filePath ?? null);
    throw err;
  }
  return { id };
}

/** The contract, locked, within the caller's scope ("own": the deal's or customer's owner). */
async function lockContract(tx: Transaction, ctx: Ctx, id: string, action: 'update' | 'delete') {
  const scope = authorize(ctx, 'deals', action);
  const where = and(eq(contracts.businessId, ctx.businessId), eq(contracts.id, id));
  const [row] = await tx
    .select({ contract: contracts })
    .from(contracts)
    .leftJoin(deals, and(eq(deals.businessId, contracts.businessId), eq(deals.id, contracts.dealId)))
    .leftJoin(customers, and(eq(customers.businessId, contracts.businessId), eq(customers.id, contracts.customerId)))
    .where(scope === 'own' ? and(where, ownContractSql(ctx)) : where)
    .for('update', { of: contracts });
  if (row) return row.contract;
  if (scope === 'own') {
    const [exists] = await tx.select({ id: contracts.id }).from(contracts).where(where);
    if (exists) throw new AppError('FORBIDDEN', 'contracts.errors.notOwn');
  }
  throw new AppError('NOT_FOUND');
}

export async function updateContract(db: Executor, ctx: Ctx, input: z.output<typeof updateContractSchema>): Promise<{ version: number }> {
  authorize(ctx, 'deals', 'update');
  const stored = await storeFile(ctx, input.id, input.file ?? null);
  let replaced: string | null = null;
  try {
    const result = await db.transaction(async (tx) => {
      const current = await lockContract(tx, ctx, input.id, 'update');
      if (current.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
      const to = await target(tx, ctx, current.dealId, current.customerId);
      const reminderId = await syncReminder(tx, ctx, { ...input, reminderId: current.reminderId, customerId: to.customerId, assigneeId: to.assigneeId });
      const [row] = await tx
        .update(contracts)
        .set({
          title: input.title,
          status: input.status,
          startDate: input.startDate,
          endDate: input.endDate,
          remindDaysBefore: input.remindDaysBefore,
          reminderId,
          ...(stored ?? {}),
          version: sql`${contracts.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(contracts.businessId, ctx.businessId), eq(contracts.id, input.id)))
        .returning({ version: contracts.version });
      if (stored) replaced = current.filePath;
      await emitChange(tx, ctx, { action: 'update', entityType: 'contract', entityId: input.id });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'contract.updated', id: input.id, actorUserId: ctx.userId });
      return { version: row!.version };
    });
    // The old file goes only once the new one is committed in its place.
    await removeBusinessFile(replaced);
    return result;
  } catch (err) {
    await removeBusinessFile(stored?.filePath ?? null);
    throw err;
  }
}

export async function deleteContract(db: Executor, ctx: Ctx, id: string): Promise<{ title: string }> {
  const removed = await db.transaction(async (tx) => {
    const current = await lockContract(tx, ctx, id, 'delete');
    if (current.reminderId) {
      await deleteReminder(tx, ctx, current.reminderId).catch((err: unknown) => {
        // Already deleted by hand, or someone else's under an "own" scope: the contract still goes.
        if (!isAppError(err) || err.code !== 'NOT_FOUND') throw err;
      });
    }
    await tx.delete(contracts).where(and(eq(contracts.businessId, ctx.businessId), eq(contracts.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'contract', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'contract.deleted', id, actorUserId: ctx.userId });
    return current;
  });
  await removeBusinessFile(removed.filePath);
  return { title: removed.title };
}
