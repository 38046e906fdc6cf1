import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { businesses } from './businesses';
import { customers } from './customers';
import { personnel } from './personnel';

export const INTERACTION_TYPES = ['email', 'call', 'meeting', 'note', 'sms'] as const;
export const INTERACTION_DIRECTIONS = ['inbound', 'outbound'] as const;
export const interactionType = pgEnum('interaction_type', INTERACTION_TYPES);
export const interactionDirection = pgEnum('interaction_direction', INTERACTION_DIRECTIONS);

/** One e-mail, call, meeting, note or SMS with one or more customers. */
export const interactions = pgTable(
  'interactions',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    type: interactionType('type').notNull(),
    direction: interactionDirection('direction'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes'),
    subject: text('subject'),
    body: text('body'),
    outcome: text('outcome'),
    // Who logged it; cleared with SET NULL (created_by_id) in the migration.
    createdById: uuid('created_by_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('interactions_feed_idx').on(t.businessId, t.occurredAt, t.id),
    index('interactions_type_idx').on(t.businessId, t.type, t.occurredAt),
  ],
);

export const interactionCustomers = pgTable(
  'interaction_customers',
  {
    businessId: uuid('business_id').notNull(),
    interactionId: uuid('interaction_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    // Copied from the interaction so a customer's timeline is one index range scan.
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.interactionId, t.customerId] }),
    index('interaction_customers_timeline_idx').on(t.businessId, t.customerId, t.occurredAt),
    foreignKey({ columns: [t.businessId, t.interactionId], foreignColumns: [interactions.businessId, interactions.id], name: 'interaction_customers_interaction_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.businessId, t.customerId], foreignColumns: [customers.businessId, customers.id], name: 'interaction_customers_customer_fk' }).onDelete('cascade'),
  ],
);

export const interactionPersonnel = pgTable(
  'interaction_personnel',
  {
    businessId: uuid('business_id').notNull(),
    interactionId: uuid('interaction_id').notNull(),
    personnelId: uuid('personnel_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.interactionId, t.personnelId] }),
    index('interaction_personnel_personnel_idx').on(t.businessId, t.personnelId),
    foreignKey({ columns: [t.businessId, t.interactionId], foreignColumns: [interactions.businessId, interactions.id], name: 'interaction_personnel_interaction_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.businessId, t.personnelId], foreignColumns: [personnel.businessId, personnel.id], name: 'interaction_personnel_personnel_fk' }).onDelete('cascade'),
  ],
);

export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export const messageChannel = pgEnum('message_channel', MESSAGE_CHANNELS);

/** A reusable e-mail or SMS text with `{{customer.name}}`-style fields. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    channel: messageChannel('channel').notNull(),
    name: text('name').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    uniqueIndex('message_templates_name_key').on(t.businessId, t.channel, sql`lower(${t.name})`),
  ],
);

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'held'] as const;
export const outboxStatus = pgEnum('outbox_status', OUTBOX_STATUSES);

export type OutboxAttachmentRef = { kind: 'quote'; id: string };

/**
 * Every e-mail and SMS the business sends to its customers. With no SMTP server or SMS provider
 * configured a message stays here as `held`, and the app shows it in the outbox.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    channel: messageChannel('channel').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: outboxStatus('status').notNull().default('queued'),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    interactionId: uuid('interaction_id'),
    customerId: uuid('customer_id'),
    sentById: uuid('sent_by_id'),
    // References to documents rendered when the message goes out (e.g. `{ kind: 'quote', id }`),
    // never the bytes: the row stays small and the attachment shows the document as it is then.
    attachments: jsonb('attachments').$type<OutboxAttachmentRef[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('outbox_messages_created_idx').on(t.businessId, t.createdAt, t.id),
    // Timelines show each e-mail's delivery state beside the interaction it was logged as.
    index('outbox_messages_interaction_idx').on(t.businessId, t.interactionId),
  ],
);
