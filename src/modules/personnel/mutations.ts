import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { invitations, personnel } from '@/server/db/schema';
import type { Executor, Transaction } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { enqueueAuthMail } from '@/server/jobs/auth-mail';
import { appUrl } from '@/server/auth/auth';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assignableRoles } from '@/lib/permissions';
import { changedKeys } from '@/lib/changes';
import { emitChange } from '@/server/events/domain';
import { rememberLastBusiness } from '@/modules/businesses';
import { publishEvent } from '@/server/events/publish';
import { personnelChangeRefusal } from './rules';
import type { createPersonnelSchema, updatePersonnelSchema } from './schemas';

const INVITATION_DAYS = 7;

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  return (e as { code?: string; constraint?: string })?.code === '23505' && (e as { constraint?: string }).constraint === constraint;
}

async function activeOwnerCount(tx: Executor, businessId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(personnel)
    .where(and(eq(personnel.businessId, businessId), eq(personnel.role, 'owner'), eq(personnel.active, true), isNotNull(personnel.userId)));
  return row?.n ?? 0;
}

export async function createPersonnel(
  db: Executor,
  ctx: Ctx,
  input: z.output<typeof createPersonnelSchema>,
): Promise<{ id: string; invited: boolean }> {
  if (!assignableRoles(ctx.role).includes(input.role)) {
    throw new AppError('FORBIDDEN', 'personnel.errors.roleNotAllowed', { role: 'roleNotAllowed' });
  }
  if (input.invite && !input.email) {
    throw new AppError('VALIDATION', 'errors.VALIDATION', { email: 'requiredForInvite' });
  }
  const { invite, ...fields } = input;
  const id = newId();
  try {
    await db.transaction(async (tx) => {
      await tx.insert(personnel).values({ businessId: ctx.businessId, id, ...fields });
      await emitChange(tx, ctx, { action: 'create', entityType: 'personnel', entityId: id });
      if (invite) await inviteInTransaction(tx, ctx, id, fields.email!);
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'personnel.created', id, actorUserId: ctx.userId });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'personnel_business_email_key')) {
      throw new AppError('CONFLICT', 'personnel.errors.emailTaken', { email: 'emailTaken' });
    }
    throw err;
  }
  return { id, invited: invite };
}

export async function updatePersonnel(
  db: Executor,
  ctx: Ctx,
  input: z.output<typeof updatePersonnelSchema>,
): Promise<{ version: number }> {
  try {
    return await db.transaction(async (tx) => {
      const [target] = await tx
        .select()
        .from(personnel)
        .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.id, input.id)))
        .for('update');
      if (!target) throw new AppError('NOT_FOUND');
      const refusal = personnelChangeRefusal({
        actorRole: ctx.role,
        isSelf: target.userId === ctx.userId,
        target,
        next: { role: input.role, active: input.active },
        activeOwners: target.role === 'owner' ? await activeOwnerCount(tx, ctx.businessId) : 0,
      });
      if (refusal) throw new AppError(refusal === 'lastOwner' ? 'CONFLICT' : 'FORBIDDEN', `personnel.errors.${refusal}`);
      if (target.version !== input.version) throw new AppError('CONFLICT', 'errors.STALE');
      const { id, version, ...patch } = input;
      const [row] = await tx
        .update(personnel)
        .set({ ...patch, version: version + 1, updatedAt: sql`now()` })
        .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.id, id), eq(personnel.version, version)))
        .returning({ version: personnel.version });
      if (!row) throw new AppError('CONFLICT', 'errors.STALE');
      await emitChange(tx, ctx, { action: 'update', entityType: 'personnel', entityId: id, changedFields: changedKeys(target, patch) });
      await publishEvent(tx, { businessId: ctx.businessId, kind: 'personnel.updated', id, actorUserId: ctx.userId });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'personnel_business_email_key')) {
      throw new AppError('CONFLICT', 'personnel.errors.emailTaken', { email: 'emailTaken' });
    }
    throw err;
  }
}

