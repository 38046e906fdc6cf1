import { z } from 'zod';
import { dateField, hasNoNul, optionalDateField, optionalText, requiredText, uuidField, versionField } from '@/lib/validation';

export const PROJECT_STATUSES = ['planned', 'active', 'on_hold', 'done', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const TASK_STATUS_CATEGORIES = ['todo', 'in_progress', 'done'] as const;
export type TaskStatusCategory = (typeof TASK_STATUS_CATEGORIES)[number];

const optionalId = z
  .union([uuidField, z.literal('')], 'invalid')
  .nullish()
  .transform((v) => v || null);

export const projectFieldsSchema = z
  .object({
    name: requiredText(200),
    description: optionalText(4000),
    customerId: optionalId,
    status: z.enum(PROJECT_STATUSES, 'invalid').default('active'),
    startDate: optionalDateField,
    endDate: optionalDateField,
    ownerId: optionalId,
    memberIds: z.array(uuidField, 'invalid').max(100, 'tooLong').default([]),
    /** The deal this project is for; winning it records the win here. Absent: unchanged; null: none. */
    dealId: z
      .union([uuidField, z.literal('')], 'invalid')
      .nullish()
      .transform((v) => (v === undefined ? undefined : v || null))
      .optional(),
  })
  .refine((v) => !v.startDate || !v.endDate || v.startDate <= v.endDate, { message: 'invalid', path: ['endDate'] });

export const createProjectSchema = projectFieldsSchema;
export type CreateProjectInput = z.input<typeof createProjectSchema>;
export const updateProjectSchema = projectFieldsSchema.and(z.object({ id: uuidField, version: versionField }));
export const projectIdSchema = z.object({ id: uuidField });

export const findProjectsSchema = z.object({ customerId: uuidField.optional() });

/**
 * What the project list filters by: its search and controls, and the API's parameters. `dueFrom`
 * and `dueTo` bound the end date, both days included.
 */
export const projectFilterSchema = z
  .object({
    search: z.string('invalid').trim().max(100, 'tooLong').refine(hasNoNul, 'invalid').optional(),
    statuses: z.array(z.enum(PROJECT_STATUSES, 'invalid'), 'invalid').max(PROJECT_STATUSES.length, 'tooMany').optional(),
    customerId: uuidField.optional(),
    ownerId: uuidField.optional(),
    dueFrom: dateField.optional(),
    dueTo: dateField.optional(),
  })
  .refine((v) => !v.dueFrom || !v.dueTo || v.dueFrom <= v.dueTo, { message: 'invalid', path: ['dueTo'] });
export type ProjectFilter = z.output<typeof projectFilterSchema>;

/** The orders of the project list: name (Turkish alphabet), creation, end date (none last). */
export const PROJECT_SORTS = ['name', 'created', 'due'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
export const PROJECT_VIEWS = ['cards', 'list'] as const;
export type ProjectView = (typeof PROJECT_VIEWS)[number];

/** A board column of a project. */
export const taskStatusFieldsSchema = z.object({
  name: requiredText(60),
  category: z.enum(TASK_STATUS_CATEGORIES, 'invalid'),
  wipLimit: z
    .union([z.number('invalid').int('invalid').min(1, 'invalid').max(1000, 'invalid'), z.literal('')], 'invalid')
    .nullish()
    .transform((v) => (typeof v === 'number' ? v : null)),
});
export const createTaskStatusSchema = taskStatusFieldsSchema.extend({ projectId: uuidField });
export const updateTaskStatusSchema = taskStatusFieldsSchema.extend({ id: uuidField, version: versionField });
export const taskStatusIdSchema = z.object({ id: uuidField });
/** The columns of a project in their new order. */
export const reorderTaskStatusesSchema = z.object({ projectId: uuidField, ids: z.array(uuidField, 'invalid').min(1).max(50) });

/** A task of a template: its due date is the project's creation day plus `offsetDays`. */
export const templateTaskSchema = z.object({
  title: requiredText(200),
  offsetDays: z.number('invalid').int('invalid').min(0, 'invalid').max(3650, 'invalid'),
});
export const projectTemplateFieldsSchema = z.object({
  name: requiredText(120),
  tasks: z.array(templateTaskSchema, 'invalid').max(200, 'tooLong').default([]),
});
export const createProjectTemplateSchema = projectTemplateFieldsSchema;
export const updateProjectTemplateSchema = projectTemplateFieldsSchema.extend({ id: uuidField, version: versionField });
export const projectTemplateIdSchema = z.object({ id: uuidField });
export type TemplateTask = z.output<typeof templateTaskSchema>;
