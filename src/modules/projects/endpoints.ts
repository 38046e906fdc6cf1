import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { authorize } from '@/server/auth/authorize';
import { findProjects, getProject, type ProjectRecord, type ProjectSummary } from './queries';
import { PROJECT_STATUSES, TASK_STATUS_CATEGORIES, projectFieldsSchema } from './schemas';
import { createProjectOperation, deleteProjectOperation, updateProjectOperation } from './operations';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';

const ref = z.object({ id: z.uuid(), name: z.string() }).nullable();
const progress = z.object({ total: z.number().int(), done: z.number().int(), percent: z.number().int() });

export const projectSummaryJson = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(PROJECT_STATUSES),
  customer: ref,
  owner: ref,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  dealId: z.uuid().nullable(),
  progress: progress.describe('Tasks in a done-category status out of all tasks'),
  updatedAt: z.string(),
});

export const projectJson = projectSummaryJson.extend({
  description: z.string().nullable(),
  members: z.array(z.object({ id: z.uuid(), name: z.string() })),
  statuses: z.array(
    z.object({ id: z.uuid(), name: z.string(), category: z.enum(TASK_STATUS_CATEGORIES), position: z.number().int(), wipLimit: z.number().int().nullable(), taskCount: z.number().int() }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
});

function summaryJson(p: ProjectSummary): z.infer<typeof projectSummaryJson> {
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    customer: p.customer,
    owner: p.owner,
    startDate: p.startDate,
    endDate: p.endDate,
    dealId: p.dealId,
    progress: p.progress,
    updatedAt: p.updatedAt.toISOString(),
  };
}

function toJson(p: ProjectRecord): z.infer<typeof projectJson> {
  return {
    ...summaryJson(p),
    description: p.description,
    members: p.members,
    statuses: p.statuses.map((s) => ({ id: s.id, name: s.name, category: s.category, position: s.position, wipLimit: s.wipLimit, taskCount: s.taskCount })),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  };
}

export const listProjectsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/projects',
  tag: 'Projects',
  summary: 'Projects with their progress, newest first (at most 500)',
  auth: 'any',
  query: z.object({ customerId: z.uuid('invalid').optional() }),
  response: z.object({ data: z.array(projectSummaryJson) }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'projects', 'read');
    return { data: (await findProjects(getDb(), ctx, query)).map(summaryJson) };
  },
});

export const getProjectEndpoint = defineEndpoint({
  method: 'GET',
  path: '/projects/{id}',
  tag: 'Projects',
  summary: 'One project with its statuses (board columns) and progress',
  auth: 'any',
  response: projectJson,
  run: async ({ ctx, params }) => {
    authorize(ctx, 'projects', 'read');
    return toJson(await getProject(getDb(), ctx, params.id!));
  },
});

export const createProjectEndpoint = defineEndpoint({
  method: 'POST',
  path: '/projects',
  tag: 'Projects',
  summary: 'Create a project; it starts with the default statuses',
  auth: 'any',
  body: projectFieldsSchema,
  response: projectJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    const { id } = await callOperation(createProjectOperation, ctx, body);
    return toJson(await getProject(getDb(), ctx, id));
  },
});

export const updateProjectEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/projects/{id}',
  tag: 'Projects',
  summary: 'Change fields of a project; send `version` to refuse a stale write (409)',
  auth: 'any',
  body: z.object({
    name: z.string().optional(),
    description: z.string().nullable().optional(),
    customerId: z.uuid().nullable().optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
    startDate: z.string().nullable().optional(),
    endDate: z.string().nullable().optional(),
    ownerId: z.uuid().nullable().optional(),
    memberIds: z.array(z.uuid()).optional(),
    version: z.number().int().optional(),
  }),
  response: projectJson,
  run: async ({ ctx, params, body }) => {
    authorize(ctx, 'projects', 'update');
    const current = await getProject(getDb(), ctx, params.id!, 'update');
    const patch = body as Record<string, unknown>;
    await callOperation(updateProjectOperation, ctx, {
      name: current.name,
      description: current.description,
      customerId: current.customer?.id ?? null,
      status: current.status,
      startDate: current.startDate,
      endDate: current.endDate,
      ownerId: current.owner?.id ?? null,
      memberIds: current.members.map((m) => m.id),
      ...patch,
      id: current.id,
      version: (patch.version as number | undefined) ?? current.version,
    });
    return toJson(await getProject(getDb(), ctx, current.id));
  },
});

export const deleteProjectEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/projects/{id}',
  tag: 'Projects',
  summary: 'Delete a project with its statuses and tasks',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deleteProjectOperation, ctx, { id: params.id });
    return null;
  },
});
