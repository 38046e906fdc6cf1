import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { businesses } from './businesses';

/**
 * Who changed what in a business. Holds names of changed fields and record ids, never the
 * personal data itself, so the log can be kept after a person is erased.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    actorUserId: text('actor_user_id'),
    // Set when the change came through an API key; the user is then the key's creator.
    actorApiKeyId: uuid('actor_api_key_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changedFields: text('changed_fields').array(),
    meta: jsonb('meta').$type<Record<string, string | number | boolean | null>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('audit_log_business_created_idx').on(t.businessId, t.createdAt),
    index('audit_log_business_entity_idx').on(t.businessId, t.entityType, t.entityId),
  ],
);

/**
 * Events of a user's account that must outlive a business, such as the deletion of the
 * business itself. No foreign key to the user: the entry stays meaningful as history.
 */
export const accountAuditLog = pgTable(
  'account_audit_log',
  {
    id: uuid('id').primaryKey(),
    userId: text('user_id').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    meta: jsonb('meta').$type<Record<string, string | number | boolean | null>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_audit_log_user_idx').on(t.userId, t.createdAt)],
);
