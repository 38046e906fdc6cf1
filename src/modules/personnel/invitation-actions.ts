'use server';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { runUserAction } from '@/server/actions/run-action';
import { AppError } from '@/lib/errors';
import { acceptInvitation } from './mutations';

const tokenSchema = z.string().min(20).max(200);

/** Links the signed-in user to the invited personnel record. */
export async function acceptInvitationAction(token: unknown) {
  return runUserAction('acceptInvitation', async (user) => {
    const parsed = tokenSchema.safeParse(token);
    if (!parsed.success) throw new AppError('NOT_FOUND', 'personnel.errors.invitationInvalid');
    const slug = await acceptInvitation(getDb(), user.id, parsed.data);
    return { ok: true, message: 'personnel.invitationAccepted', data: { slug } };
  });
}
