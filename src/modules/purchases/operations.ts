import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import { createPurchaseSchema, purchaseIdSchema, updatePurchaseSchema } from './schemas';
import { createPurchase, deletePurchase, updatePurchase } from './mutations';

export const createPurchaseOperation = defineOperation(
  'createPurchase',
  { schema: createPurchaseSchema, permission: ['purchases', 'create'] },
  async (ctx, input) => {
    const data = await createPurchase(getDb(), ctx, input);
    return { message: data.created ? 'purchases.created' : 'purchases.alreadyRecorded', data };
  },
);

export const updatePurchaseOperation = defineOperation(
  'updatePurchase',
  { schema: updatePurchaseSchema, permission: ['purchases', 'update'] },
  async (ctx, input) => ({ message: 'purchases.updated', data: await updatePurchase(getDb(), ctx, input) }),
);

export const deletePurchaseOperation = defineOperation(
  'deletePurchase',
  { schema: purchaseIdSchema, permission: ['purchases', 'delete'] },
  async (ctx, input) => {
    await deletePurchase(getDb(), ctx, input.id);
    return { message: 'purchases.deleted', data: null };
  },
);
