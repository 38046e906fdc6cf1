import {
  boolean,
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
import { sql } from 'drizzle-orm';
import { user } from './auth';
import { businesses } from './businesses';
import { ROLES } from '../../../lib/permissions';

export const personnelRole = pgEnum('personnel_role', ROLES);

/**
 * The business's staff. A person may exist without a login (`user_id` null) and be invited later;
 * the role on this row is the only place a user's permissions in the business come from.
 */
export const personnel = pgTable(
  'personnel',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    department: text('department'),
    role: personnelRole('role').notNull().default('member'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    uniqueIndex('personnel_business_user_key').on(t.businessId, t.userId),
    uniqueIndex('personnel_business_email_key')
      .on(t.businessId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    index('personnel_user_idx').on(t.userId),
    index('personnel_business_name_idx').on(t.businessId, t.name, t.id),
  ],
);

/** An e-mailed link that lets a person sign up or sign in and be linked to a personnel record. */
export const invitations = pgTable(
  'invitations',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    personnelId: uuid('personnel_id').notNull(),
    email: text('email').notNull(),
    // SHA-256 of the token; the token itself is only ever in the e-mailed link.
    tokenHash: text('token_hash').notNull(),
    invitedByUserId: text('invited_by_user_id').references(() => user.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    foreignKey({
      columns: [t.businessId, t.personnelId],
      foreignColumns: [personnel.businessId, personnel.id],
      name: 'invitations_personnel_fk',
    }).onDelete('cascade'),
  ],
);
