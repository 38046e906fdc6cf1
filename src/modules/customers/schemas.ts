import { z } from 'zod';
import { dateField, hasNoNul, normalizePhone, optionalText, requiredText, uuidField, versionField } from '@/lib/validation';

// The same lists as the database enums (src/server/db/schema/customers.ts); kept here so that
// client components can import this file without the database schema.
export const CUSTOMER_KINDS = ['person', 'company'] as const;
export const CUSTOMER_STATUSES = ['lead', 'active', 'inactive', 'lost'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const TAG_COLORS = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;

const MAX_CONTACTS = 10;

const optionalDate = dateField
  .nullish()
  .or(z.literal(''))
  .transform((v) => (v ? v : null));

/** E-mail addresses, lower-cased, without blanks and repeats. */
const emailList = z
  .array(z.string('invalid').trim().max(254, 'tooLong'), 'invalid')
  .max(MAX_CONTACTS, 'tooMany')
  .default([])
  .transform((list, ctx) => {
    const out: string[] = [];
    for (const raw of list) {
      if (!raw) continue;
      const email = raw.toLowerCase();
      if (!z.email().safeParse(email).success) {
        ctx.addIssue({ code: 'custom', message: 'email' });
        return z.NEVER;
      }
      if (!out.includes(email)) out.push(email);
    }
    return out;
  });

/** Phone numbers as people write them in Turkey ("0532 123 45 67", "+90 532…", "5321234567") → E.164. */
const phoneList = z
  .array(z.string('invalid').trim().max(40, 'tooLong'), 'invalid')
  .max(MAX_CONTACTS, 'tooMany')
  .default([])
  .transform((list, ctx) => {
    const out: string[] = [];
    for (const raw of list) {
      if (!raw) continue;
      const phone = normalizePhone(raw);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'phone' });
        return z.NEVER;
      }
      if (!out.includes(phone)) out.push(phone);
    }
    return out;
  });

export const customerFieldsSchema = z.object({
  kind: z.enum(CUSTOMER_KINDS, 'invalid').default('person'),
  name: requiredText(200),
  companyId: uuidField.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  jobTitle: optionalText(120),
  emails: emailList,
  phones: phoneList,
  address: optionalText(500),
  city: optionalText(100),
  country: optionalText(100),
  taxNumber: optionalText(20),
  taxOffice: optionalText(120),
  source: optionalText(100),
  status: z.enum(CUSTOMER_STATUSES, 'invalid').default('lead'),
  ownerId: uuidField.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  birthday: optionalDate,
  notes: optionalText(5000),
  emailConsent: z.boolean('invalid').default(false),
  emailConsentSource: optionalText(200),
  smsConsent: z.boolean('invalid').default(false),
  smsConsentSource: optionalText(200),
});
export type CustomerFields = z.output<typeof customerFieldsSchema>;

export const createCustomerSchema = customerFieldsSchema;
export type CreateCustomerInput = z.input<typeof createCustomerSchema>;

export const updateCustomerSchema = customerFieldsSchema.extend({ id: uuidField, version: versionField });
export type UpdateCustomerInput = z.input<typeof updateCustomerSchema>;

export const customerIdSchema = z.object({ id: uuidField });

const idList = z.array(uuidField, 'invalid').min(1, 'required').max(1000, 'tooMany');

export const deleteCustomersSchema = z.object({ ids: idList });
export const tagCustomersSchema = z.object({ customerIds: idList, tagId: uuidField, remove: z.boolean('invalid').default(false) });
export const assignOwnerSchema = z.object({
  customerIds: idList,
  ownerId: uuidField.nullable(),
});

export const mergeCustomersSchema = z
  .object({ survivorId: uuidField, otherId: uuidField })
  .refine((v) => v.survivorId !== v.otherId, { message: 'sameRecord', path: ['otherId'] });

// ─── Filters (the list, segments, and later campaigns) ──────────────────────────────────────