export async function deletePersonnel(db: Executor, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(personnel)
      .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.id, id)))
      .for('update');
    if (!target) throw new AppError('NOT_FOUND');
    const refusal = personnelChangeRefusal({
      actorRole: ctx.role,
      isSelf: target.userId === ctx.userId,
      target,
      next: 'delete',
      activeOwners: target.role === 'owner' ? await activeOwnerCount(tx, ctx.businessId) : 0,
    });
    if (refusal) throw new AppError(refusal === 'lastOwner' ? 'CONFLICT' : 'FORBIDDEN', `personnel.errors.${refusal}`);
    await tx.delete(personnel).where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.id, id)));
    await emitChange(tx, ctx, { action: 'delete', entityType: 'personnel', entityId: id });
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'personnel.deleted', id, actorUserId: ctx.userId });
  });
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function inviteInTransaction(tx: Transaction, ctx: Ctx, personnelId: string, email: string): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const invitationId = newId();
  await tx.insert(invitations).values({
    businessId: ctx.businessId,
    id: invitationId,
    personnelId,
    email,
    tokenHash: hashToken(token),
    invitedByUserId: ctx.userId,
    expiresAt: sql`now() + ${`${INVITATION_DAYS} days`}::interval`,
  });
  await emitChange(tx, ctx, { action: 'invite', entityType: 'personnel', entityId: personnelId });
  // Queued in this transaction: an invitation that rolls back is never mailed.
  await enqueueAuthMail(
    {
      to: email,
      subject: 'Tezgah: davet / invitation',
      text: `Tezgah'ta bir işletmeye davet edildiniz / You have been invited to a business on Tezgah:\n${appUrl()}/invite/${token}\n`,
    },
    { key: `invitation:${invitationId}`, tx },
  );
}

/** Sends (again) an invitation to a personnel record that has no login yet. */
export async function invitePersonnel(db: Executor, ctx: Ctx, personnelId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(personnel)
      .where(and(eq(personnel.businessId, ctx.businessId), eq(personnel.id, personnelId)));
    if (!target) throw new AppError('NOT_FOUND');
    if (target.userId) throw new AppError('CONFLICT', 'personnel.errors.alreadyLinked');
    if (!target.email) throw new AppError('VALIDATION', 'personnel.errors.noEmail', { email: 'requiredForInvite' });
    if (!assignableRoles(ctx.role).includes(target.role)) throw new AppError('FORBIDDEN', 'personnel.errors.roleNotAllowed');
    await inviteInTransaction(tx, ctx, personnelId, target.email);
    await publishEvent(tx, { businessId: ctx.businessId, kind: 'personnel.updated', id: personnelId, actorUserId: ctx.userId });
  });
}

export type InvitationPreview = { businessName: string; personName: string; email: string };

/** What the invitation page shows before the person accepts; null when the link is not valid. */
export async function previewInvitation(db: Executor, token: string): Promise<InvitationPreview | null> {
  const { rows } = await db.execute<{ business_name: string; person_name: string; email: string }>(sql`
    select b.name as business_name, p.name as person_name, i.email
    from invitations i
    join businesses b on b.id = i.business_id
    join personnel p on p.business_id = i.business_id and p.id = i.personnel_id
    where i.token_hash = ${hashToken(token)} and i.accepted_at is null and i.expires_at > now() and p.user_id is null`);
  const row = rows[0];
  return row ? { businessName: row.business_name, personName: row.person_name, email: row.email } : null;
}

/** Links the signed-in user to the invited personnel record; returns the business's slug. */
export async function acceptInvitation(db: Executor, userId: string, token: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), sql`${invitations.expiresAt} > now()`))
      .for('update');
    if (!inv) throw new AppError('NOT_FOUND', 'personnel.errors.invitationInvalid');
    const [already] = await tx
      .select({ id: personnel.id })
      .from(personnel)
      .where(and(eq(personnel.businessId, inv.businessId), eq(personnel.userId, userId)));
    if (already) throw new AppError('CONFLICT', 'personnel.errors.alreadyMember');
    const [linked] = await tx
      .update(personnel)
      .set({ userId, version: sql`${personnel.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(personnel.businessId, inv.businessId), eq(personnel.id, inv.personnelId), isNull(personnel.userId)))
      .returning({ id: personnel.id });
    if (!linked) throw new AppError('NOT_FOUND', 'personnel.errors.invitationInvalid');
    await tx.update(invitations).set({ acceptedAt: sql`now()` }).where(and(eq(invitations.businessId, inv.businessId), eq(invitations.id, inv.id)));
    await emitChange(tx, { businessId: inv.businessId, userId }, { action: 'accept', entityType: 'personnel', entityId: inv.personnelId });
    await rememberLastBusiness(tx, userId, inv.businessId);
    await publishEvent(tx, { businessId: inv.businessId, kind: 'personnel.updated', id: inv.personnelId, actorUserId: userId });
    const { rows } = await tx.execute<{ slug: string }>(sql`select slug from businesses where id = ${inv.businessId}`);
    return rows[0]!.slug;
  });
}
