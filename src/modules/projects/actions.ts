'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import {
  createProjectOperation,
  createProjectTemplateOperation,
  createTaskStatusOperation,
  deleteProjectOperation,
  deleteProjectTemplateOperation,
  deleteTaskStatusOperation,
  reorderTaskStatusesOperation,
  updateProjectOperation,
  updateProjectTemplateOperation,
  updateTaskStatusOperation,
} from './operations';

export async function createProjectAction(slug: string, input: unknown) {
  return runBusinessAction(createProjectOperation, slug, input);
}
export async function updateProjectAction(slug: string, input: unknown) {
  return runBusinessAction(updateProjectOperation, slug, input);
}
export async function deleteProjectAction(slug: string, input: unknown) {
  return runBusinessAction(deleteProjectOperation, slug, input);
}
export async function createTaskStatusAction(slug: string, input: unknown) {
  return runBusinessAction(createTaskStatusOperation, slug, input);
}
export async function updateTaskStatusAction(slug: string, input: unknown) {
  return runBusinessAction(updateTaskStatusOperation, slug, input);
}
export async function deleteTaskStatusAction(slug: string, input: unknown) {
  return runBusinessAction(deleteTaskStatusOperation, slug, input);
}
export async function reorderTaskStatusesAction(slug: string, input: unknown) {
  return runBusinessAction(reorderTaskStatusesOperation, slug, input);
}
export async function createProjectTemplateAction(slug: string, input: unknown) {
  return runBusinessAction(createProjectTemplateOperation, slug, input);
}
export async function updateProjectTemplateAction(slug: string, input: unknown) {
  return runBusinessAction(updateProjectTemplateOperation, slug, input);
}
export async function deleteProjectTemplateAction(slug: string, input: unknown) {
  return runBusinessAction(deleteProjectTemplateOperation, slug, input);
}
