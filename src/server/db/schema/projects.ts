import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { businesses } from './businesses';
import { byteText } from './customers';

export const PROJECT_STATUSES = ['planned', 'active', 'on_hold', 'done', 'cancelled'] as const;
export const projectStatus = pgEnum('project_status', PROJECT_STATUSES);

/**
 * A project, optionally for a customer and made from a won deal. At most one project per deal
 * (`projects_deal_key`), so moving a deal out of a won stage and back makes no second one.
 * `customer_id`, `deal_id` and `owner_id` are cleared with SET NULL (column) in the migration.
 */
export const projects = pgTable(
  'projects',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    customerId: uuid('customer_id'),
    dealId: uuid('deal_id'),
    status: projectStatus('status').notNull().default('active'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    ownerId: uuid('owner_id'),
    // Folded name and description (lib/text.ts `searchText`), written with the row; the customer's
    // name is matched through the customers' own search column, so a rename needs no rewrite here.
    searchText: byteText('search_text').notNull(),
    // Turkish alphabetical key of the name (lib/text.ts `turkishSortKey`).
    sortName: byteText('sort_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    uniqueIndex('projects_deal_key').on(t.businessId, t.dealId).where(sql`${t.dealId} is not null`),
    index('projects_customer_idx').on(t.businessId, t.customerId),
    index('projects_owner_idx').on(t.businessId, t.ownerId),
    index('projects_status_idx').on(t.businessId, t.status),
    index('projects_sort_idx').on(t.businessId, t.sortName, t.id),
    index('projects_created_idx').on(t.businessId, t.createdAt, t.id),
    // The list's "due" order puts projects without an end date last: the same expression as the query.
    index('projects_due_idx').on(t.businessId, sql`coalesce(${t.endDate}, 'infinity'::date)`, t.id),
    // Without GIN's pending list: after a burst of new projects (an import) every search would scan
    // the unmerged entries until autovacuum merged them (measured: p95 250 ms at 20,000 fresh rows).
    index('projects_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`).with({ fastupdate: false }),
  ],
);

export const projectMembers = pgTable(
  'project_members',
  {
    businessId: uuid('business_id').notNull(),
    projectId: uuid('project_id').notNull(),
    personnelId: uuid('personnel_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.projectId, t.personnelId] }),
    index('project_members_personnel_idx').on(t.businessId, t.personnelId),
    foreignKey({ columns: [t.businessId, t.projectId], foreignColumns: [projects.businessId, projects.id], name: 'project_members_project_fk' }).onDelete('cascade'),
  ],
);

export const TASK_STATUS_CATEGORIES = ['todo', 'in_progress', 'done'] as const;
export const taskStatusCategory = pgEnum('task_status_category', TASK_STATUS_CATEGORIES);

/** A column of a project's board; each belongs to a category; `wip_limit` caps its cards. */
export const taskStatuses = pgTable(
  'task_statuses',
  {
    businessId: uuid('business_id').notNull(),
    id: uuid('id').notNull(),
    projectId: uuid('project_id').notNull(),
    name: text('name').notNull(),
    category: taskStatusCategory('category').notNull(),
    position: integer('position').notNull(),
    wipLimit: integer('wip_limit'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('task_statuses_project_idx').on(t.businessId, t.projectId, t.position),
    foreignKey({ columns: [t.businessId, t.projectId], foreignColumns: [projects.businessId, projects.id], name: 'task_statuses_project_fk' }).onDelete('cascade'),
  ],
);

export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const taskPriority = pgEnum('task_priority', TASK_PRIORITIES);

/**
 * A task, in a project (then `status_id` is one of its statuses) or on its own (then only
 * `category` says where it stands). `category` is copied from the status so progress and "my
 * tasks" need no join. Board moves change `status_id`, `category`, `position` and `move_version`,
 * never `version`. `customer_id` is cleared with SET NULL (column) in the migration.
 */
export const tasks = pgTable(
  'tasks',
  {
    // Tasks without a project hang on the business directly.
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    projectId: uuid('project_id'),
    statusId: uuid('status_id'),
    category: taskStatusCategory('category').notNull().default('todo'),
    position: byteText('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    customerId: uuid('customer_id'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    priority: taskPriority('priority').notNull().default('medium'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Minutes before `due_at` that the assignees are reminded (0: at due time); null: no reminder. */
    reminderMinutes: integer('reminder_minutes'),
    /** `due_at` minus `reminder_minutes`, kept by the tasks module on every write; null: nothing to remind. */
    remindAt: timestamp('remind_at', { withTimezone: true }),
    // When the reminder went out; cleared when `remind_at` changes.
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdById: uuid('created_by_id'),
    // Folded title and description (lib/text.ts `searchText`), written with the row.
    searchText: byteText('search_text').notNull(),
    version: integer('version').notNull().default(1),
    moveVersion: integer('move_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('tasks_board_idx').on(t.businessId, t.projectId, t.statusId, t.position),
    index('tasks_customer_idx').on(t.businessId, t.customerId),
    // The lists' "due" order puts tasks without a due time last: the same expression as the query.
    index('tasks_list_due_idx').on(t.businessId, sql`coalesce(${t.dueAt}, 'infinity'::timestamptz)`, t.id),
    index('tasks_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`).with({ fastupdate: false }),
    index('tasks_remind_idx').on(t.remindAt).where(sql`${t.completedAt} is null and ${t.remindedAt} is null and ${t.remindAt} is not null`),
    foreignKey({ columns: [t.businessId, t.projectId], foreignColumns: [projects.businessId, projects.id], name: 'tasks_project_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.businessId, t.statusId], foreignColumns: [taskStatuses.businessId, taskStatuses.id], name: 'tasks_status_fk' }),
  ],
);

export const taskAssignees = pgTable(
  'task_assignees',
  {
    businessId: uuid('business_id').notNull(),
    taskId: uuid('task_id').notNull(),
    personnelId: uuid('personnel_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.taskId, t.personnelId] }),
    index('task_assignees_personnel_idx').on(t.businessId, t.personnelId),
    foreignKey({ columns: [t.businessId, t.taskId], foreignColumns: [tasks.businessId, tasks.id], name: 'task_assignees_task_fk' }).onDelete('cascade'),
  ],
);

export const taskChecklistItems = pgTable(
  'task_checklist_items',
  {
    businessId: uuid('business_id').notNull(),
    id: uuid('id').notNull(),
    taskId: uuid('task_id').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    done: boolean('done').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('task_checklist_task_idx').on(t.businessId, t.taskId, t.position),
    foreignKey({ columns: [t.businessId, t.taskId], foreignColumns: [tasks.businessId, tasks.id], name: 'task_checklist_task_fk' }).onDelete('cascade'),
  ],
);

/** A comment on a task; @mentions notify the people named. `author_id` cleared with SET NULL (column). */
export const taskComments = pgTable(
  'task_comments',
  {
    businessId: uuid('business_id').notNull(),
    id: uuid('id').notNull(),
    taskId: uuid('task_id').notNull(),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('task_comments_task_idx').on(t.businessId, t.taskId, t.createdAt),
    foreignKey({ columns: [t.businessId, t.taskId], foreignColumns: [tasks.businessId, tasks.id], name: 'task_comments_task_fk' }).onDelete('cascade'),
  ],
);
