import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { authorize } from '@/server/auth/authorize';
import { findInteractions, getInteraction, type InteractionRecord } from './queries';
import {
  createInteractionSchema,
  findInteractionsSchema,
  INTERACTION_DIRECTIONS,
  INTERACTION_TYPES,
  interactionFieldsSchema,
} from './schemas';
import {
  createInteractionOperation,
  deleteInteractionOperation,
  updateInteractionOperation,
} from './operations';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';

const named = z.object({ id: z.uuid(), name: z.string() });

export const interactionJson = z.object({
  id: z.uuid(),
  type: z.enum(INTERACTION_TYPES),
  direction: z.enum(INTERACTION_DIRECTIONS).nullable(),
  occurredAt: z.string().describe('ISO 8601 instant'),
  durationMinutes: z.number().int().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  outcome: z.string().nullable(),
  createdById: z.uuid().nullable().describe('The personnel record that logged it'),
  customers: z.array(named),
  personnel: z.array(named).describe('Personnel who took part'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

function toJson(i: InteractionRecord): z.infer<typeof interactionJson> {
  return {
    id: i.id,
    type: i.type,
    direction: i.direction,
    occurredAt: i.occurredAt.toISOString(),
    durationMinutes: i.durationMinutes,
    subject: i.subject,
    body: i.body,
    outcome: i.outcome,
    createdById: i.createdById,
    customers: i.customers,
    personnel: i.personnel,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** The fields as a client sends them: the request schema of the create and the patch. */
function current(i: InteractionRecord) {
  const { customers, personnel, ...rest } = toJson(i);
  return { ...rest, customerIds: customers.map((c) => c.id), personnelIds: personnel.map((p) => p.id) };
}

export const listInteractions = defineEndpoint({
  method: 'GET',
  path: '/interactions',
  tag: 'Interactions',
  summary: 'The business’s interactions, newest first, with keyset paging; `customerId` gives one customer’s timeline',
  auth: 'any',
  query: findInteractionsSchema,
  response: z.object({ data: z.array(interactionJson), nextCursor: z.string().nullable() }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'interactions', 'read');
    const page = await findInteractions(getDb(), ctx, query);
    return { data: page.data.map(toJson), nextCursor: page.nextCursor };
  },
});

export const getInteractionEndpoint = defineEndpoint({
  method: 'GET',
  path: '/interactions/{id}',
  tag: 'Interactions',
  summary: 'One interaction',
  auth: 'any',
  response: interactionJson,
  run: async ({ ctx, params }) => {
    authorize(ctx, 'interactions', 'read');
    return toJson(await getInteraction(getDb(), ctx, params.id!));
  },
});

export const createInteractionEndpoint = defineEndpoint({
  method: 'POST',
  path: '/interactions',
  tag: 'Interactions',
  summary: 'Log an e-mail, call, meeting, note or SMS with one or more customers',
  auth: 'any',
  body: createInteractionSchema,
  response: interactionJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    const { id } = await callOperation(createInteractionOperation, ctx, body);
    return toJson(await getInteraction(getDb(), ctx, id));
  },
});

export const updateInteractionEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/interactions/{id}',
  tag: 'Interactions',
  summary: 'Change fields of an interaction; send `version` to refuse a stale write (409)',
  auth: 'any',
  body: interactionFieldsSchema.partial().extend({ version: z.number().int().optional() }),
  response: interactionJson,
  run: async ({ ctx, params, body }) => {
    const existing = await getInteraction(getDb(), ctx, params.id!);
    const patch = body as Record<string, unknown>;
    await callOperation(updateInteractionOperation, ctx, {
      ...current(existing),
      ...patch,
      id: existing.id,
      version: (patch.version as number | undefined) ?? existing.version,
    });
    return toJson(await getInteraction(getDb(), ctx, existing.id));
  },
});

export const deleteInteractionEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/interactions/{id}',
  tag: 'Interactions',
  summary: 'Delete an interaction',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deleteInteractionOperation, ctx, { id: params.id });
    return null;
  },
});
