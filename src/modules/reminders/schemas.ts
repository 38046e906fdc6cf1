import { z } from 'zod';
import { optionalText, requiredText, uuidField, versionField } from '@/lib/validation';
import { isDateTimeText } from '@/lib/dates';
import { REMINDER_REPEATS } from './dates';

export { REMINDER_REPEATS };
export const REMINDER_VIEWS = ['overdue', 'today', 'upcoming', 'done', 'open'] as const;
export type ReminderView = (typeof REMINDER_VIEWS)[number];

/**
 * A due date as text: ISO 8601 with an offset (an instant), or without one ("2026-01-31 09:00"),
 * a wall-clock time in the business's time zone.
 */
export const dueAtField = z
  .string('required')
  .trim()
  .min(1, 'required')
  .max(40, 'invalid')
  .refine(isDateTimeText, 'invalid')
  .describe('ISO 8601 date and time; without an offset it is read in the business’s time zone');

const optionalId = z
  .union([uuidField, z.literal('')], 'invalid')
  .nullish()
  .transform((v) => v || null);

export const reminderFieldsSchema = z.object({
  title: requiredText(200),
  dueAt: dueAtField,
  customerId: optionalId,
  assigneeId: optionalId,
  note: optionalText(4000),
  repeat: z.enum(REMINDER_REPEATS, 'invalid').default('none'),
});

export const createReminderSchema = reminderFieldsSchema;
export type CreateReminderInput = z.input<typeof createReminderSchema>;

export const updateReminderSchema = reminderFieldsSchema.extend({ id: uuidField, version: versionField });
export type UpdateReminderInput = z.input<typeof updateReminderSchema>;

export const reminderIdSchema = z.object({ id: uuidField });

/** Marking done may carry the version the user saw, to refuse a stale click (409). */
export const markReminderDoneSchema = z.object({ id: uuidField, version: versionField.optional() });

export const findRemindersSchema = z.object({
  view: z.enum(REMINDER_VIEWS, 'invalid').optional(),
  customerId: uuidField.optional(),
  assigneeId: uuidField.optional(),
  cursor: z.string().max(400, 'tooLong').optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