const searchField = z.string('invalid').trim().max(100, 'tooLong').refine(hasNoNul, 'invalid');
const moneyMinor = z.number('invalid').int('invalid').min(0, 'invalid').max(1e15, 'invalid');

/**
 * One filter over the business's customers. The list's controls, a saved segment and a campaign's
 * audience are all this shape; `customerFilterWhere` in queries.ts turns it into SQL. Date ranges
 * are calendar days in the business's time zone, both ends included.
 */
export const customerFilterSchema = z.object({
  search: searchField.optional(),
  kind: z.enum(CUSTOMER_KINDS, 'invalid').optional(),
  /** Customers with at least one of these tags. */
  tagIds: z.array(uuidField, 'invalid').max(50, 'tooMany').optional(),
  statuses: z.array(z.enum(CUSTOMER_STATUSES, 'invalid'), 'invalid').max(4, 'tooMany').optional(),
  /** Owners (personnel ids); `null` in the list means "no owner". */
  ownerIds: z.array(uuidField.nullable(), 'invalid').max(50, 'tooMany').optional(),
  cities: z.array(searchField, 'invalid').max(50, 'tooMany').optional(),
  sources: z.array(searchField, 'invalid').max(50, 'tooMany').optional(),
  companyId: uuidField.optional(),
  createdFrom: dateField.optional(),
  createdTo: dateField.optional(),
  lastPurchaseFrom: dateField.optional(),
  lastPurchaseTo: dateField.optional(),
  lifetimeValueMin: moneyMinor.optional(),
  lifetimeValueMax: moneyMinor.optional(),
  lastInteractionFrom: dateField.optional(),
  lastInteractionTo: dateField.optional(),
});
export type CustomerFilter = z.output<typeof customerFilterSchema>;

export const CUSTOMER_SORTS = ['name', 'created', 'lifetimeValue', 'lastInteraction'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export const listCustomersSchema = z.object({
  filters: customerFilterSchema.default({}),
  segmentId: uuidField.optional(),
  sort: z.enum(CUSTOMER_SORTS, 'invalid').default('name'),
  dir: z.enum(['asc', 'desc'], 'invalid').default('asc'),
  cursor: z.string('invalid').max(600, 'tooLong').optional(),
  limit: z.number('invalid').int('invalid').min(1, 'invalid').max(200, 'tooLong').default(100),
});
export type ListCustomersInput = z.input<typeof listCustomersSchema>;

export const duplicateCheckSchema = z.object({
  excludeId: uuidField.optional(),
  name: z.string('invalid').trim().max(200, 'tooLong').refine(hasNoNul, 'invalid').default(''),
  emails: z.array(z.string('invalid').max(254, 'tooLong'), 'invalid').max(MAX_CONTACTS, 'tooMany').default([]),
  phones: z.array(z.string('invalid').max(40, 'tooLong'), 'invalid').max(MAX_CONTACTS, 'tooMany').default([]),
});

// ─── Tags, segments, notes ──────────────────────────────────────────────────────────────────

export const tagFieldsSchema = z.object({
  name: requiredText(60),
  color: z.enum(TAG_COLORS, 'invalid').default('gray'),
});
export const createTagSchema = tagFieldsSchema;
export const updateTagSchema = tagFieldsSchema.extend({ id: uuidField, version: versionField });
export const tagIdSchema = z.object({ id: uuidField });

export const segmentFieldsSchema = z.object({
  name: requiredText(80),
  filters: customerFilterSchema.omit({ search: true }),
});
export const createSegmentSchema = segmentFieldsSchema;
export const updateSegmentSchema = segmentFieldsSchema.extend({ id: uuidField, version: versionField });
export const segmentIdSchema = z.object({ id: uuidField });

export const noteFieldsSchema = z.object({
  body: requiredText(10_000),
  pinned: z.boolean('invalid').default(false),
});
export const createNoteSchema = noteFieldsSchema.extend({ customerId: uuidField });
export const updateNoteSchema = noteFieldsSchema.extend({ id: uuidField, version: versionField });
export const noteIdSchema = z.object({ id: uuidField });
