import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { authorize } from '@/server/auth/authorize';
import { findReminders, getReminder, type ReminderRecord } from './queries';
import { REMINDER_REPEATS } from './dates';
import { REMINDER_VIEWS, reminderFieldsSchema } from './schemas';
import {
  createReminderOperation,
  deleteReminderOperation,
  markReminderDoneOperation,
  updateReminderOperation,
} from './operations';
import { callOperation, defineEndpoint } from '@/server/api/endpoint';
import { listQuery } from '@/server/api/list-query';

const ref = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const reminderJson = z.object({
  id: z.uuid(),
  title: z.string(),
  dueAt: z.string().describe('ISO 8601 instant (UTC)'),
  note: z.string().nullable(),
  repeat: z.enum(REMINDER_REPEATS),
  doneAt: z.string().nullable(),
  customer: ref,
  assignee: ref,
  createdBy: ref,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

function toJson(r: ReminderRecord): z.infer<typeof reminderJson> {
  return {
    id: r.id,
    title: r.title,
    dueAt: r.dueAt.toISOString(),
    note: r.note,
    repeat: r.repeat,
    doneAt: r.doneAt?.toISOString() ?? null,
    customer: r.customer,
    assignee: r.assignee,
    createdBy: r.createdBy,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const listRemindersQuery = listQuery.omit({ search: true }).extend({
  view: z.enum(REMINDER_VIEWS, 'invalid').optional().describe('Default `open`: every reminder not done, by due date'),
  customerId: z.uuid('invalid').optional(),
  assigneeId: z.uuid('invalid').optional(),
});

export const listRemindersEndpoint = defineEndpoint({
  method: 'GET',
  path: '/reminders',
  tag: 'Reminders',
  summary: 'Reminders in a view (overdue, today, upcoming, done, open), with keyset paging',
  auth: 'any',
  query: listRemindersQuery,
  response: z.object({ data: z.array(reminderJson), nextCursor: z.string().nullable() }),
  run: async ({ ctx, query }) => {
    authorize(ctx, 'reminders', 'read');
    const page = await findReminders(getDb(), ctx, query);
    return { data: page.data.map(toJson), nextCursor: page.nextCursor };
  },
});

export const getReminderEndpoint = defineEndpoint({
  method: 'GET',
  path: '/reminders/{id}',
  tag: 'Reminders',
  summary: 'One reminder',
  auth: 'any',
  response: reminderJson,
  run: async ({ ctx, params }) => {
    authorize(ctx, 'reminders', 'read');
    return toJson(await getReminder(getDb(), ctx, params.id!));
  },
});

export const createReminderEndpoint = defineEndpoint({
  method: 'POST',
  path: '/reminders',
  tag: 'Reminders',
  summary: 'Create a reminder; `dueAt` without an offset is read in the business’s time zone',
  auth: 'any',
  body: reminderFieldsSchema,
  response: reminderJson,
  successStatus: 201,
  run: async ({ ctx, body }) => {
    const { id } = await callOperation(createReminderOperation, ctx, body);
    return toJson(await getReminder(getDb(), ctx, id));
  },
});

export const updateReminderEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/reminders/{id}',
  tag: 'Reminders',
  summary: 'Change fields of a reminder; send `version` to refuse a stale write (409)',
  auth: 'any',
  body: reminderFieldsSchema.partial().extend({ version: z.number().int().optional() }),
  response: reminderJson,
  run: async ({ ctx, params, body }) => {
    authorize(ctx, 'reminders', 'update');
    const current = await getReminder(getDb(), ctx, params.id!);
    const patch = body as Record<string, unknown>;
    await callOperation(updateReminderOperation, ctx, {
      title: current.title,
      // The stored instant, with its offset: unchanged unless the patch moves it.
      dueAt: current.dueAt.toISOString(),
      customerId: current.customer?.id ?? null,
      assigneeId: current.assignee?.id ?? null,
      note: current.note,
      repeat: current.repeat,
      ...patch,
      id: current.id,
      version: (patch.version as number | undefined) ?? current.version,
    });
    return toJson(await getReminder(getDb(), ctx, current.id));
  },
});

export const deleteReminderEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/reminders/{id}',
  tag: 'Reminders',
  summary: 'Delete a reminder and its history',
  auth: 'any',
  successStatus: 204,
  run: async ({ ctx, params }) => {
    await callOperation(deleteReminderOperation, ctx, { id: params.id });
    return null;
  },
});

export const markReminderDoneEndpoint = defineEndpoint({
  method: 'POST',
  path: '/reminders/{id}/done',
  tag: 'Reminders',
  summary: 'Mark the current occurrence done: a repeating reminder moves to its next date, a one-off one closes',
  auth: 'any',
  body: z.object({ version: z.number().int().optional() }),
  response: reminderJson,
  run: async ({ ctx, params, body }) => {
    await callOperation(markReminderDoneOperation, ctx, { id: params.id, ...(body as object) });
    return toJson(await getReminder(getDb(), ctx, params.id!));
  },
});
