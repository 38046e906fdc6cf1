import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import {
  addChecklistItemSchema,
  addCommentSchema,
  checklistItemIdSchema,
  createTaskSchema,
  moveTaskSchema,
  setTaskDoneSchema,
  taskIdSchema,
  toggleChecklistItemSchema,
  updateTaskSchema,
} from './schemas';
import { addChecklistItem, addComment, createTask, deleteTask, moveTask, removeChecklistItem, setTaskDone, toggleChecklistItem, updateTask } from './mutations';

export const createTaskOperation = defineOperation('createTask', { schema: createTaskSchema, permission: ['tasks', 'create'] }, async (ctx, input) => ({
  message: 'tasks.created',
  values: { title: input.title },
  data: await createTask(getDb(), ctx, input),
}));

export const updateTaskOperation = defineOperation('updateTask', { schema: updateTaskSchema, permission: ['tasks', 'update'] }, async (ctx, input) => ({
  message: 'tasks.updated',
  values: { title: input.title },
  data: await updateTask(getDb(), ctx, input),
}));

export const deleteTaskOperation = defineOperation('deleteTask', { schema: taskIdSchema, permission: ['tasks', 'delete'] }, async (ctx, input) => {
  const { title, projectId } = await deleteTask(getDb(), ctx, input.id);
  return { message: 'tasks.deleted', values: { title }, data: { projectId } };
});

export const moveTaskOperation = defineOperation('moveTask', { schema: moveTaskSchema, permission: ['tasks', 'update'] }, async (ctx, input) => ({
  message: 'tasks.moved',
  data: await moveTask(getDb(), ctx, input),
}));

export const setTaskDoneOperation = defineOperation('setTaskDone', { schema: setTaskDoneSchema, permission: ['tasks', 'update'] }, async (ctx, input) => {
  const { title } = await setTaskDone(getDb(), ctx, input);
  return { message: input.done ? 'tasks.markedDone' : 'tasks.reopened', values: { title }, data: null };
});

export const addChecklistItemOperation = defineOperation('addChecklistItem', { schema: addChecklistItemSchema, permission: ['tasks', 'update'] }, async (ctx, input) => ({
  message: 'tasks.checklistAdded',
  data: await addChecklistItem(getDb(), ctx, input),
}));

export const toggleChecklistItemOperation = defineOperation('toggleChecklistItem', { schema: toggleChecklistItemSchema, permission: ['tasks', 'update'] }, async (ctx, input) => {
  await toggleChecklistItem(getDb(), ctx, input);
  return { message: 'tasks.checklistUpdated', data: null };
});

export const removeChecklistItemOperation = defineOperation('removeChecklistItem', { schema: checklistItemIdSchema, permission: ['tasks', 'update'] }, async (ctx, input) => {
  await removeChecklistItem(getDb(), ctx, input.id);
  return { message: 'tasks.checklistRemoved', data: null };
});

export const addCommentOperation = defineOperation('addComment', { schema: addCommentSchema, permission: ['tasks', 'create'] }, async (ctx, input) => ({
  message: 'tasks.commentAdded',
  data: await addComment(getDb(), ctx, input),
}));
