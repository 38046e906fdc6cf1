import { z } from 'zod';
import { dateField, hasNoNul, optionalText, requiredText, uuidField, versionField } from '@/lib/validation';
import { isDateTimeText } from '@/lib/dates';
import { MAX_TASK_REMINDER_MINUTES } from './reminder';

export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_CATEGORIES = ['todo', 'in_progress', 'done'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

const optionalId = z
  .union([uuidField, z.literal('')], 'invalid')
  .nullish()
  .transform((v) => v || null);

/** ISO 8601 with an offset, or a wall-clock time ("2026-01-31 09:00") in the business's zone. */
const optionalDueAt = z
  .union([z.string().trim().max(40, 'invalid').refine((v) => v === '' || isDateTimeText(v), 'invalid'), z.null()], 'invalid')
  .optional()
  .transform((v) => v || null)
  .describe('ISO 8601 date and time; without an offset it is read in the business’s time zone');

/** Left out: on create the creator's default (account settings), on an edit the task's current one. */
const reminderMinutesField = z
  .union([z.number('invalid').int('invalid').min(0, 'invalid').max(MAX_TASK_REMINDER_MINUTES, 'invalid'), z.null()], 'invalid')
  .optional()
  .describe('Minutes before the due time that the assignees are reminded in the app and by e-mail (0: at the due time, null: no reminder)');

export const taskFieldsSchema = z.object({
  title: requiredText(300),
  description: optionalText(10000),
  customerId: optionalId,
  assigneeIds: z.array(uuidField, 'invalid').max(20, 'tooLong').default([]),
  dueAt: optionalDueAt,
  priority: z.enum(TASK_PRIORITIES, 'invalid').default('medium'),
  reminderMinutes: reminderMinutesField,
});

export const createTaskSchema = taskFieldsSchema.extend({
  projectId: optionalId,
  /** A column of the project; its first column when left out. */
  statusId: optionalId,
  /** For a task without a project: where it stands. */
  category: z.enum(TASK_CATEGORIES, 'invalid').optional(),
});
export type CreateTaskInput = z.input<typeof createTaskSchema>;

export const updateTaskSchema = taskFieldsSchema.extend({ id: uuidField, version: versionField });
export const taskIdSchema = z.object({ id: uuidField });

/**
 * A board move: the column and the cards it lands between (either may be left out: top or end of
 * the column). Only the server computes the order key.
 */
export const moveTaskSchema = z.object({
  id: uuidField,
  statusId: uuidField,
  beforeId: optionalId,
  afterId: optionalId,
});
export type MoveTaskInput = z.input<typeof moveTaskSchema>;

export const setTaskDoneSchema = z.object({ id: uuidField, done: z.boolean('invalid') });

export const addChecklistItemSchema = z.object({ taskId: uuidField, text: requiredText(500) });
export const toggleChecklistItemSchema = z.object({ id: uuidField, done: z.boolean('invalid') });
export const checklistItemIdSchema = z.object({ id: uuidField });

export const addCommentSchema = z.object({ taskId: uuidField, body: requiredText(10000) });

/**
 * What the task lists filter by ("my tasks", a project's list, the API). `statuses` are the
 * categories every project shares; `dueFrom`/`dueTo` are calendar days in the caller's time zone.
 */
export const taskFilterSchema = z
  .object({
    search: z.string('invalid').trim().max(100, 'tooLong').refine(hasNoNul, 'invalid').optional(),
    categories: z.array(z.enum(TASK_CATEGORIES, 'invalid'), 'invalid').max(TASK_CATEGORIES.length, 'tooMany').optional(),
    priorities: z.array(z.enum(TASK_PRIORITIES, 'invalid'), 'invalid').max(TASK_PRIORITIES.length, 'tooMany').optional(),
    projectId: uuidField.optional(),
    assigneeId: uuidField.optional(),
    dueFrom: dateField.optional(),
    dueTo: dateField.optional(),
  })
  .refine((v) => !v.dueFrom || !v.dueTo || v.dueFrom <= v.dueTo, { message: 'invalid', path: ['dueTo'] });
export type TaskFilter = z.output<typeof taskFilterSchema>;

/** The orders of the task lists: due time (none last), creation, priority. */
export const TASK_SORTS = ['due', 'created', 'priority'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export const findTasksSchema = z.object({
  projectId: uuidField.optional(),
  assigneeId: uuidField.optional(),
  cursor: z.string().max(400, 'tooLong').optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** Mentions are written `@[Name](personnel-id)` into a comment by the editor. */
export const MENTION_RE = /@\[([^\]\n]{1,120})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_RE)].map((m) => m[2]!.toLowerCase()))];
}
