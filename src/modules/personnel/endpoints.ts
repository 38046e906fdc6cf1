import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { ROLES } from '@/lib/permissions';
import { authorize } from '@/server/auth/authorize';
import { findPersonnel, getPersonnel, type PersonnelRecord } from './queries';
import { createPersonnelSchema, personnelFieldsSchema } from './schemas';
import {
  createPersonnelOperation,
  deletePersonnelOperation,
  updatePersonnelOperation,
} from './operations';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';
import { listQuery } from '@/server/api/list-query';

export const personnelJson = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable().describe('E.164'),
  title: z.string().nullable(),
  department: z.string().nullable(),
  role: z.enum(ROLES),
  active: z.boolean(),
  hasLogin: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

function toJson(p: PersonnelRecord): z.infer<typeof personnelJson> {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    phone: p.phone,
    title: p.title,
    department: p.department,
    role: p.role,
    active: p.active,
    hasLogin: p.hasLogin,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const listPersonnel = defineEndpoint({
  method: 'GET',
  path: '/personnel',
  tag: 'Personnel',
  summary: 'The business’s personnel, by name, with keyset paging',
  auth: 'any',
  query: listQuery,
  response: z.object({ data: z.array(personnelJson), nextCursor: z.string().nullable() }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'personnel', 'read');
    const page = await findPersonnel(getDb(), ctx, query);
    return { data: page.data.map(toJson), nextCursor: page.nextCursor };
  },
});

export const getPersonnelEndpoint = defineEndpoint({
  method: 'GET',
  path: '/personnel/{id}',
  tag: 'Personnel',
  summary: 'One personnel record',
  auth: 'any',
  response: personnelJson,
  run: async ({ ctx, params }) => {
    authorize(ctx, 'personnel', 'read');
    return toJson(await getPersonnel(getDb(), ctx, params.id!));
  },
});

export const createPersonnelEndpoint = defineEndpoint({
  method: 'POST',
  path: '/personnel',
  tag: 'Personnel',
  summary: 'Add a person; `invite: true` e-mails them a link to sign in',
  auth: 'any',
  body: createPersonnelSchema,
  response: personnelJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    const { id } = await callOperation(createPersonnelOperation, ctx, body);
    return toJson(await getPersonnel(getDb(), ctx, id));
  },
});

export const updatePersonnelEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/personnel/{id}',
  tag: 'Personnel',
  summary: 'Change fields of a person; send `version` to refuse a stale write (409)',
  auth: 'any',
  body: personnelFieldsSchema.partial().extend({ version: z.number().int().optional() }),
  response: personnelJson,
  run: async ({ ctx, params, body }) => {
    const current = await getPersonnel(getDb(), ctx, params.id!);
    const patch = body as Record<string, unknown>;
    await callOperation(updatePersonnelOperation, ctx, {
      ...toJson(current),
      ...patch,
      id: current.id,
      version: (patch.version as number | undefined) ?? current.version,
    });
    return toJson(await getPersonnel(getDb(), ctx, current.id));
  },
});

export const deletePersonnelEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/personnel/{id}',
  tag: 'Personnel',
  summary: 'Delete a person from the business',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deletePersonnelOperation, ctx, { id: params.id });
    return null;
  },
});
