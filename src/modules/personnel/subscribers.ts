import 'server-only';
import { eq } from 'drizzle-orm';
import { personnel, user } from '@/server/db/schema';
import { emitChange, type TxSubscriber } from '@/server/events/domain';
import { newId } from '@/lib/ids';

/**
 * A new business: the user who made it becomes its first person, in the role owner, in the same
 * transaction (a business never exists without an owner).
 */
export const businessOwnerSubscriber: TxSubscriber = {
  name: 'personnel.business-owner',
  on: 'business.create',
  mode: 'tx',
  async handle(tx, event) {
    const userId = event.actor.userId;
    if (!userId) throw new Error('business.create without a user');
    const [creator] = await tx.select({ name: user.name, email: user.email }).from(user).where(eq(user.id, userId));
    if (!creator) throw new Error('business.create by an unknown user');
    const personnelId = newId();
    await tx.insert(personnel).values({
      businessId: event.businessId,
      id: personnelId,
      userId,
      name: creator.name,
      email: creator.email,
      role: 'owner',
    });
    await emitChange(tx, { businessId: event.businessId, userId }, { action: 'create', entityType: 'personnel', entityId: personnelId });
  },
};
