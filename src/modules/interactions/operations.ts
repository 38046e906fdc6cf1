import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import {
  createInteractionSchema,
  createTemplateSchema,
  customerOptionsSchema,
  findCustomerTimelineSchema,
  findInteractionsSchema,
  interactionIdSchema,
  sendEmailSchema,
  sendSmsSchema,
  templateIdSchema,
  updateInteractionSchema,
  updateTemplateSchema,
} from './schemas';
import { createInteraction, createTemplate, deleteInteraction, deleteTemplate, updateInteraction, updateTemplate } from './mutations';
import { sendEmail, sendSms } from './outbox';
import { findCustomerOptions, findCustomerTimeline, findInteractions } from './queries';

/** Reads for the client components: the timeline's "load more" and the customer picker. */
export const findInteractionsOperation = defineOperation(
  'findInteractions',
  { schema: findInteractionsSchema, permission: ['interactions', 'read'] },
  async (ctx, input) => ({ message: 'interactions.loaded', data: await findInteractions(getDb(), ctx, input) }),
);

export const findCustomerTimelineOperation = defineOperation(
  'findCustomerTimeline',
  { schema: findCustomerTimelineSchema, permission: ['interactions', 'read'] },
  async (ctx, input) => ({ message: 'interactions.loaded', data: await findCustomerTimeline(getDb(), ctx, input) }),
);

export const findCustomerOptionsOperation = defineOperation(
  'findCustomerOptions',
  { schema: customerOptionsSchema, permission: ['customers', 'read'] },
  async (ctx, input) => ({ message: 'interactions.loaded', data: await findCustomerOptions(getDb(), ctx, input.search) }),
);

export const createInteractionOperation = defineOperation(
  'createInteraction',
  { schema: createInteractionSchema, permission: ['interactions', 'create'] },
  async (ctx, input) => ({ message: 'interactions.created', data: await createInteraction(getDb(), ctx, input) }),
);

// "Own" roles may change only what they logged: the mutation's query enforces it.
export const updateInteractionOperation = defineOperation(
  'updateInteraction',
  { schema: updateInteractionSchema, permission: ['interactions', 'update'] },
  async (ctx, input) => ({ message: 'interactions.updated', data: await updateInteraction(getDb(), ctx, input) }),
);

export const deleteInteractionOperation = defineOperation(
  'deleteInteraction',
  { schema: interactionIdSchema, permission: ['interactions', 'delete'] },
  async (ctx, input) => {
    await deleteInteraction(getDb(), ctx, input.id);
    return { message: 'interactions.deleted', data: null };
  },
);

export const sendEmailOperation = defineOperation(
  'sendEmail',
  { schema: sendEmailSchema, permission: ['interactions', 'create'] },
  async (ctx, input) => {
    const data = await sendEmail(getDb(), ctx, input);
    return { message: data.status === 'held' ? 'interactions.emailHeld' : 'interactions.emailQueued', data };
  },
);

export const sendSmsOperation = defineOperation(
  'sendSms',
  { schema: sendSmsSchema, permission: ['interactions', 'create'] },
  async (ctx, input) => {
    const data = await sendSms(getDb(), ctx, input);
    return { message: data.status === 'held' ? 'interactions.smsHeld' : 'interactions.smsQueued', data };
  },
);

export const createTemplateOperation = defineOperation(
  'createTemplate',
  { schema: createTemplateSchema, permission: ['templates', 'create'] },
  async (ctx, input) => ({ message: 'interactions.templates.created', values: { name: input.name }, data: await createTemplate(getDb(), ctx, input) }),
);

export const updateTemplateOperation = defineOperation(
  'updateTemplate',
  { schema: updateTemplateSchema, permission: ['templates', 'update'] },
  async (ctx, input) => ({ message: 'interactions.templates.updated', values: { name: input.name }, data: await updateTemplate(getDb(), ctx, input) }),
);

export const deleteTemplateOperation = defineOperation(
  'deleteTemplate',
  { schema: templateIdSchema, permission: ['templates', 'delete'] },
  async (ctx, input) => {
    await deleteTemplate(getDb(), ctx, input.id);
    return { message: 'interactions.templates.deleted', data: null };
  },
);
