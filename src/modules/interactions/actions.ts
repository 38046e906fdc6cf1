'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import {
  createInteractionOperation,
  createTemplateOperation,
  deleteInteractionOperation,
  deleteTemplateOperation,
  findCustomerOptionsOperation,
  findCustomerTimelineOperation,
  findInteractionsOperation,
  sendEmailOperation,
  sendSmsOperation,
  updateInteractionOperation,
  updateTemplateOperation,
} from './operations';

export async function createInteractionAction(slug: string, input: unknown) {
  return runBusinessAction(createInteractionOperation, slug, input);
}

export async function updateInteractionAction(slug: string, input: unknown) {
  return runBusinessAction(updateInteractionOperation, slug, input);
}

export async function deleteInteractionAction(slug: string, input: unknown) {
  return runBusinessAction(deleteInteractionOperation, slug, input);
}

export async function findCustomerTimelineAction(slug: string, input: unknown) {
  return runBusinessAction(findCustomerTimelineOperation, slug, input);
}

export async function sendEmailAction(slug: string, input: unknown) {
  return runBusinessAction(sendEmailOperation, slug, input);
}

export async function sendSmsAction(slug: string, input: unknown) {
  return runBusinessAction(sendSmsOperation, slug, input);
}

export async function createTemplateAction(slug: string, input: unknown) {
  return runBusinessAction(createTemplateOperation, slug, input);
}

export async function updateTemplateAction(slug: string, input: unknown) {
  return runBusinessAction(updateTemplateOperation, slug, input);
}

export async function deleteTemplateAction(slug: string, input: unknown) {
  return runBusinessAction(deleteTemplateOperation, slug, input);
}

export async function findInteractionsAction(slug: string, input: unknown) {
  return runBusinessAction(findInteractionsOperation, slug, input);
}

export async function findCustomerOptionsAction(slug: string, input: unknown) {
  return runBusinessAction(findCustomerOptionsOperation, slug, input);
}
