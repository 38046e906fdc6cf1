import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import { createPurchaseSchema, importPurchasesSchema, purchaseIdSchema, updatePurchaseSchema } from './schemas';
import { createPurchase, deletePurchase, importPurchases, updatePurchase } from './mutations';

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

// Importing writes purchases: the same permission as recording one by hand.
export const importPurchasesOperation = defineOperation(
  'importPurchases',
  { schema: importPurchasesSchema, permission: ['purchases', 'create'] },
  async (ctx, input) => {
    const data = await importPurchases(getDb(), ctx, { bytes: new Uint8Array(await input.file.arrayBuffer()) });
    return {
      message: data.failedRows > 0 ? 'purchases.import.doneWithErrors' : 'purchases.import.done',
      values: { created: data.created, existing: data.existing, failed: data.failedRows },
      data,
    };
  },
);
