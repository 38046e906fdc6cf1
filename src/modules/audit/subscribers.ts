import 'server-only';
import type { TxSubscriber } from '@/server/events/domain';
import { recordAccountAudit, recordAudit } from './mutations';

/**
 * Every change in a business becomes an entry of its audit log, in the change's own transaction:
 * no change commits without its entry. A deleted business keeps no log of its own, so its
 * deletion goes to the deleting user's account log, which outlives it.
 */
export const auditSubscriber: TxSubscriber = {
  name: 'audit.record',
  on: '*',
  mode: 'tx',
  async handle(tx, event) {
    if (event.unaudited) return;
    if (event.type === 'business.delete') {
      if (event.actor.userId) await recordAccountAudit(tx, event.actor.userId, { action: 'delete', entityType: 'business', entityId: event.entityId });
      return;
    }
    await recordAudit(
      tx,
      { businessId: event.businessId, userId: event.actor.userId, apiKeyId: event.actor.apiKeyId ?? undefined },
      { action: event.action, entityType: event.entityType, entityId: event.entityId, changedFields: event.changedFields, meta: event.meta },
    );
  },
};
