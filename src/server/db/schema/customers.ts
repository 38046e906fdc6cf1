import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { businesses } from './businesses';

/**
 * Text compared byte by byte. Sort and search keys are computed in the app (Turkish alphabet,
 * folded letters), so their order and matching must not depend on the database server's locale.
 */
export const byteText = customType<{ data: string }>({
  dataType() {
    return 'text COLLATE "C"';
  },
});

export const CUSTOMER_KINDS = ['person', 'company'] as const;
export const CUSTOMER_STATUSES = ['lead', 'active', 'inactive', 'lost'] as const;
export const customerKind = pgEnum('customer_kind', CUSTOMER_KINDS);
export const customerStatus = pgEnum('customer_status', CUSTOMER_STATUSES);

/**
 * People and companies. A person may belong to one company (`company_id`, same table). The
 * purchase and interaction summaries (`lifetime_value_minor`, `last_purchase_at`,
 * `last_interaction_at`) are kept up to date in the transaction that changes their source rows,
 * so segments and sorting read them directly.
 *
 * `company_id` and `owner_id` are cleared with `ON DELETE SET NULL (column)` in the migration's
 * hand-written foreign keys: Drizzle's composite SET NULL would clear `business_id` too.
 */
export const customers = pgTable(
  'customers',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    kind: customerKind('kind').notNull(),
    name: text('name').notNull(),
    companyId: uuid('company_id'),
    jobTitle: text('job_title'),
    // E-mails lower-cased; phones in E.164. The first of each is the primary one.
    emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    address: text('address'),
    city: text('city'),
    country: text('country'),
    taxNumber: text('tax_number'),
    taxOffice: text('tax_office'),
    source: text('source'),
    status: customerStatus('status').notNull().default('lead'),
    ownerId: uuid('owner_id'),
    birthday: date('birthday'),
    notes: text('notes'),
    emailConsent: boolean('email_consent').notNull().default(false),
    emailConsentAt: timestamp('email_consent_at', { withTimezone: true }),
    emailConsentSource: text('email_consent_source'),
    smsConsent: boolean('sms_consent').notNull().default(false),
    smsConsentAt: timestamp('sms_consent_at', { withTimezone: true }),
    smsConsentSource: text('sms_consent_source'),
    // Folded (Turkish letters to ASCII, lower case) name, company name, e-mails and phones.
    searchText: byteText('search_text').notNull(),
    // The name as a key that sorts in Turkish alphabetical order (see lib/text.ts).
    sortName: byteText('sort_name').notNull(),
    lifetimeValueMinor: bigint('lifetime_value_minor', { mode: 'number' }).notNull().default(0),
    purchaseCount: integer('purchase_count').notNull().default(0),
    lastPurchaseAt: timestamp('last_purchase_at', { withTimezone: true }),
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('customers_sort_idx').on(t.businessId, t.sortName, t.id),
    index('customers_created_idx').on(t.businessId, t.createdAt, t.id),
    index('customers_company_idx').on(t.businessId, t.companyId),
    index('customers_owner_idx').on(t.businessId, t.ownerId),
    index('customers_status_idx').on(t.businessId, t.status, t.sortName, t.id),
    index('customers_ltv_idx').on(t.businessId, t.lifetimeValueMinor, t.id),
    index('customers_last_interaction_idx').on(t.businessId, t.lastInteractionAt, t.id),
    index('customers_last_purchase_idx').on(t.businessId, t.lastPurchaseAt, t.id),
    index('customers_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // Without GIN's pending list: duplicate checks look up hundreds of e-mails and phones at once
    // (an import batch), and every lookup would scan the whole unmerged list (measured: 300 ms at
    // 10,000 fresh rows, 5 ms without it).
    index('customers_emails_idx').using('gin', t.emails).with({ fastupdate: false }),
    index('customers_phones_idx').using('gin', t.phones).with({ fastupdate: false }),
  ],
);

/** A label with a colour; many per customer. */
export const tags = pgTable(
  'tags',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    color: text('color').notNull().default('gray'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.id] }), uniqueIndex('tags_business_name_key').on(t.businessId, sql`lower(${t.name})`)],
);

export const customerTags = pgTable(
  'customer_tags',
  {
    businessId: uuid('business_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    tagId: uuid('tag_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.customerId, t.tagId] }),
    index('customer_tags_tag_idx').on(t.businessId, t.tagId, t.customerId),
    foreignKey({ columns: [t.businessId, t.customerId], foreignColumns: [customers.businessId, customers.id], name: 'customer_tags_customer_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.businessId, t.tagId], foreignColumns: [tags.businessId, tags.id], name: 'customer_tags_tag_fk' }).onDelete('cascade'),
  ],
);

/** A saved filter over customers; its count is computed live, and campaigns will use it. */
export const segments = pgTable(
  'segments',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    // The customer-list filter, validated by the customers module's schema before it is stored.
    filters: jsonb('filters').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.id] }), uniqueIndex('segments_business_name_key').on(t.businessId, sql`lower(${t.name})`)],
);

/** Notes on a customer; pinned ones show on top of the profile. */
export const customerNotes = pgTable(
  'customer_notes',
  {
    businessId: uuid('business_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    body: text('body').notNull(),
    pinned: boolean('pinned').notNull().default(false),
    // Cleared with SET NULL (author_id) in the migration when the personnel record goes.
    authorId: uuid('author_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('customer_notes_customer_idx').on(t.businessId, t.customerId, t.pinned, t.createdAt),
    foreignKey({ columns: [t.businessId, t.customerId], foreignColumns: [customers.businessId, customers.id], name: 'customer_notes_customer_fk' }).onDelete('cascade'),
  ],
);

export const PURCHASE_STATUSES = ['pending', 'paid', 'cancelled', 'refunded'] as const;
export const purchaseStatus = pgEnum('purchase_status', PURCHASE_STATUSES);

/**
 * An order of a customer. Totals are minor units; `external_ref` (unique per business) lets an
 * import or API client send the same order twice without creating it twice.
 */
export const purchases = pgTable(
  'purchases',
  {
    businessId: uuid('business_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull(),
    status: purchaseStatus('status').notNull().default('paid'),
    currency: char('currency', { length: 3 }).notNull(),
    subtotalMinor: bigint('subtotal_minor', { mode: 'number' }).notNull(),
    vatMinor: bigint('vat_minor', { mode: 'number' }).notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    externalRef: text('external_ref'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.id] }),
    index('purchases_customer_idx').on(t.businessId, t.customerId, t.orderedAt),
    uniqueIndex('purchases_external_ref_key').on(t.businessId, t.externalRef).where(sql`${t.externalRef} is not null`),
    foreignKey({ columns: [t.businessId, t.customerId], foreignColumns: [customers.businessId, customers.id], name: 'purchases_customer_fk' }).onDelete('cascade'),
  ],
);

/** A line of a purchase. VAT rate in basis points (20% = 2000); quantity in thousandths. */
export const purchaseItems = pgTable(
  'purchase_items',
  {
    businessId: uuid('business_id').notNull(),
    purchaseId: uuid('purchase_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'number' }).notNull(),
    vatRateBp: integer('vat_rate_bp').notNull(),
    lineSubtotalMinor: bigint('line_subtotal_minor', { mode: 'number' }).notNull(),
    lineVatMinor: bigint('line_vat_minor', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.purchaseId, t.position] }),
    foreignKey({ columns: [t.businessId, t.purchaseId], foreignColumns: [purchases.businessId, purchases.id], name: 'purchase_items_purchase_fk' }).onDelete('cascade'),
  ],
);
