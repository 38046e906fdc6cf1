'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import {
  createReminderOperation,
  deleteReminderOperation,
  markReminderDoneOperation,
  updateReminderOperation,
} from './operations';

export async function createReminderAction(slug: string, input: unknown) {
  return runBusinessAction(createReminderOperation, slug, input);
}

export async function updateReminderAction(slug: string, input: unknown) {
  return runBusinessAction(updateReminderOperation, slug, input);
}

export async function deleteReminderAction(slug: string, input: unknown) {
  return runBusinessAction(deleteReminderOperation, slug, input);
}

export async function markReminderDoneAction(slug: string, input: unknown) {
  return runBusinessAction(markReminderDoneOperation, slug, input);
}

