import { z } from 'zod';
import { optionalDateField, optionalText, requiredText, uuidField, versionField } from '@/lib/validation';

export const QUOTE_LANGUAGES = ['tr', 'en'] as const;
export type QuoteLanguage = (typeof QUOTE_LANGUAGES)[number];
/**
 * A quote's state as people and clients read it. Stored are draft, sent, accepted and rejected; a
 * sent quote reads as its e-mail's state until the mail server accepted it (`queued`, `held` with
 * no mail server, `failed`), and `expired` past its last valid day.
 */
export const QUOTE_STATUSES = ['draft', 'queued', 'held', 'sent', 'failed', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** A line: quantity in thousandths, unit price in minor units, discount and VAT in basis points. */
export const quoteItemSchema = z.object({
  name: requiredText(300),
  quantityMilli: z.number('invalid').int('invalid').min(1, 'invalid').max(1_000_000_000, 'invalid').describe('Quantity × 1000 (1.5 → 1500)'),
  unitPriceMinor: z.number('invalid').int('invalid').min(0, 'invalid').max(1_000_000_000_000, 'invalid').describe('Unit price in minor units of the quote’s currency (kuruş for TRY; JPY has none, KWD three)'),
  discountBp: z.number('invalid').int('invalid').min(0, 'invalid').max(10_000, 'invalid').default(0).describe('Discount in basis points (12.5% → 1250)'),
  vatRateBp: z.number('invalid').int('invalid').min(0, 'invalid').max(10_000, 'invalid').describe('VAT rate in basis points (20% → 2000)'),
});
export type QuoteItemInput = z.input<typeof quoteItemSchema>;

export const optionalDate = optionalDateField;

export const quoteFieldsSchema = z.object({
  language: z.enum(QUOTE_LANGUAGES, 'invalid').default('tr'),
  validUntil: optionalDate.describe('YYYY-MM-DD; a sent quote past this day is expired'),
  notes: optionalText(4000),
  items: z.array(quoteItemSchema, 'invalid').max(200, 'tooLong').default([]),
});

export const createQuoteSchema = quoteFieldsSchema.extend({ dealId: uuidField });
export type CreateQuoteInput = z.input<typeof createQuoteSchema>;

export const updateQuoteSchema = quoteFieldsSchema.extend({ id: uuidField, version: versionField });
export type UpdateQuoteInput = z.input<typeof updateQuoteSchema>;

export const quoteIdSchema = z.object({ id: uuidField });

/** The customer's answer on the public page. */
export const respondQuoteSchema = z.object({
  token: z.string().min(20).max(200),
  decision: z.enum(['accepted', 'rejected']),
});
