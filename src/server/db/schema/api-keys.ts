import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { businesses } from './businesses';
import { personnelRole } from './personnel';

/**
 * API keys of a business. The key itself is shown once; we keep its SHA-256 and a short random
 * prefix, so a request costs one indexed read and a stolen table yields no usable key.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    role: personnelRole('role').notNull(),
    // Not unique on purpose: the lookup is global (a request names no business), and the
    // data-model rule keeps every unique index tenant-first. The hash decides.
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdByUserId: text('created_by_user_id').references(() => user.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.id] }), index('api_keys_prefix_idx').on(t.prefix)],
);
