import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { authorize } from '@/server/auth/authorize';
import { findTasks, getTask, type TaskCard } from './queries';
import { TASK_CATEGORIES, TASK_PRIORITIES, TASK_SORTS, createTaskSchema, taskFilterSchema, type TaskSort, moveTaskSchema, updateTaskSchema } from './schemas';
import { createTaskOperation, deleteTaskOperation } from './operations';
import { moveTask, updateTask } from './mutations';
import { fieldErrorsOf } from '@/server/actions/operation';
import { AppError } from '@/lib/errors';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';
import { listQuery, parseFilters, parseSort, sortParam } from '@/server/api/list-query';
import { dateField } from '@/lib/validation';

const ref = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const taskJson = z.object({
  id: z.uuid(),
  title: z.string(),
  project: ref,
  statusId: z.uuid().nullable(),
  category: z.enum(TASK_CATEGORIES),
  position: z.string().describe('Order key within the status (byte-wise)'),
  priority: z.enum(TASK_PRIORITIES),
  dueAt: z.string().nullable().describe('ISO 8601 instant (UTC)'),
  reminderMinutes: z.number().int().nullable().describe('Minutes before the due time that the assignees are reminded (0: at the due time); null: no reminder'),
  completedAt: z.string().nullable(),
  assignees: z.array(z.object({ id: z.uuid(), name: z.string() })),
  customer: ref,
  checklist: z.object({ done: z.number().int(), total: z.number().int() }),
  comments: z.number().int(),
  version: z.number().int().describe('Content version: send it back with a content change'),
  moveVersion: z.number().int().describe('Counts board moves; moves never change `version`'),
});

const taskDetailJson = taskJson.extend({ description: z.string().nullable() });

function toJson(t: TaskCard): z.infer<typeof taskJson> {
  return {
    id: t.id,
    title: t.title,
    project: t.project,
    statusId: t.statusId,
    category: t.category,
    position: t.position,
    priority: t.priority,
    dueAt: t.dueAt?.toISOString() ?? null,
    reminderMinutes: t.reminderMinutes,
    completedAt: t.completedAt?.toISOString() ?? null,
    assignees: t.assignees,
    customer: t.customer,
    checklist: t.checklist,
    comments: t.comments,
    version: t.version,
    moveVersion: t.moveVersion,
  };
}

async function detail(ctx: Parameters<typeof getTask>[1], id: string): Promise<z.infer<typeof taskDetailJson>> {
  const task = await getTask(getDb(), ctx, id);
  return { ...toJson(task), description: task.description };
}

export const listTasksEndpoint = defineEndpoint({
  method: 'GET',
  path: '/tasks',
  tag: 'Tasks',
  summary:
    'Tasks (of a project, or assigned to a person), oldest first unless `sort` says otherwise, with keyset paging; `search` matches title and description, ignoring case and Turkish letters; `status` is the category; `dueFrom`/`dueTo` are days in the caller’s time zone (both included)',
  auth: 'any',
  query: listQuery.extend({
    projectId: z.uuid('invalid').optional(),
    assigneeId: z.uuid('invalid').optional(),
    status: z.enum(TASK_CATEGORIES, 'invalid').optional(),
    priority: z.enum(TASK_PRIORITIES, 'invalid').optional(),
    dueFrom: dateField.optional().describe('YYYY-MM-DD'),
    dueTo: dateField.optional().describe('YYYY-MM-DD'),
    sort: sortParam(TASK_SORTS, 'created'),
  }),
  response: z.object({ data: z.array(taskJson), nextCursor: z.string().nullable() }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'tasks', 'read');
    const filters = parseFilters(taskFilterSchema, {
      search: query.search,
      categories: query.status ? [query.status] : undefined,
      priorities: query.priority ? [query.priority] : undefined,
      projectId: query.projectId,
      assigneeId: query.assigneeId,
      dueFrom: query.dueFrom,
      dueTo: query.dueTo,
    });
    const page = await findTasks(getDb(), ctx, { ...parseSort<TaskSort>(query.sort), filters, cursor: query.cursor, limit: query.limit });
    return { data: page.data.map(toJson), nextCursor: page.nextCursor };
  },
});

export const getTaskEndpoint = defineEndpoint({
  method: 'GET',
  path: '/tasks/{id}',
  tag: 'Tasks',
  summary: 'One task',
  auth: 'any',
  response: taskDetailJson,
  run: async ({ ctx, params }) => {
    authorize(ctx, 'tasks', 'read');
    return detail(ctx, params.id!);
  },
});

export const createTaskEndpoint = defineEndpoint({
  method: 'POST',
  path: '/tasks',
  tag: 'Tasks',
  summary:
    'Create a task; in a project it goes to the end of `statusId` (default: the first status) and, given no `customerId`, is for the project’s customer. Without `reminderMinutes` it takes the default of the key’s creator (an hour before when unset).',
  auth: 'any',
  body: createTaskSchema,
  response: taskDetailJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    const { id } = await callOperation(createTaskOperation, ctx, body);
    return detail(ctx, id);
  },
});

export const updateTaskEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/tasks/{id}',
  tag: 'Tasks',
  summary:
    'Move a task (`statusId` with `beforeId` = the card above it and/or `afterId` = the card below it; the server computes the order key; refused with 409 when the status is at its WIP limit) and/or change its content (send `version`: a stale one gets 409). A move never changes `version`.',
  auth: 'any',
  body: z.object({
    statusId: z.uuid().optional(),
    beforeId: z.uuid().nullable().optional(),
    afterId: z.uuid().nullable().optional(),
    title: z.string().optional(),
    description: z.string().nullable().optional(),
    customerId: z.uuid().nullable().optional(),
    assigneeIds: z.array(z.uuid()).optional(),
    dueAt: z.string().nullable().optional(),
    priority: z.enum(TASK_PRIORITIES).optional(),
    reminderMinutes: z.number().int().nullable().optional().describe('Minutes before the due time that the assignees are reminded (0: at the due time); null: no reminder'),
    version: z.number().int().optional(),
  }),
  response: taskDetailJson,
  run: async ({ ctx, params, body }) => {
    authorize(ctx, 'tasks', 'update');
    const { statusId, beforeId, afterId, ...content } = body as Record<string, unknown>;
    const current = await getTask(getDb(), ctx, params.id!, 'update');
    const hasContent = Object.keys(content).some((k) => k !== 'version');
    const edit =
      hasContent || statusId === undefined
        ? parse(updateTaskSchema, {
            title: current.title,
            description: current.description,
            customerId: current.customer?.id ?? null,
            assigneeIds: current.assignees.map((a) => a.id),
            dueAt: current.dueAt?.toISOString() ?? null,
            priority: current.priority,
            reminderMinutes: current.reminderMinutes,
            ...content,
            id: current.id,
            version: (content.version as number | undefined) ?? current.version,
          })
        : null;
    const move = statusId !== undefined ? parse(moveTaskSchema, { id: current.id, statusId, beforeId, afterId }) : null;
    // Both or neither: a refused move leaves the content edit unsaved too.
    await getDb().transaction(async (tx) => {
      if (edit) await updateTask(tx, ctx, edit);
      if (move) await moveTask(tx, ctx, move);
    });
    return detail(ctx, current.id);
  },
});

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION', 'errors.VALIDATION', fieldErrorsOf(parsed.error));
  return parsed.data;
}

export const deleteTaskEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/tasks/{id}',
  tag: 'Tasks',
  summary: 'Delete a task with its checklist and comments',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deleteTaskOperation, ctx, { id: params.id });
    return null;
  },
});
