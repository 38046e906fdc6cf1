import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { businesses } from './businesses';

export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'done', 'failed'] as const;
export const IMPORT_DUPLICATE_MODES = ['skip', 'update', 'create'] as const;
export const importStatus = pgEnum('import_status', IMPORT_STATUSES);
export const importDuplicateMode = pgEnum('import_duplicate_mode', IMPORT_DUPLICATE_MODES);

/**
 * A CSV import. The job commits rows in batches and advances `next_row` in the same
 * transaction, so after a restart it goes on from there and imports no row twice.
 */
export const imports = pgTable(
  'imports',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    kind: text('kind').notNull().default('customers'),
    status: importStatus('status').notNull().default('uploaded'),
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    encoding: text('encoding').notNull(),
    delimiter: text('delimiter').notNull(),
    mapping: jsonb('mapping'),
    duplicateMode: importDuplicateMode('duplicate_mode').notNull().default('skip'),
    totalRows: integer('total_rows').notNull().default(0),
    nextRow: integer('next_row').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    failedCount: integer('failed_count').notNull().default(0),
    // [{ row, field, message }] for rows that were not imported.
    errors: jsonb('errors').notNull().default([]),
    createdById: uuid('created_by_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.id] }), index('imports_created_idx').on(t.businessId, t.createdAt)],
);
