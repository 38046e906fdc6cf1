import 'server-only';
import { getDb } from '@/server/db/client';
import { defineOperation } from '@/server/actions/operation';
import {
  createProjectSchema,
  createProjectTemplateSchema,
  createTaskStatusSchema,
  projectIdSchema,
  projectTemplateIdSchema,
  reorderTaskStatusesSchema,
  taskStatusIdSchema,
  updateProjectSchema,
  updateProjectTemplateSchema,
  updateTaskStatusSchema,
} from './schemas';
import {
  createProject,
  createProjectTemplate,
  createTaskStatus,
  deleteProject,
  deleteProjectTemplate,
  deleteTaskStatus,
  reorderTaskStatuses,
  updateProject,
  updateProjectTemplate,
  updateTaskStatus,
} from './mutations';

export const createProjectOperation = defineOperation('createProject', { schema: createProjectSchema, permission: ['projects', 'create'] }, async (ctx, input) => ({
  message: 'projects.created',
  values: { name: input.name },
  data: await createProject(getDb(), ctx, input),
}));

export const updateProjectOperation = defineOperation('updateProject', { schema: updateProjectSchema, permission: ['projects', 'update'] }, async (ctx, input) => ({
  message: 'projects.updated',
  values: { name: input.name },
  data: await updateProject(getDb(), ctx, input),
}));

export const deleteProjectOperation = defineOperation('deleteProject', { schema: projectIdSchema, permission: ['projects', 'delete'] }, async (ctx, input) => {
  const { name } = await deleteProject(getDb(), ctx, input.id);
  return { message: 'projects.deleted', values: { name }, data: null };
});

export const createTaskStatusOperation = defineOperation('createTaskStatus', { schema: createTaskStatusSchema, permission: ['projects', 'update'] }, async (ctx, input) => ({
  message: 'projects.statusCreated',
  values: { name: input.name },
  data: await createTaskStatus(getDb(), ctx, input),
}));

export const updateTaskStatusOperation = defineOperation('updateTaskStatus', { schema: updateTaskStatusSchema, permission: ['projects', 'update'] }, async (ctx, input) => ({
  message: 'projects.statusUpdated',
  values: { name: input.name },
  data: await updateTaskStatus(getDb(), ctx, input),
}));

export const deleteTaskStatusOperation = defineOperation('deleteTaskStatus', { schema: taskStatusIdSchema, permission: ['projects', 'update'] }, async (ctx, input) => {
  const { name } = await deleteTaskStatus(getDb(), ctx, input.id);
  return { message: 'projects.statusDeleted', values: { name }, data: null };
});

export const reorderTaskStatusesOperation = defineOperation('reorderTaskStatuses', { schema: reorderTaskStatusesSchema, permission: ['projects', 'update'] }, async (ctx, input) => {
  await reorderTaskStatuses(getDb(), ctx, input);
  return { message: 'projects.statusesReordered', data: null };
});

export const createProjectTemplateOperation = defineOperation('createProjectTemplate', { schema: createProjectTemplateSchema, permission: ['pipelines', 'create'] }, async (ctx, input) => ({
  message: 'projects.templates.created',
  values: { name: input.name },
  data: await createProjectTemplate(getDb(), ctx, input),
}));

export const updateProjectTemplateOperation = defineOperation('updateProjectTemplate', { schema: updateProjectTemplateSchema, permission: ['pipelines', 'update'] }, async (ctx, input) => ({
  message: 'projects.templates.updated',
  values: { name: input.name },
  data: await updateProjectTemplate(getDb(), ctx, input),
}));

export const deleteProjectTemplateOperation = defineOperation('deleteProjectTemplate', { schema: projectTemplateIdSchema, permission: ['pipelines', 'delete'] }, async (ctx, input) => {
  const { name } = await deleteProjectTemplate(getDb(), ctx, input.id);
  return { message: 'projects.templates.deleted', values: { name }, data: null };
});
