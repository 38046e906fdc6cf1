import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { businesses } from './businesses';
import { byteText } from './customers';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export const stageKind = pgEnum('stage_kind', STAGE_KINDS);

/**
 * A list of task titles with due-date offsets; a won deal's project is made from the one its
 * pipeline names. `tasks` is `[{ title, offsetDays }]`, validated by the projects module.
 */
export const projectTemplates = pgTable(
  'project_templates',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    tasks: jsonb('tasks').notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.id] }), uniqueIndex('project_templates_name_key').on(t.businessId, sql`lower(${t.name})`)],
);

/** A sales pipeline; `project_template_id` is cleared with SET NULL (column) in the migration. */
export const pipelines = pgTable(
  'pipelines',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    projectTemplateId: uuid('project_template_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.id] }), uniqueIndex('pipelines_name_key').on(t.businessId, sql`lower(${t.name})`)],
);

/** An ordered stage of a pipeline; `probability` 0–100; `kind` says whether a deal here is won or lost. */
export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    businessId: uuid('business_id').notNull(),
    id: uuid('id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probability: smallint('probability').notNull().default(0),
    kind: stageKind('kind').notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('pipeline_stages_pipeline_idx').on(t.businessId, t.pipelineId, t.position),
    foreignKey({ columns: [t.businessId, t.pipelineId], foreignColumns: [pipelines.businessId, pipelines.id], name: 'pipeline_stages_pipeline_fk' }).onDelete('cascade'),
  ],
);

/**
 * A deal on a pipeline's board. `position` is a fractional-index key within its stage, computed on
 * the server under a lock on the stage row, so two moves into one gap get different keys. A move
 * changes only `stage_id`, `position` and `move_version`, never `version`: it does not conflict with
 * an edit of the card's content. `customer_id`/`owner_id` are cleared with SET NULL (column).
 */
export const deals = pgTable(
  'deals',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    position: byteText('position').notNull(),
    title: text('title').notNull(),
    customerId: uuid('customer_id'),
    valueMinor: bigint('value_minor', { mode: 'number' }).notNull().default(0),
    currency: char('currency', { length: 3 }).notNull(),
    expectedCloseDate: date('expected_close_date'),
    ownerId: uuid('owner_id'),
    // Null: the stage's probability applies.
    probability: smallint('probability'),
    source: text('source'),
    lostReason: text('lost_reason'),
    wonAt: timestamp('won_at', { withTimezone: true }),
    lostAt: timestamp('lost_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    moveVersion: integer('move_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    uniqueIndex('deals_stage_position_key').on(t.businessId, t.stageId, t.position),
    index('deals_pipeline_idx').on(t.businessId, t.pipelineId, t.stageId, t.position),
    index('deals_customer_idx').on(t.businessId, t.customerId),
    index('deals_owner_idx').on(t.businessId, t.ownerId),
    foreignKey({ columns: [t.businessId, t.pipelineId], foreignColumns: [pipelines.businessId, pipelines.id], name: 'deals_pipeline_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.businessId, t.stageId], foreignColumns: [pipelineStages.businessId, pipelineStages.id], name: 'deals_stage_fk' }),
  ],
);

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
export const quoteStatus = pgEnum('quote_status', QUOTE_STATUSES);

/**
 * A quote on a deal. Totals in minor units (VAT per line, half away from zero). The customer
 * opens it through a public link whose token only the e-mail holds (`public_token_hash`).
 */
export const quotes = pgTable(
  'quotes',
  {
    businessId: uuid('business_id').notNull(),
    id: uuid('id').notNull(),
    dealId: uuid('deal_id').notNull(),
    number: integer('number').notNull(),
    status: quoteStatus('status').notNull().default('draft'),
    language: text('language').notNull().default('tr'),
    currency: char('currency', { length: 3 }).notNull(),
    validUntil: date('valid_until'),
    notes: text('notes'),
    subtotalMinor: bigint('subtotal_minor', { mode: 'number' }).notNull().default(0),
    discountMinor: bigint('discount_minor', { mode: 'number' }).notNull().default(0),
    vatMinor: bigint('vat_minor', { mode: 'number' }).notNull().default(0),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull().default(0),
    publicTokenHash: text('public_token_hash'),
    // The outbox message of the last send: the quote's state follows that e-mail's (queued, held,
    // sent, failed). No foreign key: the outbox belongs to the interactions module.
    sentMessageId: uuid('sent_message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    uniqueIndex('quotes_number_key').on(t.businessId, t.number),
    uniqueIndex('quotes_public_token_key').on(t.publicTokenHash),
    index('quotes_deal_idx').on(t.businessId, t.dealId),
    foreignKey({ columns: [t.businessId, t.dealId], foreignColumns: [deals.businessId, deals.id], name: 'quotes_deal_fk' }).onDelete('cascade'),
  ],
);

/** A quote line: quantity in thousandths, discount and VAT in basis points. */
export const quoteItems = pgTable(
  'quote_items',
  {
    businessId: uuid('business_id').notNull(),
    quoteId: uuid('quote_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'number' }).notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    vatRateBp: integer('vat_rate_bp').notNull(),
    lineSubtotalMinor: bigint('line_subtotal_minor', { mode: 'number' }).notNull(),
    lineDiscountMinor: bigint('line_discount_minor', { mode: 'number' }).notNull(),
    lineVatMinor: bigint('line_vat_minor', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.quoteId, t.position] }),
    foreignKey({ columns: [t.businessId, t.quoteId], foreignColumns: [quotes.businessId, quotes.id], name: 'quote_items_quote_fk' }).onDelete('cascade'),
  ],
);

export const CONTRACT_STATUSES = ['draft', 'active', 'expired', 'terminated'] as const;
export const contractStatus = pgEnum('contract_status', CONTRACT_STATUSES);

/**
 * A contract file on a deal or a customer. `reminder_id` is the reminder made for its end; deal,
 * customer and reminder are cleared with SET NULL (column) in the migration.
 */
export const contracts = pgTable(
  'contracts',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    dealId: uuid('deal_id'),
    customerId: uuid('customer_id'),
    title: text('title').notNull(),
    status: contractStatus('status').notNull().default('draft'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    remindDaysBefore: integer('remind_days_before').notNull().default(30),
    reminderId: uuid('reminder_id'),
    fileName: text('file_name'),
    filePath: text('file_path'),
    fileType: text('file_type'),
    fileSize: integer('file_size'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('contracts_deal_idx').on(t.businessId, t.dealId),
    index('contracts_customer_idx').on(t.businessId, t.customerId),
  ],
);
