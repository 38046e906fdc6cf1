import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import { createPersonnelSchema, personnelIdSchema, updatePersonnelSchema } from './schemas';
import { createPersonnel, deletePersonnel, invitePersonnel, updatePersonnel } from './mutations';

export const createPersonnelOperation = defineOperation(
  'createPersonnel',
  { schema: createPersonnelSchema, permission: ['personnel', 'create'] },
  async (ctx, input) => {
    const data = await createPersonnel(getDb(), ctx, input);
    return { message: data.invited ? 'personnel.createdAndInvited' : 'personnel.created', values: { name: input.name }, data };
  },
);

export const updatePersonnelOperation = defineOperation(
  'updatePersonnel',
  { schema: updatePersonnelSchema, permission: ['personnel', 'update'] },
  async (ctx, input) => ({ message: 'personnel.updated', values: { name: input.name }, data: await updatePersonnel(getDb(), ctx, input) }),
);

export const deletePersonnelOperation = defineOperation(
  'deletePersonnel',
  { schema: personnelIdSchema, permission: ['personnel', 'delete'] },
  async (ctx, input) => {
    await deletePersonnel(getDb(), ctx, input.id);
    return { message: 'personnel.deleted', data: null };
  },
);

export const invitePersonnelOperation = defineOperation(
  'invitePersonnel',
  { schema: personnelIdSchema, permission: ['personnel', 'create'] },
  async (ctx, input) => {
    await invitePersonnel(getDb(), ctx, input.id);
    return { message: 'personnel.invited', data: null };
  },
);
