import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import { contractIdSchema, createContractSchema, updateContractSchema } from './schemas';
import { createContract, deleteContract, updateContract } from './mutations';

export const createContractOperation = defineOperation('createContract', { schema: createContractSchema, permission: ['deals', 'create'] }, async (ctx, input) => ({
  message: 'contracts.created',
  values: { title: input.title },
  data: await createContract(getDb(), ctx, input),
}));

export const updateContractOperation = defineOperation('updateContract', { schema: updateContractSchema, permission: ['deals', 'update'] }, async (ctx, input) => ({
  message: 'contracts.updated',
  values: { title: input.title },
  data: await updateContract(getDb(), ctx, input),
}));

export const deleteContractOperation = defineOperation('deleteContract', { schema: contractIdSchema, permission: ['deals', 'delete'] }, async (ctx, input) => {
  const { title } = await deleteContract(getDb(), ctx, input.id);
  return { message: 'contracts.deleted', values: { title }, data: null };
});
