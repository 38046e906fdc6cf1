import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import { createReminderSchema, markReminderDoneSchema, reminderIdSchema, updateReminderSchema } from './schemas';
import { createReminder, deleteReminder, markReminderDone, updateReminder } from './mutations';

export const createReminderOperation = defineOperation(
  'createReminder',
  { schema: createReminderSchema, permission: ['reminders', 'create'] },
  async (ctx, input) => {
    const { id } = await createReminder(getDb(), ctx, input);
    return { message: 'reminders.created', values: { title: input.title }, data: { id } };
  },
);

export const updateReminderOperation = defineOperation(
  'updateReminder',
  { schema: updateReminderSchema, permission: ['reminders', 'update'] },
  async (ctx, input) => ({ message: 'reminders.updated', values: { title: input.title }, data: await updateReminder(getDb(), ctx, input) }),
);

export const deleteReminderOperation = defineOperation(
  'deleteReminder',
  { schema: reminderIdSchema, permission: ['reminders', 'delete'] },
  async (ctx, input) => {
    const { title } = await deleteReminder(getDb(), ctx, input.id);
    return { message: 'reminders.deleted', values: { title }, data: null };
  },
);

export const markReminderDoneOperation = defineOperation(
  'markReminderDone',
  { schema: markReminderDoneSchema, permission: ['reminders', 'update'] },
  async (ctx, input) => {
    const result = await markReminderDone(getDb(), ctx, input);
    return {
      message: result.nextDueAt ? 'reminders.doneAndMoved' : 'reminders.done',
      values: { title: result.title },
      data: { version: result.version, nextDueAt: result.nextDueAt?.toISOString() ?? null },
    };
  },
);

