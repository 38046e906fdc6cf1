import { z } from 'zod';
import { optionalText, requiredText, uuidField, versionField } from '@/lib/validation';

// The same lists as the database enums (server/db/schema/interactions.ts), kept here so that the
// forms can use these schemas without bundling the database schema.
export const INTERACTION_TYPES = ['email', 'call', 'meeting', 'note', 'sms'] as const;
export const INTERACTION_DIRECTIONS = ['inbound', 'outbound'] as const;
export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'held'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Outcomes the call form offers as one click; `outcome` itself is free text. */
export const CALL_OUTCOMES = ['connected', 'noAnswer', 'busy', 'voicemail', 'callBack'] as const;

// Far enough either way for any real record, near enough that no date arithmetic overflows.
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** An instant with its offset ("2026-03-05T14:30:00+03:00"); the forms convert from the business's zone. */
export const instantField = z
  .iso.datetime({ offset: true, message: 'invalid' })
  .transform((v) => new Date(v))
  .refine((d) => d.getTime() >= EARLIEST && d.getTime() < LATEST, 'invalid');

const uniqueIds = (max: number) =>
  z
    .array(uuidField, 'invalid')
    .max(max, 'tooLong')
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);

export const interactionFieldsSchema = z.object({
  type: z.enum(INTERACTION_TYPES, 'invalid'),
  direction: z
    .enum(INTERACTION_DIRECTIONS, 'invalid')
    .nullish()
    .transform((v) => v ?? null),
  occurredAt: instantField,
  durationMinutes: z
    .number('invalid')
    .int('invalid')
    .min(0, 'invalid')
    .max(24 * 60, 'tooLong')
    .nullish()
    .transform((v) => v ?? null),
  subject: optionalText(300),
  body: optionalText(20_000),
  outcome: optionalText(120),
  customerIds: uniqueIds(50).refine((ids) => ids.length > 0, 'required'),
  personnelIds: uniqueIds(50).default([]),
});

export const createInteractionSchema = interactionFieldsSchema;
export type CreateInteractionInput = z.input<typeof createInteractionSchema>;

export const updateInteractionSchema = interactionFieldsSchema.extend({ id: uuidField, version: versionField });
export type UpdateInteractionInput = z.input<typeof updateInteractionSchema>;

export const interactionIdSchema = z.object({ id: uuidField });

export const templateFieldsSchema = z.object({
  channel: z.enum(MESSAGE_CHANNELS, 'invalid'),
  name: requiredText(120),
  subject: optionalText(300),
  body: requiredText(20_000),
});
export const createTemplateSchema = templateFieldsSchema;
export const updateTemplateSchema = templateFieldsSchema.extend({ id: uuidField, version: versionField });
export const templateIdSchema = z.object({ id: uuidField });
export type TemplateInput = z.input<typeof templateFieldsSchema>;

/** Longest SMS text we accept: ten concatenated parts of Turkish (UCS-2 or the TR table) text. */
export const SMS_MAX_LENGTH = 1_000;

export const sendEmailSchema = z.object({
  customerId: uuidField,
  templateId: uuidField.nullish().transform((v) => v ?? null),
  subject: requiredText(300),
  body: requiredText(20_000),
});
export type SendEmailInput = z.input<typeof sendEmailSchema>;

export const sendSmsSchema = z.object({
  customerId: uuidField,
  templateId: uuidField.nullish().transform((v) => v ?? null),
  body: requiredText(SMS_MAX_LENGTH),
});
export type SendSmsInput = z.input<typeof sendSmsSchema>;

/** A page of the feed or of one customer's timeline (the "load more" of the pages and the API). */
export const findInteractionsSchema = z.object({
  customerId: uuidField.optional(),
  type: z.enum(INTERACTION_TYPES, 'invalid').optional(),
  personnelId: uuidField.optional(),
  from: instantField.optional(),
  to: instantField.optional(),
  cursor: z.string().max(400, 'tooLong').optional(),
  limit: z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(200, 'tooLong').default(50),
});

/** A page of one customer's communication history: interactions and the notes box's notes. */
export const findCustomerTimelineSchema = z.object({
  customerId: uuidField,
  type: z.enum(INTERACTION_TYPES, 'invalid').optional(),
  cursor: z.string().max(400, 'tooLong').optional(),
  limit: z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(200, 'tooLong').default(50),
});

/** Customers for a picker: a search over their folded name, e-mail and phone. */
export const customerOptionsSchema = z.object({ search: z.string('invalid').max(100, 'tooLong').default('') });
