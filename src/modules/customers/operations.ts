import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import {
  assignOwnerSchema,
  createCustomerSchema,
  createNoteSchema,
  createSegmentSchema,
  createTagSchema,
  customerIdSchema,
  deleteCustomersSchema,
  mergeCustomersSchema,
  noteIdSchema,
  segmentIdSchema,
  tagCustomersSchema,
  tagIdSchema,
  updateCustomerSchema,
  updateNoteSchema,
  updateSegmentSchema,
  updateTagSchema,
} from './schemas';
import {
  assignCustomerOwner,
  createCustomer,
  createNote,
  createSegment,
  createTag,
  deleteCustomers,
  deleteNote,
  deleteSegment,
  deleteTag,
  mergeCustomers,
  tagCustomers,
  updateCustomer,
  updateNote,
  updateSegment,
  updateTag,
} from './mutations';

export const createCustomerOperation = defineOperation(
  'createCustomer',
  { schema: createCustomerSchema, permission: ['customers', 'create'] },
  async (ctx, input) => ({ message: 'customers.created', values: { name: input.name }, data: await createCustomer(getDb(), ctx, input) }),
);

export const updateCustomerOperation = defineOperation(
  'updateCustomer',
  { schema: updateCustomerSchema, permission: ['customers', 'update'] },
  async (ctx, input) => ({ message: 'customers.updated', values: { name: input.name }, data: await updateCustomer(getDb(), ctx, input) }),
);

export const deleteCustomerOperation = defineOperation(
  'deleteCustomer',
  { schema: customerIdSchema, permission: ['customers', 'delete'] },
  async (ctx, input) => {
    await deleteCustomers(getDb(), ctx, [input.id]);
    return { message: 'customers.deleted', data: null };
  },
);

export const deleteCustomersOperation = defineOperation(
  'deleteCustomers',
  { schema: deleteCustomersSchema, permission: ['customers', 'delete'] },
  async (ctx, input) => {
    const data = await deleteCustomers(getDb(), ctx, input.ids);
    return { message: 'customers.bulkDeleted', values: { count: data.deleted }, data };
  },
);

export const tagCustomersOperation = defineOperation(
  'tagCustomers',
  { schema: tagCustomersSchema, permission: ['customers', 'update'] },
  async (ctx, input) => {
    const data = await tagCustomers(getDb(), ctx, input);
    return { message: input.remove ? 'customers.untagged' : 'customers.tagged', values: { count: data.changed }, data };
  },
);

export const assignCustomerOwnerOperation = defineOperation(
  'assignCustomerOwner',
  { schema: assignOwnerSchema, permission: ['customers', 'update'] },
  async (ctx, input) => {
    const data = await assignCustomerOwner(getDb(), ctx, input);
    return { message: 'customers.ownerAssigned', values: { count: data.changed }, data };
  },
);

// Merging deletes one of the two records, so it needs the delete permission (own, for sales).
export const mergeCustomersOperation = defineOperation(
  'mergeCustomers',
  { schema: mergeCustomersSchema, permission: ['customers', 'delete'] },
  async (ctx, input) => ({ message: 'customers.merged', data: await mergeCustomers(getDb(), ctx, input) }),
);

export const createTagOperation = defineOperation(
  'createTag',
  { schema: createTagSchema, permission: ['tags', 'create'] },
  async (ctx, input) => ({ message: 'customers.tags.created', values: { name: input.name }, data: await createTag(getDb(), ctx, input) }),
);

export const updateTagOperation = defineOperation(
  'updateTag',
  { schema: updateTagSchema, permission: ['tags', 'update'] },
  async (ctx, input) => ({ message: 'customers.tags.updated', values: { name: input.name }, data: await updateTag(getDb(), ctx, input) }),
);

export const deleteTagOperation = defineOperation(
  'deleteTag',
  { schema: tagIdSchema, permission: ['tags', 'delete'] },
  async (ctx, input) => {
    await deleteTag(getDb(), ctx, input.id);
    return { message: 'customers.tags.deleted', data: null };
  },
);

// Segments are saved audiences: the "campaigns, segments" row of the permission table.
export const createSegmentOperation = defineOperation(
  'createSegment',
  { schema: createSegmentSchema, permission: ['campaigns', 'create'] },
  async (ctx, input) => ({ message: 'customers.segments.created', values: { name: input.name }, data: await createSegment(getDb(), ctx, input) }),
);

export const updateSegmentOperation = defineOperation(
  'updateSegment',
  { schema: updateSegmentSchema, permission: ['campaigns', 'update'] },
  async (ctx, input) => ({ message: 'customers.segments.updated', values: { name: input.name }, data: await updateSegment(getDb(), ctx, input) }),
);

export const deleteSegmentOperation = defineOperation(
  'deleteSegment',
  { schema: segmentIdSchema, permission: ['campaigns', 'delete'] },
  async (ctx, input) => {
    await deleteSegment(getDb(), ctx, input.id);
    return { message: 'customers.segments.deleted', data: null };
  },
);

// Notes follow the "interactions, notes" row of the permission table.
export const createNoteOperation = defineOperation(
  'createCustomerNote',
  { schema: createNoteSchema, permission: ['interactions', 'create'] },
  async (ctx, input) => ({ message: 'customers.notes.created', data: await createNote(getDb(), ctx, input) }),
);

export const updateNoteOperation = defineOperation(
  'updateCustomerNote',
  { schema: updateNoteSchema, permission: ['interactions', 'update'] },
  async (ctx, input) => ({ message: 'customers.notes.updated', data: await updateNote(getDb(), ctx, input) }),
);

export const deleteNoteOperation = defineOperation(
  'deleteCustomerNote',
  { schema: noteIdSchema, permission: ['interactions', 'delete'] },
  async (ctx, input) => {
    await deleteNote(getDb(), ctx, input.id);
    return { message: 'customers.notes.deleted', data: null };
  },
);
