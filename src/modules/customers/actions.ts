'use server';
import { runBusinessAction } from '@/server/actions/run-action';
import {
  assignCustomerOwnerOperation,
  createCustomerOperation,
  createNoteOperation,
  createSegmentOperation,
  createTagOperation,
  deleteCustomerOperation,
  deleteCustomersOperation,
  deleteNoteOperation,
  deleteSegmentOperation,
  deleteTagOperation,
  mergeCustomersOperation,
  tagCustomersOperation,
  updateCustomerOperation,
  updateNoteOperation,
  updateSegmentOperation,
  updateTagOperation,
} from './operations';

export async function createCustomerAction(slug: string, input: unknown) {
  return runBusinessAction(createCustomerOperation, slug, input);
}

export async function updateCustomerAction(slug: string, input: unknown) {
  return runBusinessAction(updateCustomerOperation, slug, input);
}

export async function deleteCustomerAction(slug: string, input: unknown) {
  return runBusinessAction(deleteCustomerOperation, slug, input);
}

export async function deleteCustomersAction(slug: string, input: unknown) {
  return runBusinessAction(deleteCustomersOperation, slug, input);
}

export async function tagCustomersAction(slug: string, input: unknown) {
  return runBusinessAction(tagCustomersOperation, slug, input);
}

export async function assignCustomerOwnerAction(slug: string, input: unknown) {
  return runBusinessAction(assignCustomerOwnerOperation, slug, input);
}

export async function mergeCustomersAction(slug: string, input: unknown) {
  return runBusinessAction(mergeCustomersOperation, slug, input);
}

export async function createTagAction(slug: string, input: unknown) {
  return runBusinessAction(createTagOperation, slug, input);
}

export async function updateTagAction(slug: string, input: unknown) {
  return runBusinessAction(updateTagOperation, slug, input);
}

export async function deleteTagAction(slug: string, input: unknown) {
  return runBusinessAction(deleteTagOperation, slug, input);
}

export async function createSegmentAction(slug: string, input: unknown) {
  return runBusinessAction(createSegmentOperation, slug, input);
}

export async function updateSegmentAction(slug: string, input: unknown) {
  return runBusinessAction(updateSegmentOperation, slug, input);
}

export async function deleteSegmentAction(slug: string, input: unknown) {
  return runBusinessAction(deleteSegmentOperation, slug, input);
}

export async function createCustomerNoteAction(slug: string, input: unknown) {
  return runBusinessAction(createNoteOperation, slug, input);
}

export async function updateCustomerNoteAction(slug: string, input: unknown) {
  return runBusinessAction(updateNoteOperation, slug, input);
}

export async function deleteCustomerNoteAction(slug: string, input: unknown) {
  return runBusinessAction(deleteNoteOperation, slug, input);
}
