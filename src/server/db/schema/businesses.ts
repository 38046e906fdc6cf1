import { sql } from 'drizzle-orm';
import { boolean, char, integer, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth';

/** The tenant. Every other business table carries `business_id` and references this row. */
export const businesses = pgTable(
  'businesses',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    sector: text('sector'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    taxNumber: text('tax_number'),
    taxOffice: text('tax_office'),
    currency: char('currency', { length: 3 }).notNull().default('TRY'),
    timeZone: text('time_zone').notNull().default('Europe/Istanbul'),
    // The language of the person who created the business: default stages and task columns are
    // named in it, whoever opens them first. Renaming them is up to the business.
    language: text('language').notNull().default('tr'),
    logoPath: text('logo_path'),
    // A customer whose deal is won becomes an active customer, unless the business turns it off.
    wonDealActivatesCustomer: boolean('won_deal_activates_customer').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('businesses_slug_key').on(t.slug)],
);

/** Per-user preferences that are not part of better-auth's user record. */
export const userSettings = pgTable('user_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  // Not a foreign key: a deleted business must not block or cascade into the user's settings.
  lastBusinessId: uuid('last_business_id'),
  /** The user's own time zone (IANA name); null: each business's zone. */
  timeZone: text('time_zone'),
  /** How many minutes before its due time a new task of this user reminds (0: at due time); null: no reminder. */
  taskReminderMinutes: integer('task_reminder_minutes').default(60),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});
