'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import {
  addChecklistItemOperation,
  addCommentOperation,
  createTaskOperation,
  deleteTaskOperation,
  moveTaskOperation,
  removeChecklistItemOperation,
  setTaskDoneOperation,
  toggleChecklistItemOperation,
  updateTaskOperation,
} from './operations';

export async function createTaskAction(slug: string, input: unknown) {
  return runBusinessAction(createTaskOperation, slug, input);
}
export async function updateTaskAction(slug: string, input: unknown) {
  return runBusinessAction(updateTaskOperation, slug, input);
}
export async function deleteTaskAction(slug: string, input: unknown) {
  return runBusinessAction(deleteTaskOperation, slug, input);
}
export async function moveTaskAction(slug: string, input: unknown) {
  return runBusinessAction(moveTaskOperation, slug, input);
}
export async function setTaskDoneAction(slug: string, input: unknown) {
  return runBusinessAction(setTaskDoneOperation, slug, input);
}
export async function addChecklistItemAction(slug: string, input: unknown) {
  return runBusinessAction(addChecklistItemOperation, slug, input);
}
export async function toggleChecklistItemAction(slug: string, input: unknown) {
  return runBusinessAction(toggleChecklistItemOperation, slug, input);
}
export async function removeChecklistItemAction(slug: string, input: unknown) {
  return runBusinessAction(removeChecklistItemOperation, slug, input);
}
export async function addCommentAction(slug: string, input: unknown) {
  return runBusinessAction(addCommentOperation, slug, input);
}
