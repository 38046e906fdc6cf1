import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { authorize } from '@/server/auth/authorize';
import { findProjectsPage, getProject, type ProjectRecord, type ProjectSummary } from './queries';
import { PROJECT_SORTS, PROJECT_STATUSES, TASK_STATUS_CATEGORIES, projectFieldsSchema, projectFilterSchema, type ProjectSort } from './schemas';
import { listQuery, parseFilters, parseSort, sortParam } from '@/server/api/list-query';
import { dateField } from '@/lib/validation';
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
  summary:
    'Projects with their progress, newest first unless `sort` says otherwise, with keyset paging; `search` matches the name, the description and the customer’s name, ignoring case and Turkish letters; `dueFrom`/`dueTo` bound the end date (days included)',
  auth: 'any',
  query: listQuery.extend({
    status: z.enum(PROJECT_STATUSES, 'invalid').optional(),
    customerId: z.uuid('invalid').optional(),
    ownerId: z.uuid('invalid').optional(),
    dueFrom: dateField.optional().describe('YYYY-MM-DD'),
    dueTo: dateField.optional().describe('YYYY-MM-DD'),
    sort: sortParam(PROJECT_SORTS, '-created'),
  }),
  response: z.object({ data: z.array(projectSummaryJson), nextCursor: z.string().nullable() }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'projects', 'read');
    const filters = parseFilters(projectFilterSchema, {
      search: query.search,
      statuses: query.status ? [query.status] : undefined,
      customerId: query.customerId,
      ownerId: query.ownerId,
      dueFrom: query.dueFrom,
      dueTo: query.dueTo,
    });
    const page = await findProjectsPage(getDb(), ctx, { ...parseSort<ProjectSort>(query.sort), filters, cursor: query.cursor, limit: query.limit });
    return { data: page.data.map(summaryJson), nextCursor: page.nextCursor };
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
