'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import {
  createPersonnelOperation,
  deletePersonnelOperation,
  invitePersonnelOperation,
  updatePersonnelOperation,
} from './operations';

export async function createPersonnelAction(slug: string, input: unknown) {
  return runBusinessAction(createPersonnelOperation, slug, input);
}

export async function updatePersonnelAction(slug: string, input: unknown) {
  return runBusinessAction(updatePersonnelOperation, slug, input);
}

export async function deletePersonnelAction(slug: string, input: unknown) {
  return runBusinessAction(deletePersonnelOperation, slug, input);
}

export async function invitePersonnelAction(slug: string, input: unknown) {
  return runBusinessAction(invitePersonnelOperation, slug, input);
}
