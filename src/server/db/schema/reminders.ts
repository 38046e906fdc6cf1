import { boolean, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid, uniqueIndex, foreignKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { businesses } from './businesses';
import { user } from './auth';

export const REMINDER_REPEATS = ['none', 'daily', 'weekly', 'monthly'] as const;
export const reminderRepeat = pgEnum('reminder_repeat', REMINDER_REPEATS);

/**
 * A dated to-do, optionally about a customer. A repeating reminder moves `due_at` to its next
 * date when it is marked done; `anchor_day` keeps the day of month it started on, so a monthly
 * reminder of the 31st falls on the 30th or 28th and comes back to the 31st. Done occurrences are
 * kept in `reminder_occurrences`.
 *
 * `customer_id` and `assignee_id` are cleared with `ON DELETE SET NULL (column)` in the migration.
 */
export const reminders = pgTable(
  'reminders',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    customerId: uuid('customer_id'),
    assigneeId: uuid('assignee_id'),
    note: text('note'),
    repeat: reminderRepeat('repeat').notNull().default('none'),
    anchorDay: smallint('anchor_day'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    // When the notification for the current `due_at` was sent; cleared when `due_at` changes.
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    createdById: uuid('created_by_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('reminders_due_idx').on(t.businessId, t.doneAt, t.dueAt),
    index('reminders_customer_idx').on(t.businessId, t.customerId, t.dueAt),
    index('reminders_assignee_idx').on(t.businessId, t.assigneeId, t.dueAt),
    // The notifier scans open reminders that fell due and were not notified yet, across businesses.
    index('reminders_pending_notify_idx').on(t.dueAt).where(sql`${t.doneAt} is null and ${t.notifiedAt} is null`),
  ],
);

export const reminderOccurrences = pgTable(
  'reminder_occurrences',
  {
    businessId: uuid('business_id').notNull(),
    id: uuid('id').notNull(),
    reminderId: uuid('reminder_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull(),
    doneById: uuid('done_by_id'),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('reminder_occurrences_reminder_idx').on(t.businessId, t.reminderId, t.dueAt),
    foreignKey({ columns: [t.businessId, t.reminderId], foreignColumns: [reminders.businessId, reminders.id], name: 'reminder_occurrences_reminder_fk' }).onDelete('cascade'),
  ],
);

/**
 * An in-app notification for one user in one business. `dedupe_key` makes sending idempotent: a
 * job that runs twice, or two workers, insert the same key and the second insert does nothing.
 */
export const notifications = pgTable(
  'notifications',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    uniqueIndex('notifications_dedupe_key').on(t.businessId, t.dedupeKey),
    index('notifications_user_idx').on(t.businessId, t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.businessId, t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** How a user wants to hear about things; defaults apply when there is no row. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  inApp: boolean('in_app').notNull().default(true),
  email: boolean('email').notNull().default(true),
  // The language of the user's e-mails ('tr' or 'en'), saved with the preferences; null: Turkish.
  locale: text('locale'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
